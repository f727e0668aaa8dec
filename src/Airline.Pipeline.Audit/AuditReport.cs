namespace Airline.Pipeline.Audit;

/// <summary>A run judged against its plan at one instant: the state and the per-layer breakdown. Immutable.</summary>
public sealed class AuditReport
{
    internal AuditReport(
        AuditPlan plan, RunId runId, AuditStatus status, IReadOnlyList<LayerResult> layers, DateTimeOffset evaluatedAt,
        DateTimeOffset? deadline, string summary, IReadOnlyList<string> warnings)
    {
        Plan = plan;
        RunId = runId;
        Status = status;
        Layers = layers;
        EvaluatedAt = evaluatedAt;
        Deadline = deadline;
        Summary = summary;
        Warnings = warnings;
    }

    /// <summary>The plan judged against.</summary>
    public AuditPlan Plan { get; }

    /// <summary>The run.</summary>
    public RunId RunId { get; }

    /// <summary>Pending, Succeeded or Failed.</summary>
    public AuditStatus Status { get; }

    /// <summary>One result per plan layer, in plan order.</summary>
    public IReadOnlyList<LayerResult> Layers { get; }

    /// <summary>The instant judged at.</summary>
    public DateTimeOffset EvaluatedAt { get; }

    /// <summary>When missing layers fail the run; null while the run's start is unknown (no ULID, no records).</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>
    /// One line: for a failure the failing layers with both counts, e.g.
    /// <c>layer 'redshift_final' has 6 records, expected 7 (reference 's3_landing' has 7)</c>.
    /// </summary>
    public string Summary { get; }

    /// <summary>Layers beyond their warn level.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The reference layer's result.</summary>
    public LayerResult Reference => this[Plan.ReferenceLayer]!;

    /// <summary>The result of <paramref name="layer"/>, or null when the plan has no such layer.</summary>
    public LayerResult? this[string layer] =>
        Layers.FirstOrDefault(l => string.Equals(l.Layer, layer, StringComparison.Ordinal));
}
