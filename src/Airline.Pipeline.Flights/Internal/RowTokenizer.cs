using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Airline.Pipeline.Flights.Internal;

/// <summary>
/// Finds the fields of one CSV record in UTF-8 bytes, 32 bytes at a time: a Vector256 compare gives a bit mask of
/// commas, line feeds and quotes, and only those positions are visited. A quote toggles the quoted state wherever it
/// is (so a record ends exactly where the quote parity that <see cref="BlockReader"/> cuts blocks by says it does);
/// whether the quotes sit where RFC 4180 wants them is checked when a field's value is read.
/// </summary>
internal static class RowTokenizer
{
    /// <summary>Reads the record at <paramref name="start"/>; stores each field's end (exclusive) in
    /// <paramref name="ends"/> (fields beyond its length are counted, not stored); returns where the next record starts.
    /// A field starts one byte after the previous field's end (the first at <paramref name="start"/>).</summary>
    public static int Read(
        ReadOnlySpan<byte> data, int start, Span<int> ends, out int fieldCount, out int innerNewlines, out bool unterminated)
    {
        ref var origin = ref MemoryMarshal.GetReference(data);
        var length = data.Length;
        var field = 0;
        var lines = 0;
        var inQuotes = false;
        var pos = start;
        if (Vector256.IsHardwareAccelerated)
        {
            var comma = Vector256.Create((byte)',');
            var lineFeed = Vector256.Create((byte)'\n');
            var quote = Vector256.Create((byte)'"');
            while (pos <= length - Vector256<byte>.Count)
            {
                var v = Vector256.LoadUnsafe(ref origin, (nuint)pos);
                var mask = (Vector256.Equals(v, comma) | Vector256.Equals(v, lineFeed) | Vector256.Equals(v, quote))
                    .ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var p = pos + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    var b = Unsafe.Add(ref origin, p);
                    if (b == '"')
                    {
                        inQuotes = !inQuotes;
                    }
                    else if (inQuotes)
                    {
                        lines += b == '\n' ? 1 : 0;
                    }
                    else if (b == ',')
                    {
                        if ((uint)field < (uint)ends.Length)
                        {
                            ends[field] = p;
                        }

                        field++;
                    }
                    else
                    {
                        return EndAtLineFeed(data, start, p, ends, field, lines, out fieldCount, out innerNewlines, out unterminated);
                    }
                }

                pos += Vector256<byte>.Count;
            }
        }

        for (; pos < length; pos++)
        {
            var b = Unsafe.Add(ref origin, pos);
            if (b == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (b == ',')
            {
                if (!inQuotes)
                {
                    if ((uint)field < (uint)ends.Length)
                    {
                        ends[field] = pos;
                    }

                    field++;
                }
            }
            else if (b == '\n')
            {
                if (!inQuotes)
                {
                    return EndAtLineFeed(data, start, pos, ends, field, lines, out fieldCount, out innerNewlines, out unterminated);
                }

                lines++;
            }
        }

        var end = length;
        if (!inQuotes && end > start && data[end - 1] == '\r')
        {
            end--;
        }

        if ((uint)field < (uint)ends.Length)
        {
            ends[field] = end;
        }

        fieldCount = field + 1;
        innerNewlines = lines;
        unterminated = inQuotes;
        return length;
    }

    private static int EndAtLineFeed(
        ReadOnlySpan<byte> data, int start, int p, Span<int> ends, int field, int lines,
        out int fieldCount, out int innerNewlines, out bool unterminated)
    {
        var end = p > start && data[p - 1] == '\r' ? p - 1 : p;
        if ((uint)field < (uint)ends.Length)
        {
            ends[field] = end;
        }

        fieldCount = field + 1;
        innerNewlines = lines;
        unterminated = false;
        return p + 1;
    }
}
