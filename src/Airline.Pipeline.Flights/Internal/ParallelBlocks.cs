namespace Airline.Pipeline.Flights.Internal;

/// <summary>
/// Runs blocks on several cores with the output in input order. Each worker reads its next block itself (one reader
/// at a time, under a lock) and processes it, so a block's bytes land in the cache of the core that processes them;
/// results are emitted strictly in block order by whichever worker completes the next one. At most
/// <c>2 x workers</c> blocks are read and not yet emitted, which bounds memory whatever the file size.
/// </summary>
internal sealed class ParallelBlocks
{
    private readonly BlockReader _reader;
    private readonly BlockProcessor _processor;
    private readonly int _workers;
    private readonly int _samples;
    private readonly Func<BlockResult, CancellationToken, ValueTask> _emit;
    private readonly SemaphoreSlim _readLock = new(1, 1);
    private readonly SemaphoreSlim _emitLock = new(1, 1);
    private readonly SemaphoreSlim _inFlight;
    private readonly Dictionary<long, BlockResult> _done = [];
    private Block? _first;
    private long _nextRead;
    private long _nextEmit;

    public ParallelBlocks(
        BlockReader reader, Block first, BlockProcessor processor, int workers, int samples, Func<BlockResult, CancellationToken, ValueTask> emit)
    {
        _reader = reader;
        _first = first;
        _processor = processor;
        _workers = workers;
        _samples = samples;
        _emit = emit;
        _inFlight = new SemaphoreSlim(2 * workers, 2 * workers);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WorkerGroup.RunAsync(_workers, WorkAsync, static () => false, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _first?.Dispose();
            foreach (var result in _done.Values)
            {
                result.Dispose();
            }

            _done.Clear();
        }
    }

    private async Task WorkAsync(CancellationTokenSource stop)
    {
        while (await TakeNextAsync(stop.Token).ConfigureAwait(false) is var (block, sequence) && block is not null)
        {
            BlockResult result;
            using (block)
            {
                result = _processor.Process(block.Span, block.FirstLine, _samples);
                result.Bytes = block.Bytes;
            }

            await CompleteAsync(sequence, result, stop.Token).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for room, then reads the next block and numbers it; a null block means the input has ended.</summary>
    private async Task<(Block? Block, long Sequence)> TakeNextAsync(CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        _readLock.Wait(cancellationToken); // held for one block read (a fraction of a millisecond): waiting here beats a thread-pool hop
        try
        {
            var block = _first ?? await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            _first = null;
            if (block is null)
            {
                _inFlight.Release();
                return (null, -1);
            }

            return (block, _nextRead++);
        }
        finally
        {
            _readLock.Release();
        }
    }

    /// <summary>Files a finished block and emits every block that is now next in order.</summary>
    private async Task CompleteAsync(long sequence, BlockResult result, CancellationToken cancellationToken)
    {
        await _emitLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _done.Add(sequence, result);
            while (_done.Remove(_nextEmit, out var ready))
            {
                _nextEmit++;
                await _emit(ready, cancellationToken).ConfigureAwait(false);
                _inFlight.Release();
            }
        }
        finally
        {
            _emitLock.Release();
        }
    }
}
