using System.Globalization;
using System.Text;

namespace Airline.Pipeline.Audit.Internal;

/// <summary>The subject line, the short text form, and building a notification from a report.</summary>
internal static class NotificationText
{
    internal static string StatusWord(AuditStatus status) => status switch
    {
        AuditStatus.Succeeded => "SUCCEEDED",
        AuditStatus.Failed => "FAILED",
        _ => "PENDING",
    };

    internal static string LayerWord(LayerStatus status) => status.ToString().ToUpperInvariant();

    internal static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    internal static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 3), "...");

    internal static string Subject(AuditNotification n)
    {
        var head = n.Pipeline is null ? $"{StatusWord(n.Status)} run {n.RunId}" : $"{StatusWord(n.Status)} {n.Pipeline} run {n.RunId}";
        var detail = n.Status == AuditStatus.Failed
            ? n.Error
            : n.InputRows is not null || n.OutputRows is not null
                ? string.Create(CultureInfo.InvariantCulture, $"{n.InputRows?.ToString(CultureInfo.InvariantCulture) ?? "?"} in, {n.OutputRows?.ToString(CultureInfo.InvariantCulture) ?? "?"} out")
                : null;
        var text = detail is null ? head : $"{head}: {detail}";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // SNS subjects: ASCII, no line breaks or control characters.
            var safe = c is >= ' ' and <= '~' ? c : char.IsWhiteSpace(c) || char.IsControl(c) ? ' ' : '?';
            if (safe == ' ' && builder.Length > 0 && builder[^1] == ' ')
            {
                continue;
            }

            builder.Append(safe);
        }

        return Cut(builder.ToString().Trim(), AuditNotification.MaxSubjectLength);
    }

    internal static string Text(AuditNotification n)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"{StatusWord(n.Status)} {(n.Pipeline is null ? string.Empty : n.Pipeline + " ")}run {n.RunId}").Append('\n');
        if (n.Error is not null)
        {
            text.Append("error: ").Append(n.Error).Append('\n');
        }

        if (n.FailedQuery is not null)
        {
            text.Append("failed_query: ").Append(Cut(n.FailedQuery.ReplaceLineEndings(" "), 200)).Append('\n');
        }

        if (n.ProcessedFile is not null)
        {
            text.Append("processed_file: ").Append(n.ProcessedFile).Append('\n');
        }

        if (n.InputRows is not null || n.OutputRows is not null)
        {
            text.Append(inv, $"input_rows: {n.InputRows?.ToString(inv) ?? "-"}, output_rows: {n.OutputRows?.ToString(inv) ?? "-"}").Append('\n');
        }

        var width = n.Layers.Count == 0 ? 0 : n.Layers.Max(l => l.Layer.Length);
        foreach (var layer in n.Layers)
        {
            text.Append(inv, $"  {layer.Layer.PadRight(width)} {layer.Count?.ToString(inv) ?? "-",10}  {LayerWord(layer.Status)}");
            if (layer.Expected is { } expected && layer.Status is not (LayerStatus.Passed or LayerStatus.Reference))
            {
                text.Append(inv, $" (expected {expected})");
            }

            text.Append('\n');
        }

        foreach (var warning in n.Warnings)
        {
            text.Append("warning: ").Append(warning).Append('\n');
        }

        text.Append("time: ").Append(Time(n.Time)).Append('\n');
        return text.ToString();
    }

    internal static IReadOnlyList<NotificationLayer> LayersOf(AuditReport report) =>
        report.Layers
            .Select(l => new NotificationLayer(
                l.Layer, l.Count, l.ExpectedCount, l.Status,
                l.Status is LayerStatus.Passed or LayerStatus.Reference ? null : l.Message))
            .ToList();

    internal static AuditNotification FromReport(AuditReport report, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Status == AuditStatus.Pending)
        {
            throw new ArgumentException(
                $"run '{report.RunId}' is still pending ({report.Summary}); notify only decided runs.", nameof(report));
        }

        var reference = report.Reference;
        return new AuditNotification
        {
            Status = report.Status,
            RunId = report.RunId,
            Time = time,
            Pipeline = report.Plan.Name,
            ProcessedFile = reference.Record?.Source,
            InputRows = reference.Count,
            OutputRows = report.Layers[^1].Count,
            ReferenceLayer = report.Plan.ReferenceLayer,
            Layers = LayersOf(report),
            Error = report.Status == AuditStatus.Failed ? Cut(report.Summary, AuditNotification.MaxTextLength) : null,
            Warnings = report.Warnings,
        };
    }
}
