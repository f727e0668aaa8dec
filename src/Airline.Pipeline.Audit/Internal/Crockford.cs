namespace Airline.Pipeline.Audit.Internal;

/// <summary>Crockford base32 as ULID uses it: 0-9 and A-Z without I, L, O, U; ASCII order equals value order.</summary>
internal static class Crockford
{
    internal const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    internal static int Decode(char c)
    {
        if (c is >= '0' and <= '9')
        {
            return c - '0';
        }

        var index = c is >= 'A' and <= 'Z' ? Alphabet.IndexOf(c, StringComparison.Ordinal) : -1;
        return index;
    }

    /// <summary>Writes 48 bits of milliseconds and 80 bits of randomness as 26 characters.</summary>
    internal static string EncodeUlid(long milliseconds, ReadOnlySpan<byte> randomness)
    {
        Span<char> chars = stackalloc char[26];
        var time = (ulong)milliseconds;
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(time & 31)];
            time >>= 5;
        }

        // 80 bits of randomness = 16 characters of 5 bits, read from the most significant bit.
        var bitIndex = 0;
        for (var i = 10; i < 26; i++)
        {
            var value = 0;
            for (var b = 0; b < 5; b++, bitIndex++)
            {
                var bit = (randomness[bitIndex >> 3] >> (7 - (bitIndex & 7))) & 1;
                value = (value << 1) | bit;
            }

            chars[i] = Alphabet[value];
        }

        return new string(chars);
    }

    internal static bool TryDecodeTime(ReadOnlySpan<char> ulid, out long milliseconds)
    {
        milliseconds = 0;
        if (ulid.Length != 26 || ulid[0] > '7')
        {
            return false;
        }

        foreach (var c in ulid)
        {
            if (Decode(c) < 0)
            {
                return false;
            }
        }

        for (var i = 0; i < 10; i++)
        {
            milliseconds = (milliseconds << 5) | (long)Decode(ulid[i]);
        }

        return true;
    }
}
