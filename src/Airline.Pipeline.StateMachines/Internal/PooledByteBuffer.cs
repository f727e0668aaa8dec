using System.Buffers;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>
/// A growable buffer writer on <see cref="ArrayPool{T}"/>: writing a large definition no longer leaves a trail of
/// doubled arrays behind; the caller copies the result once with <see cref="ToArray"/>.
/// </summary>
internal sealed class PooledByteBuffer(int initialCapacity) : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
    private int _written;

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    /// <summary>The written bytes in an array of their own (not zeroed first: every byte is copied over).</summary>
    public byte[] ToArray()
    {
        var bytes = GC.AllocateUninitializedArray<byte>(_written);
        _buffer.AsSpan(0, _written).CopyTo(bytes);
        return bytes;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed > _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
            _buffer.AsSpan(0, _written).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }
}
