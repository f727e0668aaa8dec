using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Airline.Pipeline.Flights.Internal;

/// <summary>
/// Writes one output record into a span the caller sized for its worst case (every text field quoted with every
/// byte a doubled quote), so no write checks for room. Each method takes the position and returns the next one: a
/// position kept in a field would make every write wait on the previous write's store.
/// </summary>
internal static class RowWriter
{
    /// <summary>The most bytes <see cref="Text"/> writes for a value of <paramref name="length"/> bytes.</summary>
    public static int MaxTextLength(int length) => (2 * length) + 2;

    /// <summary>The most bytes <see cref="Number"/> writes.</summary>
    public static int MaxNumberLength => 20;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Byte(Span<byte> destination, int at, byte value)
    {
        destination[at] = value;
        return at + 1;
    }

    /// <summary>Bytes already encoded as a CSV field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Encoded(Span<byte> destination, int at, ReadOnlySpan<byte> value)
    {
        value.CopyTo(destination[at..]);
        return at + value.Length;
    }

    /// <summary>Bytes already encoded, <paramref name="length"/> of them at the start of a zero-padded slot of
    /// <see cref="Vector256{T}.Count"/> bytes: copied with one vector store when the destination has the room.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Slot(Span<byte> destination, int at, ReadOnlySpan<byte> slot, int length)
    {
        if (Vector256.IsHardwareAccelerated && destination.Length - at >= Vector256<byte>.Count && slot.Length >= Vector256<byte>.Count)
        {
            Vector256.Create(slot).CopyTo(destination[at..]);
        }
        else
        {
            slot[..length].CopyTo(destination[at..]);
        }

        return at + length;
    }

    /// <summary>A text field, quoted (with doubled quotes) only when it holds a comma, quote or line break.</summary>
    public static int Text(Span<byte> destination, int at, ReadOnlySpan<byte> value)
    {
        if (!CsvBytes.NeedsQuotes(value))
        {
            return Encoded(destination, at, value);
        }

        destination[at++] = (byte)'"';
        foreach (var b in value)
        {
            destination[at++] = b;
            if (b == '"')
            {
                destination[at++] = b;
            }
        }

        destination[at++] = (byte)'"';
        return at;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Number(Span<byte> destination, int at, long value)
    {
        Utf8Formatter.TryFormat(value, destination[at..], out var written);
        return at + written;
    }
}
