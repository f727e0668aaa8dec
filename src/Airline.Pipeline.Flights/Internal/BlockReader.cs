using System.Buffers;

namespace Airline.Pipeline.Flights.Internal;

/// <summary>A block of whole records in a pooled array, with the line its first record starts on.</summary>
internal sealed class Block : IDisposable
{
    private byte[]? _array;

    public Block(byte[] array, int offset, int length, long firstLine, long bytes)
    {
        _array = array;
        Offset = offset;
        Length = length;
        FirstLine = firstLine;
        Bytes = bytes;
    }

    public ReadOnlySpan<byte> Span => _array.AsSpan(Offset, Length);

    public int Offset { get; set; }

    public int Length { get; set; }

    public long FirstLine { get; set; }

    /// <summary>Bytes of the stream this block accounts for (its records plus a skipped BOM).</summary>
    public long Bytes { get; }

    /// <summary>The block ends where the input ends (a block from <see cref="BlockReader.ReadRawAsync"/> that is not
    /// final may end inside a record).</summary>
    public bool Final { get; init; } = true;

    public void Dispose()
    {
        if (_array is { } array)
        {
            _array = null;
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}

/// <summary>
/// Cuts a stream into blocks of whole records: a block ends after the last line feed that has an even number of
/// quotes before it (outside any quoted field, RFC 4180's doubled quotes count twice). The tail goes to the next
/// block. Memory: one block plus the carried tail; a record longer than the maximum fails the run.
/// </summary>
internal sealed class BlockReader
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private readonly Stream _stream;
    private readonly bool _readSynchronously;
    private readonly int _blockSize;
    private readonly int _maxRow;
    private byte[] _carry = [];
    private int _carryLength;
    private bool _endOfStream;
    private bool _first = true;
    private long _nextLine = 1;

    public BlockReader(Stream stream, int blockSize, int maxRow)
    {
        _stream = stream;
        _readSynchronously = stream is FileStream { IsAsync: false } or MemoryStream or UnmanagedMemoryStream;
        _blockSize = blockSize;
        _maxRow = maxRow;
    }

    /// <summary>A reader that continues a run at a record start in the middle of the stream (no BOM there) whose
    /// first record is on <paramref name="line"/>.</summary>
    public BlockReader(Stream stream, int blockSize, int maxRow, long line)
        : this(stream, blockSize, maxRow)
    {
        _first = false;
        _nextLine = line;
    }

    /// <summary>The line the next block's first record starts on.</summary>
    public long NextLine => _nextLine;

    public async ValueTask<Block?> ReadAsync(CancellationToken cancellationToken)
    {
        if (_endOfStream && _carryLength == 0)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(_blockSize, _carryLength * 2));
        try
        {
            _carry.AsSpan(0, _carryLength).CopyTo(buffer);
            var filled = _carryLength;
            _carryLength = 0;
            while (true)
            {
                filled = await FillAsync(buffer, filled, cancellationToken).ConfigureAwait(false);

                var offset = 0;
                if (_first && (filled >= Bom.Length || _endOfStream))
                {
                    _first = false;
                    offset = buffer.AsSpan(0, filled).StartsWith(Bom) ? Bom.Length : 0;
                }

                var cut = _endOfStream ? filled : FindCut(buffer.AsSpan(offset, filled - offset));
                if (cut >= 0)
                {
                    var end = _endOfStream ? filled : offset + cut;
                    if (end == offset && _endOfStream)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }

                    Carry(buffer.AsSpan(end, filled - end));
                    var block = new Block(buffer, offset, end - offset, _nextLine, end);
                    _nextLine += block.Span.Count((byte)'\n');
                    return block;
                }

                if (buffer.Length >= _maxRow)
                {
                    throw NoRecordEnd();
                }

                var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_maxRow, buffer.Length * 2));
                buffer.AsSpan(0, filled).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// The next block as it comes: the carried bytes plus as much of the stream as fits, not cut at a record. The
    /// caller takes the whole records and hands the rest back with <see cref="Release"/>, which saves the cut's
    /// scan for quotes and the line count when one core reads and processes. Follows a <see cref="ReadAsync"/>
    /// (which skips the BOM and gives the header whole).
    /// </summary>
    public async ValueTask<Block?> ReadRawAsync(CancellationToken cancellationToken)
    {
        if (_endOfStream && _carryLength == 0)
        {
            return null;
        }

        if (_carryLength >= _maxRow)
        {
            throw NoRecordEnd();
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(_maxRow, Math.Max(_blockSize, _carryLength * 2)));
        try
        {
            _carry.AsSpan(0, _carryLength).CopyTo(buffer);
            var filled = _carryLength;
            _carryLength = 0;
            filled = await FillAsync(buffer, filled, cancellationToken).ConfigureAwait(false);
            return new Block(buffer, 0, filled, _nextLine, filled) { Final = _endOfStream };
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Takes back a block from <see cref="ReadRawAsync"/>: the bytes after <paramref name="consumed"/> start
    /// the next block, <paramref name="lines"/> line breaks were passed. Disposes the block.</summary>
    public void Release(Block block, int consumed, long lines)
    {
        using (block)
        {
            Carry(block.Span[consumed..]);
            _nextLine += lines;
        }
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns how much it holds.</summary>
    private async ValueTask<int> FillAsync(byte[] buffer, int filled, CancellationToken cancellationToken)
    {
        while (!_endOfStream && filled < buffer.Length)
        {
            // A synchronous file or memory stream is read synchronously: its ReadAsync only moves the read to the
            // thread pool, a hop per block that costs more than the read on a busy machine.
            var read = _readSynchronously
                ? _stream.Read(buffer, filled, buffer.Length - filled)
                : await _stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            _endOfStream = read == 0;
            filled += read;
        }

        return filled;
    }

    private FlightDataException NoRecordEnd() => new(
        _nextLine,
        $"no record ends within {_maxRow} bytes: a quoted field is probably not closed (an unbalanced quote), " +
        "or raise FlightEnrichmentOptions.MaxRowBytes");

    /// <summary>The index just after the last line feed outside quotes, or -1 when there is none.</summary>
    internal static int FindCut(ReadOnlySpan<byte> data)
    {
        var lineFeed = data.LastIndexOf((byte)'\n');
        if (lineFeed < 0)
        {
            return -1;
        }

        var quotes = data[..lineFeed].Count((byte)'"');
        while ((quotes & 1) != 0)
        {
            var previous = data[..lineFeed].LastIndexOf((byte)'\n');
            if (previous < 0)
            {
                return -1;
            }

            quotes -= data[previous..lineFeed].Count((byte)'"');
            lineFeed = previous;
        }

        return lineFeed + 1;
    }

    private void Carry(ReadOnlySpan<byte> tail)
    {
        if (_carry.Length < tail.Length)
        {
            // Sized to the tail (usually part of one record), not to a block: a run allocates almost nothing.
            _carry = new byte[Math.Max(tail.Length, Math.Max(4096, _carry.Length * 2))];
        }

        tail.CopyTo(_carry);
        _carryLength = tail.Length;
    }
}
