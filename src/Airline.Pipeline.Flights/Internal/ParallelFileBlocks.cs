using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace Airline.Pipeline.Flights.Internal;

/// <summary>
/// Several cores on a file: each worker reads its own chunk with a positional read (no lock, so the kernel's copies run
/// in parallel too) and takes the records that start in it. A chunk's first record is taken to start after the first
/// line feed at or after the chunk's start, which is right unless that line feed is inside a quoted field: so the
/// guess is checked, in order, when results are emitted. A block whose last line feed turns out not to end a record
/// (the processor did not consume all of it) stops the parallel run there, and the caller goes on sequentially from
/// the last record end that is certain. Line numbers are only known in order too: a block with rejects or a fatal
/// error is processed again with its real first line before it is emitted (rare: only such blocks pay).
/// </summary>
internal sealed class ParallelFileBlocks
{
    /// <summary>How far past its chunk a worker reads first to find where its last record ends (records are usually
    /// far shorter; a longer one is read on, doubling, up to the longest record allowed).</summary>
    private const int Overlap = 4 * 1024;

    private readonly SafeFileHandle _file;
    private readonly long _start;
    private readonly long _length;
    private readonly int _chunkSize;
    private readonly int _maxOverlap;
    private readonly BlockProcessor _processor;
    private readonly int _workers;
    private readonly int _samples;
    private readonly Func<BlockResult, CancellationToken, ValueTask> _emit;
    private readonly SemaphoreSlim _emitLock = new(1, 1);
    private readonly SemaphoreSlim _inFlight;
    private readonly Dictionary<long, Chunk> _done = [];
    private long _nextChunk = -1;
    private long _nextEmit;
    private bool _stopped;

    public ParallelFileBlocks(
        SafeFileHandle file, long start, long length, long firstLine, int chunkSize, int maxRow, BlockProcessor processor, int workers,
        int samples, Func<BlockResult, CancellationToken, ValueTask> emit)
    {
        _maxOverlap = maxRow;
        _file = file;
        _start = start;
        _length = length;
        Position = start;
        Line = firstLine;
        _chunkSize = chunkSize;
        _processor = processor;
        _workers = workers;
        _samples = samples;
        _emit = emit;
        _inFlight = new SemaphoreSlim(2 * workers, 2 * workers);
    }

    /// <summary>After the run: the offset of the first record not emitted (the file's length when all were).</summary>
    public long Position { get; private set; }

    /// <summary>After the run: the line of the record at <see cref="Position"/>.</summary>
    public long Line { get; private set; }

    /// <summary>Runs until the end of the file or until a chunk boundary guess fails; true when the file is done.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WorkerGroup.RunAsync(_workers, WorkAsync, () => _stopped, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var chunk in _done.Values)
            {
                chunk.Dispose();
            }

