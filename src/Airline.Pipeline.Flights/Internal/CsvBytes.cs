using System.Buffers;
using System.Text;

namespace Airline.Pipeline.Flights.Internal;

/// <summary>RFC 4180 encoding of one field to UTF-8 bytes: quoted when it holds a comma, quote or line break, or is empty
/// (so that an empty string differs from NULL, which is written as nothing, as PostgreSQL and Redshift COPY read it).</summary>
internal static class CsvBytes
{
    public static readonly SearchValues<byte> Special = SearchValues.Create(","u8.ToArray().Concat("\"\r\n"u8.ToArray()).ToArray());

    public static bool NeedsQuotes(ReadOnlySpan<byte> value)
    {
        if (value.Length >= 16)
        {
            return value.IndexOfAny(Special) >= 0;
        }

        // Short values (carriers, dates, ids) are checked byte by byte: cheaper than a vector search's setup.
        foreach (var b in value)
        {
            if (b is (byte)',' or (byte)'"' or (byte)'\r' or (byte)'\n')
            {
                return true;
            }
        }

        return value.Length == 0;
    }

    public static byte[] Encode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (!NeedsQuotes(bytes))
        {
            return bytes;
        }

        var quotes = bytes.AsSpan().Count((byte)'"');
        var result = new byte[bytes.Length + quotes + 2];
        result[0] = (byte)'"';
        var j = 1;
        foreach (var b in bytes)
        {
            result[j++] = b;
            if (b == '"')
            {
                result[j++] = b;
            }
        }

        result[j] = (byte)'"';
        return result;
    }

    public static string EncodeString(string value) => Encoding.UTF8.GetString(Encode(value));
}
