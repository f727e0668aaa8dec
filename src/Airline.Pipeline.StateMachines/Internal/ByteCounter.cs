using System.Buffers;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>
/// A buffer writer that only counts what is written into one reused scratch buffer: the validator needs the
/// size of the written definition, not its bytes.
/// </summary>
internal sealed class ByteCounter : IBufferWriter<byte>
{
    private byte[] _scratch = new byte[16 * 1024];

    public long Count { get; private set; }

    public void Advance(int count) => Count += count;

    public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

    private byte[] Scratch(int sizeHint)
    {
        if (sizeHint > _scratch.Length)
        {
            _scratch = new byte[sizeHint];
        }

        return _scratch;
    }
}
