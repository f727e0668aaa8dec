using System.Globalization;

namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>Number spelling checks and EventBridge's number comparison.</summary>
internal static class JsonNumbers
{
    /// <summary>True when the text follows JSON's number grammar.</summary>
    public static bool IsJsonNumber(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var i = 0;
        if (text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>
    /// Reads a number the way event-ruler compares it: as a finite double. A spelling that overflows, or a
    /// non-zero spelling that underflows to zero, cannot be compared ("Cannot compare number").
    /// </summary>
    public static bool TryComparable(ReadOnlySpan<char> text, out double value)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            return false;
        }

        return value != 0 || !HasNonZeroDigit(text);
    }

    /// <summary>As <see cref="TryComparable(ReadOnlySpan{char}, out double)"/> for UTF-8 bytes.</summary>
    public static bool TryComparable(ReadOnlySpan<byte> utf8, out double value)
    {
        if (!double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            return false;
        }

        if (value != 0)
        {
            return true;
        }

        foreach (var b in utf8)
        {
            if (b is (byte)'e' or (byte)'E')
            {
                break;
            }

            if (b is >= (byte)'1' and <= (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasNonZeroDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is 'e' or 'E')
            {
                return false;
            }

            if (c is >= '1' and <= '9')
            {
                return true;
            }
        }

        return false;
    }
}
