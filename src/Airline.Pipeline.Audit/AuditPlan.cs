using Airline.Pipeline.Audit.Internal;

namespace Airline.Pipeline.Audit;

/// <summary>
/// A pipeline's audit plan: its ordered layers, the reference layer, each layer's expectation, and how long a run
/// may take before a missing layer fails it. Immutable; made by <see cref="AuditPlanBuilder"/>.
/// </summary>
public sealed class AuditPlan
{
    internal AuditPlan(string name, IReadOnlyList<AuditPlanLayer> layers, string referenceLayer, TimeSpan completionTimeout)
    {
        Name = name;
        Layers = layers;
        ReferenceLayer = referenceLayer;
        CompletionTimeout = completionTimeout;
    }

    /// <summary>The pipeline's name (appears in notifications).</summary>
    public string Name { get; }

    /// <summary>The layers in pipeline order.</summary>
    public IReadOnlyList<AuditPlanLayer> Layers { get; }

    /// <summary>The layer every other layer is compared with.</summary>
    public string ReferenceLayer { get; }

    /// <summary>
    /// How long after the run starts every layer must be present. The start is the run id's timestamp for ULID run
    /// ids, else the earliest <see cref="AuditRecord.RecordedAt"/> of the run.
    /// </summary>
    public TimeSpan CompletionTimeout { get; }

    /// <summary>A builder for a plan named <paramref name="name"/>; without <c>Layer</c> calls it uses the seeds' four layers.</summary>
    public static AuditPlanBuilder CreateBuilder(string name) => new(name);

    /// <summary>The seeds' plan: four layers, <c>s3_landing</c> the reference, all equal.</summary>
    public static AuditPlan Seed(string name, TimeSpan completionTimeout) =>
        CreateBuilder(name).CompletionTimeout(completionTimeout).Build();

    /// <summary>
    /// Judges <paramref name="records"/> of <paramref name="runId"/> at <paramref name="now"/>: pure, no store.
    /// Per layer the record with the highest attempt counts; records of other runs or of layers not in the plan
    /// are ignored.
    /// </summary>
    public AuditReport Evaluate(RunId runId, IEnumerable<AuditRecord> records, DateTimeOffset now) =>
        AuditEvaluator.Evaluate(this, runId, records, now);
}
