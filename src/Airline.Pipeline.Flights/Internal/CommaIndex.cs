using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Airline.Pipeline.Flights.Internal;

/// <summary>
/// Look-ups in a block's comma index: <c>masks[c]</c> has bit i set when byte <c>64c + i</c> is a comma outside
/// quotes, and <c>ranks[c]</c> counts the commas before chunk c. Rank is a popcount; select is PDEP.
/// </summary>
internal static class CommaIndex
{
    /// <summary>The number of commas before <paramref name="position"/> in the block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Rank(ulong[] masks, int[] ranks, int position)
    {
        var c = position >> 6;
        return ranks[c] + BitOperations.PopCount(masks[c] & ((1UL << (position & 63)) - 1));
    }

    /// <summary>The position of the comma of rank <paramref name="rank"/> (0-based in the block), searching from
    /// chunk <paramref name="chunk"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CommaOfRank(ulong[] masks, int[] ranks, int chunk, int rank)
    {
        while (ranks[chunk + 1] <= rank)
        {
            chunk++;
        }

        return (chunk << 6) + BitOperations.TrailingZeroCount(SelectBit(masks[chunk], rank - ranks[chunk]));
    }

    /// <summary>The comma mask of the 64 bytes before <paramref name="end"/>: bit j is byte <c>end - 64 + j</c>.
    /// Fields near a record's end are found here without walking the chunks from the record's start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong CommasBefore(ulong[] masks, int end)
    {
        var c = end >> 6;
        var s = end & 63;
        var high = masks[c] & ((1UL << s) - 1);
        var low = c > 0 ? masks[c - 1] : 0UL;

        // With s == 0 the high part is empty and C#'s shift count wraps to 0: the result is the previous chunk.
        return (high << (64 - s)) | (low >> s);
    }

    /// <summary>The bit index of the <paramref name="k"/>-th set bit of <paramref name="window"/> counted from the top
    /// (k = 1 is the highest); the caller checks that the window has at least k bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SelectFromTop(ulong window, int bits, int k) =>
        BitOperations.TrailingZeroCount(SelectBit(window, bits - k));

    /// <summary>The bounds (start inclusive, end exclusive) of field <paramref name="index"/> of a record with
    /// <paramref name="fieldCount"/> fields (a CR before the line feed is not part of the last field).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (int Start, int End) FieldBounds(
        ReadOnlySpan<byte> data, ulong[] masks, int[] ranks, int rowStart, int rowRank, int rowEnd, int index, int fieldCount)
    {
        var start = index == 0 ? rowStart : CommaOfRank(masks, ranks, rowStart >> 6, rowRank + index - 1) + 1;
        if (index == fieldCount - 1)
        {
            return (start, rowEnd > start && data[rowEnd - 1] == '\r' ? rowEnd - 1 : rowEnd);
        }

        return (start, CommaOfRank(masks, ranks, start >> 6, rowRank + index));
    }

    /// <summary>The <paramref name="k"/>-th set bit of <paramref name="m"/> alone (PDEP where the CPU has it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SelectBit(ulong m, int k)
    {
        if (Bmi2.X64.IsSupported)
        {
            return Bmi2.X64.ParallelBitDeposit(1UL << k, m);
        }

        for (var i = 0; i < k; i++)
        {
            m &= m - 1;
        }

        return m & (~m + 1);
    }
}
