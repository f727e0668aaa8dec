namespace Airline.Pipeline.Cli.Internal;

/// <summary>
/// Reads lines of UTF-8 bytes from a stream without decoding them (JSON parses UTF-8 directly): each line is
/// valid until the next call. A leading byte order mark and a trailing carriage return are dropped.
/// </summary>
internal sealed class Utf8LineReader(Stream stream)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;

    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = _buffer.AsMemory(_start, newline);
                _start += newline + 1;
                return TrimCarriageReturn(line);
            }

            if (_eof)
            {
                if (_start == _end)
                {
                    return null;
                }

                var rest = _buffer.AsMemory(_start, _end - _start);
                _start = _end;
                return TrimCarriageReturn(rest);
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            _eof = read == 0;
            _end += read;
            if (!_started && _end >= 3)
            {
                _started = true;
                if (_buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
                {
                    _start = 3;
                }
            }
        }
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
}
