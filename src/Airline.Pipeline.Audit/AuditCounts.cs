using System.Globalization;
using System.Text.Json;

namespace Airline.Pipeline.Audit;

/// <summary>
/// Counting helpers for audit records: exploded counts over nested JSON arrays (the orders seed's
/// <c>sum(cardinality(products))</c>: a landing row with 4 products is 4 staging rows) and sums of statement counts.
/// </summary>
/// <remarks>
/// An array path is dotted (<c>products</c>, <c>order.lines</c>); where a segment holds an array of objects the
/// path continues into each of them (<c>orders.products</c> counts the products of every order). A missing or null
/// value counts 0, as <c>cardinality(NULL)</c> is ignored by <c>sum</c>.
/// </remarks>
public static class AuditCounts
{
    /// <summary>The number of elements at <paramref name="arrayPath"/> in one row.</summary>
    /// <exception cref="FormatException">The value at the path is neither an array nor null; the message names the path.</exception>
    public static long Exploded(JsonElement row, string arrayPath)
    {
        var segments = Split(arrayPath);
        return Count(row, segments, 0, arrayPath, line: null);
    }

    /// <summary>
    /// Counts rows and exploded elements in UTF-8 JSON: either one JSON array of row objects, or JSON Lines (one
    /// object per line; blank lines skipped), as Firehose writes them.
    /// </summary>
    /// <exception cref="FormatException">A line is not valid JSON or the path holds a non-array; the message names the line.</exception>
    public static ExplodedCount Exploded(ReadOnlySpan<byte> utf8Json, string arrayPath)
    {
        var segments = Split(arrayPath);
        var trimmed = TrimStart(utf8Json);
        if (!trimmed.IsEmpty && trimmed[0] == (byte)'[')
        {
            using var document = Parse(trimmed, line: null);
            long rows = 0, elements = 0;
            foreach (var row in document.RootElement.EnumerateArray())
            {
                rows++;
                elements += Count(row, segments, 0, arrayPath, line: null);
            }

            return new ExplodedCount(rows, elements);
        }

        var total = default(ExplodedCount);
        var lineNumber = 0;
        while (!utf8Json.IsEmpty)
        {
            lineNumber++;
            var end = utf8Json.IndexOf((byte)'\n');
            var line = end < 0 ? utf8Json : utf8Json[..end];
            utf8Json = end < 0 ? [] : utf8Json[(end + 1)..];
            total = Add(total, line, segments, arrayPath, lineNumber);
        }

        return total;
    }

    /// <summary>Counts rows and exploded elements in a JSON Lines stream, line by line.</summary>
    /// <exception cref="FormatException">A line is not valid JSON or the path holds a non-array; the message names the line.</exception>
    public static async ValueTask<ExplodedCount> ExplodedJsonLinesAsync(
        Stream utf8JsonLines, string arrayPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8JsonLines);
        var segments = Split(arrayPath);
        using var reader = new StreamReader(utf8JsonLines, leaveOpen: true);
        var total = default(ExplodedCount);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            total = Add(total, System.Text.Encoding.UTF8.GetBytes(line), segments, arrayPath, lineNumber);
        }

        return total;
    }

    /// <summary>
    /// Rows affected summed over statements (e.g. the Redshift executor's per-statement counts); negative values
    /// (ADO.NET's -1 for statements that affect no rows, such as DDL) count 0.
    /// </summary>
    public static long StatementRows(IEnumerable<long> rowsAffected)
    {
        ArgumentNullException.ThrowIfNull(rowsAffected);
        return rowsAffected.Where(n => n > 0).Sum();
    }

    /// <inheritdoc cref="StatementRows(IEnumerable{long})"/>
    public static long StatementRows(IEnumerable<int> rowsAffected)
    {
        ArgumentNullException.ThrowIfNull(rowsAffected);
        return rowsAffected.Where(n => n > 0).Sum(n => (long)n);
    }

    private static ExplodedCount Add(ExplodedCount total, ReadOnlySpan<byte> line, string[] segments, string path, int lineNumber)
    {
        line = TrimStart(line);
        if (line.IsEmpty)
        {
            return total;
        }

        using var document = Parse(line, lineNumber);
        return new ExplodedCount(total.Rows + 1, total.Elements + Count(document.RootElement, segments, 0, path, lineNumber));
    }

    private static long Count(JsonElement element, string[] segments, int index, string path, int? line)
    {
        if (index == segments.Length)
        {
            return element.ValueKind switch
            {
                JsonValueKind.Array => element.GetArrayLength(),
                JsonValueKind.Null or JsonValueKind.Undefined => 0,
                _ => throw new FormatException(At(line) + $"'{path}' is a {element.ValueKind}, not an array; name the array column (e.g. 'products')."),
            };
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return element.TryGetProperty(segments[index], out var child) ? Count(child, segments, index + 1, path, line) : 0;
            case JsonValueKind.Array:
                long sum = 0;
                foreach (var item in element.EnumerateArray())
                {
                    sum += Count(item, segments, index, path, line);
                }

                return sum;
            case JsonValueKind.Null:
                return 0;
            default:
                throw new FormatException(
                    At(line) + $"'{string.Join('.', segments[..index])}' is a {element.ValueKind}, so '{path}' cannot be followed.");
        }
    }

    private static JsonDocument Parse(ReadOnlySpan<byte> json, int? line)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new FormatException(At(line) + $"not valid JSON: {e.Message}", e);
        }
    }

    private static string At(int? line) =>
        line is { } n ? string.Create(CultureInfo.InvariantCulture, $"line {n}: ") : string.Empty;

    private static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> span)
    {
        var i = 0;
        while (i < span.Length && span[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
        {
            i++;
        }

        return span[i..];
    }

    private static string[] Split(string arrayPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(arrayPath);
        var segments = arrayPath.Split('.');
        return segments.Any(string.IsNullOrWhiteSpace)
            ? throw new ArgumentException($"array path '{arrayPath}' has an empty segment; write e.g. 'products' or 'order.lines'.", nameof(arrayPath))
            : segments;
    }
}