            _done.Clear();
        }

        return !_stopped;
    }

    private async Task WorkAsync(CancellationTokenSource stop)
    {
        while (true)
        {
            await _inFlight.WaitAsync(stop.Token).ConfigureAwait(false);
            var index = Interlocked.Increment(ref _nextChunk);
            var chunkStart = _start + (index * _chunkSize);
            if (chunkStart >= _length)
            {
                _inFlight.Release();
                return;
            }

            await CompleteAsync(ReadChunk(index, chunkStart), stop).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a chunk (from the byte before it, to see whether a record starts right at it) plus the overlap,
    /// and processes the records that start in it.</summary>
    private Chunk ReadChunk(long index, long chunkStart)
    {
        var readFrom = index == 0 ? chunkStart : chunkStart - 1;
        var chunkEnd = chunkStart + _chunkSize;
        var last = chunkEnd >= _length;
        var readTo = Math.Min(_length, chunkEnd + Overlap);
        var buffer = ArrayPool<byte>.Shared.Rent((int)(readTo - readFrom));
        var chunk = new Chunk(index, buffer, readFrom);
        try
        {
            var filled = Read(buffer, 0, (int)(readTo - readFrom), readFrom);
            var from = index == 0 ? 0 : buffer.AsSpan(0, filled).IndexOf((byte)'\n') + 1;
            var to = last ? filled : FirstRecordStartFrom(buffer.AsSpan(0, filled), (int)(chunkEnd - 1 - readFrom));
            while (to < 0 && filled == readTo - readFrom && readTo < _length && readTo - chunkEnd < _maxOverlap)
            {
                // The last record runs past the overlap: read on (a long record; rare).
                readTo = Math.Min(_length, readTo + (readTo - chunkEnd));
                buffer = chunk.Grow((int)(readTo - readFrom), filled);
                filled += Read(buffer, filled, (int)(readTo - readFrom) - filled, readFrom + filled);
                to = FirstRecordStartFrom(buffer.AsSpan(0, filled), (int)(chunkEnd - 1 - readFrom));
            }

            if ((from <= 0 && index != 0) || to < from)
            {
                return chunk; // no record boundary found: the run goes on sequentially from the last certain one
            }

            var data = buffer.AsSpan(0, filled);
            chunk.From = from;
            chunk.To = to;
            chunk.Final = last && filled == readTo - readFrom;
            chunk.Result = _processor.Process(data[from..to], 1, _samples, chunk.Final);
            chunk.Clean = chunk.Result.Consumed == to - from;
            return chunk;
        }
        catch
        {
            chunk.Dispose();
            throw;
        }
    }

    /// <summary>Reads up to <paramref name="count"/> bytes at <paramref name="offset"/>; fewer only at the file's end.</summary>
    private int Read(byte[] buffer, int at, int count, long offset)
    {
        var filled = 0;
        while (filled < count)
        {
            var read = RandomAccess.Read(_file, buffer.AsSpan(at + filled, count - filled), offset + filled);
            if (read == 0)
            {
                break; // the file shrank: what was read is processed, and the check in order stops the run
            }

            filled += read;
        }

        return filled;
    }

    private static int FirstRecordStartFrom(ReadOnlySpan<byte> data, int at)
    {
        if (at >= data.Length)
        {
            return -1;
        }

        var lineFeed = data[at..].IndexOf((byte)'\n');
        return lineFeed < 0 ? -1 : at + lineFeed + 1;
    }

    /// <summary>Files a processed chunk and emits, in order, every chunk that is now next; stops the run at the first
    /// chunk whose boundary guess failed.</summary>
    private async Task CompleteAsync(Chunk chunk, CancellationTokenSource stop)
    {
        // Not cancellable: the chunk must be filed (and so disposed by the run) whatever happens.
        await _emitLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            _done.Add(chunk.Index, chunk);
            while (!_stopped && _done.Remove(_nextEmit, out var ready))
            {
                using (ready)
                {
                    _nextEmit++;
                    if (ready.Result is null || ready.Offset != Position)
                    {
                        Stop(stop);
                        break;
                    }

                    var result = ready.Result;
                    ready.Result = null;
                    if (result.Rejects.Length > 0 || result.Fatal is not null || result.Samples is not null)
                    {
                        // Line numbers are written into rejects and errors: now that the first line is known, again.
                        result.Dispose();
                        result = _processor.Process(ready.Data, Line, _samples, ready.Final);
                    }

                    result.Bytes = result.Consumed;
                    Position = ready.Offset + result.Consumed;
                    Line += result.LinesConsumed;
                    await _emit(result, stop.Token).ConfigureAwait(false);
                    if (!ready.Clean)
                    {
                        Stop(stop);
                        break;
                    }
                }

                _inFlight.Release();
            }
        }
        finally
        {
            _emitLock.Release();
        }
    }

    private void Stop(CancellationTokenSource stop)
    {
        _stopped = true;
        stop.Cancel();
    }

    /// <summary>One chunk's bytes (kept until it is emitted) and what the processor made of them.</summary>
    private sealed class Chunk(long index, byte[] buffer, long readFrom) : IDisposable
    {
        private byte[]? _buffer = buffer;

        /// <summary>A larger buffer with the first <paramref name="keep"/> bytes of the current one.</summary>
        public byte[] Grow(int size, int keep)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(size);
            _buffer.AsSpan(0, keep).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer!);
            _buffer = bigger;
            return bigger;
        }

        public long Index { get; } = index;

        public int From { get; set; }

        public int To { get; set; }

        public bool Final { get; set; }

        public bool Clean { get; set; }

        public BlockResult? Result { get; set; }

        /// <summary>The file offset of the chunk's first record.</summary>
        public long Offset => readFrom + From;

        public ReadOnlySpan<byte> Data => _buffer.AsSpan(From, To - From);

        public void Dispose()
        {
            Result?.Dispose();
            Result = null;
            if (_buffer is { } array)
            {
                _buffer = null;
                ArrayPool<byte>.Shared.Return(array);
            }
        }
    }
}
