using System.Globalization;

namespace Airline.Pipeline.Audit.Internal;

/// <summary>The pure judgement of a run's records against a plan.</summary>
internal static class AuditEvaluator
{
    internal static AuditReport Evaluate(AuditPlan plan, RunId runId, IEnumerable<AuditRecord> records, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(records);
        var latest = new Dictionary<string, AuditRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.RunId != runId)
            {
                continue;
            }

            if (!latest.TryGetValue(record.Layer, out var kept) || Wins(record, kept))
            {
                latest[record.Layer] = record;
            }
        }

        latest.TryGetValue(plan.ReferenceLayer, out var reference);
        var results = new List<LayerResult>(plan.Layers.Count);
        foreach (var layer in plan.Layers)
        {
            latest.TryGetValue(layer.Name, out var record);
            results.Add(Judge(plan, layer, record, reference));
        }

        var deadline = Deadline(plan, runId, latest.Values);
        var failed = results.Where(r => r.Status == LayerStatus.Failed).ToList();
        var missing = results.Where(r => r.Status == LayerStatus.Missing).Select(r => r.Layer).ToList();
        var warnings = results.Where(r => r.Status == LayerStatus.Warning).Select(r => r.Message!).ToList();

        AuditStatus status;
        string summary;
        if (failed.Count > 0)
        {
            status = AuditStatus.Failed;
            summary = string.Join("; ", failed.Select(r => r.Message));
        }
        else if (missing.Count == 0)
        {
            status = AuditStatus.Succeeded;
            summary = string.Create(
                CultureInfo.InvariantCulture,
                $"all {results.Count} layers match: {reference!.Count} in, {results[^1].Count} out");
        }
        else if (deadline is { } due && now >= due)
        {
            status = AuditStatus.Failed;
            summary = string.Create(
                CultureInfo.InvariantCulture,
                $"{Layers(missing)} still missing at the deadline {due.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");
        }
        else
        {
            status = AuditStatus.Pending;
            summary = $"waiting for {Layers(missing)}";
        }

        return new AuditReport(plan, runId, status, results, now, deadline, summary, warnings);
    }

    /// <summary>A higher attempt wins; between equal attempts (a store would have kept the first) the earlier stays.</summary>
    private static bool Wins(AuditRecord candidate, AuditRecord kept) => candidate.Attempt > kept.Attempt;

    private static string Layers(List<string> names) =>
        names.Count == 1 ? $"layer '{names[0]}'" : "layers " + string.Join(", ", names.Select(n => $"'{n}'"));

    private static DateTimeOffset? Deadline(AuditPlan plan, RunId runId, IEnumerable<AuditRecord> records)
    {
        if (runId.TryGetTimestamp(out var started))
        {
            return started + plan.CompletionTimeout;
        }

        var first = records.Select(r => (DateTimeOffset?)r.RecordedAt).Min();
        return first + plan.CompletionTimeout;
    }

    private static LayerResult Judge(AuditPlan plan, AuditPlanLayer layer, AuditRecord? record, AuditRecord? reference)
    {
        var isReference = string.Equals(layer.Name, plan.ReferenceLayer, StringComparison.Ordinal);
        if (record is null)
        {
            return new LayerResult(layer.Name, layer.Expectation, LayerStatus.Missing, null,
                isReference || reference is null ? null : layer.Expectation.ExpectedCount(reference.Count),
                $"layer '{layer.Name}' has no record yet");
        }

        if (isReference)
        {
            return new LayerResult(layer.Name, layer.Expectation, LayerStatus.Reference, record, null, null);
        }

        if (reference is null)
        {
            return new LayerResult(layer.Name, layer.Expectation, LayerStatus.Unchecked, record, null,
                $"reference layer '{plan.ReferenceLayer}' has no record yet");
        }

        var expectation = layer.Expectation;
        var expected = expectation.ExpectedCount(reference.Count);
        var status = expectation.Judge(record.Count, reference.Count);
        string? message = null;
        if (status != LayerStatus.Passed)
        {
            message = CountMessage(layer.Name, record.Count, expected, expectation, plan.ReferenceLayer, reference.Count, status);
        }
        else if (expectation.Kind == ExpectationKind.Equal)
        {
            message = SumMismatch(layer.Name, record, plan.ReferenceLayer, reference);
            status = message is null ? LayerStatus.Passed : LayerStatus.Failed;
        }

        return new LayerResult(layer.Name, expectation, status, record, expected, message);
    }

    private static string CountMessage(
        string layer, long count, long expected, LayerExpectation expectation, string referenceLayer, long referenceCount,
        LayerStatus status)
    {
        var relation = expectation.Kind switch
        {
            ExpectationKind.AtMost => $"at most {expected}",
            ExpectationKind.Ratio when expectation.ExpectedRatio != 1 =>
                string.Create(CultureInfo.InvariantCulture, $"about {expected} ({expectation})"),
            ExpectationKind.Ratio => string.Create(CultureInfo.InvariantCulture, $"{expected} ({expectation})"),
            _ => expected.ToString(CultureInfo.InvariantCulture),
        };
        var level = status == LayerStatus.Warning ? " (warning)" : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"layer '{layer}' has {count} records, expected {relation} (reference '{referenceLayer}' has {referenceCount}){level}");
    }

    private static string? SumMismatch(string layer, AuditRecord record, string referenceLayer, AuditRecord reference)
    {
        var problems = new List<string>();
        foreach (var (column, value) in record.Sums.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (reference.Sums.TryGetValue(column, out var expected) && expected != value)
            {
                problems.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"layer '{layer}' has sum({column}) = {value}, expected {expected} (reference '{referenceLayer}')"));
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
