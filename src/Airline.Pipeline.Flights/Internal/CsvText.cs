namespace Airline.Pipeline.Flights.Internal;

internal enum TextStatus
{
    Ok,
    QuoteInUnquotedField,
    TextAfterClosingQuote,
}

/// <summary>The value of one raw CSV field (RFC 4180): quotes removed and doubled quotes collapsed.</summary>
internal static class CsvText
{
    public static TextStatus Unquote(ReadOnlySpan<byte> raw, out ReadOnlySpan<byte> value)
    {
        if (raw.IndexOf((byte)'"') < 0)
        {
            value = raw;
            return TextStatus.Ok;
        }

        value = default;
        if (raw[0] != '"')
        {
            return TextStatus.QuoteInUnquotedField;
        }

        if (raw.Length < 2 || raw[^1] != '"')
        {
            return TextStatus.TextAfterClosingQuote;
        }

        var inner = raw[1..^1];
        if (inner.IndexOf((byte)'"') < 0)
        {
            value = inner;
            return TextStatus.Ok;
        }

        var result = new byte[inner.Length];
        var j = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            result[j++] = inner[i];
            if (inner[i] == '"')
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '"')
                {
                    return TextStatus.TextAfterClosingQuote;
                }

                i++;
            }
        }

        value = result.AsSpan(0, j);
        return TextStatus.Ok;
    }

    public static string Describe(TextStatus status) => status switch
    {
        TextStatus.QuoteInUnquotedField => "has a quote inside an unquoted field; quote the whole field and double the quote (\"\")",
        _ => "has text after its closing quote; quote the whole field and double any quote inside (\"\")",
    };
}
