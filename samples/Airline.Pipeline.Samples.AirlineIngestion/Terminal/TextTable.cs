namespace Airline.Pipeline.Samples.AirlineIngestion.Terminal;

/// <summary>A plain-text table for the report: left-aligned text, right-aligned numbers.</summary>
internal static class TextTable
{
    public static void Write(TextWriter output, string indent, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, all.Select(r => i < r.Count ? r[i].Length : 0).DefaultIfEmpty(0).Max())).ToArray();
        var numeric = header.Select((name, i) => all.Count > 0 && all.All(r => i < r.Count && (r[i].Length == 0 || r[i] == "-" || double.TryParse(r[i].Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var _)))).ToArray();
        string Line(IReadOnlyList<string> cells) =>
            indent + string.Join("  ", cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        output.WriteLine(Line(header));
        output.WriteLine(indent + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in all)
        {
            output.WriteLine(Line(row));
        }

        if (all.Count == 0)
        {
            output.WriteLine(indent + "(no rows)");
        }
    }
}
