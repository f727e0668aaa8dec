using System.Text;

namespace Airline.Pipeline.Samples.AirlineIngestion.Local;

/// <summary>
/// A write-only pass-through that remembers the first line and the last line written, so a row can be appended
/// that copies the file's own layout (for <c>--inject-unknown-airport</c>) without reading the file back.
/// </summary>
internal sealed class TailTrackingStream(Stream inner) : Stream
{
    private const int Keep = 64 * 1024;
    private readonly MemoryStream _head = new();
    private byte[] _tail = [];
    private bool _headDone;

    public long Written { get; private set; }

    public string FirstLine => Encoding.UTF8.GetString(_head.ToArray()).TrimEnd('\r', '\n');

    public bool EndsWithNewline => _tail.Length > 0 && _tail[^1] == (byte)'\n';

    public string LastLine
    {
        get
        {
            var text = Encoding.UTF8.GetString(_tail).TrimEnd('\r', '\n');
            var start = text.LastIndexOf('\n');
            return start < 0 ? text : text[(start + 1)..];
        }
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Track(buffer);
        inner.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Track(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Track(ReadOnlySpan<byte> data)
    {
        Written += data.Length;
        if (!_headDone)
        {
            var end = data.IndexOf((byte)'\n');
            _head.Write(end < 0 ? data : data[..(end + 1)]);
            _headDone = end >= 0 || _head.Length > Keep;
        }

        var keep = Math.Min(Keep, _tail.Length + data.Length);
        var next = new byte[keep];
        var fromData = Math.Min(data.Length, keep);
        var fromTail = keep - fromData;
        _tail.AsSpan(_tail.Length - fromTail).CopyTo(next);
        data[^fromData..].CopyTo(next.AsSpan(fromTail));
        _tail = next;
    }
}
