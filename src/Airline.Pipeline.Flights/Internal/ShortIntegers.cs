using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Airline.Pipeline.Flights.Internal;

/// <summary>
/// Short integers (an optional minus and 1-7 digits) read eight bytes at a time without a branch per digit: the
/// quick filter calls this once per record, and a loop over 1-3 digits mispredicts on nearly every record.
/// </summary>
internal static class ShortIntegers
{
    private const ulong Zeros = 0x3030_3030_3030_3030;
    private const ulong HighNibbles = 0xF0F0_F0F0_F0F0_F0F0;
    private const ulong Sixes = 0x0606_0606_0606_0606;
    private const ulong LowNibbles = 0x0F0F_0F0F_0F0F_0F0F;

    /// <summary>Parses <c>data[start..end]</c>; false for anything but an optional minus and 1-7 ASCII digits
    /// (callers then take the general path, which parses and reports everything else).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> data, int start, int end, out long value)
    {
        value = 0;
        var length = end - start;
        if ((uint)(length - 1) >= 8)
        {
            return false;
        }

        if (start > data.Length - 8)
        {
            return TryParseNearEnd(data[start..end], out value);
        }

        return TryParse(ref MemoryMarshal.GetReference(data[start..]), length, out value);
    }

    /// <summary>Parses the <paramref name="length"/> bytes (1-8) at <paramref name="first"/>, reading eight bytes
    /// from there: the caller guarantees they exist.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ref byte first, int length, out long value)
    {
        value = 0;
        var word = Unsafe.ReadUnaligned<ulong>(ref first);
        if (!BitConverter.IsLittleEndian)
        {
            word = BinaryPrimitives.ReverseEndianness(word);
        }

        var negative = (byte)word == '-' ? 1 : 0;
        var digits = length - negative;
        if ((uint)(digits - 1) >= 7)
        {
            return false;
        }

        // The digits alone, first digit in the lowest byte.
        var keep = (1UL << (digits * 8)) - 1;
        word = (word >> (negative * 8)) & keep;
        if ((word & HighNibbles) != (Zeros & keep) || (((word + Sixes) & HighNibbles) & keep) != (Zeros & keep))
        {
            return false;
        }

        // Right-align the digits in eight byte lanes (the missing leading digits become zeros), then combine lanes
        // pairwise: 8 digits -> 4 two-digit values -> 2 four-digit values -> 1.
        var lanes = (word & LowNibbles) << ((8 - digits) * 8);
        lanes = ((lanes * 10) + (lanes >> 8)) & 0x00FF_00FF_00FF_00FF;
        lanes = ((lanes * 100) + (lanes >> 16)) & 0x0000_FFFF_0000_FFFF;
        lanes = (lanes * 10000) + (lanes >> 32);
        var magnitude = (long)(uint)lanes;
        value = negative == 1 ? -magnitude : magnitude;
        return true;
    }

    /// <summary>The same, a byte at a time, for a field in the last eight bytes of the data.</summary>
    private static bool TryParseNearEnd(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        var negative = field[0] == '-' ? 1 : 0;
        if (field.Length - negative is < 1 or > 7)
        {
            return false;
        }

        long magnitude = 0;
        foreach (var b in field[negative..])
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            magnitude = (magnitude * 10) + digit;
        }

        value = negative == 1 ? -magnitude : magnitude;
        return true;
    }
}
