using System.Buffers.Binary;
using System.Text;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>
/// Finds a known name from its UTF-8 bytes without decoding it: the first eight bytes and the length pick the
/// candidates (names that share both are all kept), and a byte comparison confirms.
/// </summary>
internal sealed class Utf8Names<T>
{
    private readonly Dictionary<ulong, (byte[] Utf8, T Value)[]> _candidates = [];

    public Utf8Names(IEnumerable<(string Name, T Value)> names)
    {
        foreach (var (name, value) in names)
        {
            var utf8 = Encoding.UTF8.GetBytes(name);
            var key = Key(utf8);
            _candidates[key] = _candidates.TryGetValue(key, out var existing) ? [.. existing, (utf8, value)] : [(utf8, value)];
        }
    }

    public bool TryGet(ReadOnlySpan<byte> utf8, out T value)
    {
        if (_candidates.TryGetValue(Key(utf8), out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (utf8.SequenceEqual(candidate.Utf8))
                {
                    value = candidate.Value;
                    return true;
                }
            }
        }

        value = default!;
        return false;
    }

    /// <summary>The first eight bytes (zero-padded) and the length.</summary>
    private static ulong Key(ReadOnlySpan<byte> utf8)
    {
        var head = 0UL;
        if (utf8.Length >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
        }
        else
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                head |= (ulong)utf8[i] << (8 * i);
            }
        }

        return head ^ ((ulong)utf8.Length << 56);
    }
}
