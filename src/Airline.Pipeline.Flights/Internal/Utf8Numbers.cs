namespace Airline.Pipeline.Flights.Internal;

internal enum NumberStatus
{
    Ok,
    Empty,
    NotANumber,
    Fractional,
    OutOfRange,
}

/// <summary>Whole numbers from UTF-8 bytes: optional sign, digits, and an optional all-zero fraction
/// (BTS writes delays as <c>-3.00</c>); surrounding spaces are ignored.</summary>
internal static class Utf8Numbers
{
    private const int MaxDigits = 18;

    public static NumberStatus Parse(ReadOnlySpan<byte> text, out long value)
    {
        // The usual case first: a short run of digits with an optional minus, nothing else.
        if ((uint)(text.Length - 1) < 9)
        {
            var start = text[0] == '-' ? 1 : 0;
            long fast = 0;
            var k = start;
            for (; k < text.Length; k++)
            {
                var d = (uint)(text[k] - '0');
                if (d > 9)
                {
                    break;
                }

                fast = (fast * 10) + d;
            }

            if (k == text.Length && k > start)
            {
                value = start == 1 ? -fast : fast;
                return NumberStatus.Ok;
            }
        }

        value = 0;
        var s = text.Trim((byte)' ');
        if (s.IsEmpty)
        {
            return NumberStatus.Empty;
        }

        var i = 0;
        var negative = false;
        if (s[0] is (byte)'-' or (byte)'+')
        {
            negative = s[0] == '-';
            i = 1;
        }

        var digits = 0;
        long v = 0;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            if (++digits > MaxDigits)
            {
                return NumberStatus.OutOfRange;
            }

            v = (v * 10) + (s[i] - '0');
            i++;
        }

        if (digits == 0)
        {
            return NumberStatus.NotANumber;
        }

        var fractional = false;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                fractional |= s[i] != '0';
                i++;
            }
        }

        if (i != s.Length)
        {
            return NumberStatus.NotANumber;
        }

        if (fractional)
        {
            return NumberStatus.Fractional;
        }

        value = negative ? -v : v;
        return NumberStatus.Ok;
    }
}
