using System.Buffers.Binary;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>The first (or last) eight bytes of a UTF-8 name as a number, zero-padded: a cheap key for name lookups.</summary>
internal static class Utf8Head
{
    public static ulong First(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length >= 8)
        {
            return BinaryPrimitives.ReadUInt64LittleEndian(utf8);
        }

        var value = 0UL;
        for (var i = 0; i < utf8.Length; i++)
        {
            value |= (ulong)utf8[i] << (8 * i);
        }

        return value;
    }

    public static ulong Last(ReadOnlySpan<byte> utf8) => utf8.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]) : First(utf8);
}
