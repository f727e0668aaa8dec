using System.Diagnostics.CodeAnalysis;

namespace Airline.Pipeline.Audit;

/// <summary>
/// Settings for <c>services.AddPipelineAudit(...)</c>, bindable from configuration (section <c>PipelineAudit</c>).
/// Validated when the host starts; every problem is reported with its value.
/// </summary>
public sealed class PipelineAuditOptions
{
    /// <summary>The configuration section name conventionally bound: <c>PipelineAudit</c>.</summary>
    public const string SectionName = "PipelineAudit";

    /// <summary>The pipeline's name (in notifications). Default <c>pipeline</c>.</summary>
    public string PipelineName { get; set; } = "pipeline";

    /// <summary>The layers in pipeline order; empty means the seeds' four (<see cref="AuditLayers.SeedLayers"/>).</summary>
    public IList<string> Layers { get; } = new List<string>();

    /// <summary>The reference layer; null means the first layer.</summary>
    public string? ReferenceLayer { get; set; }

    /// <summary>Per-layer expectations by layer name; layers not listed expect equality.</summary>
    public IDictionary<string, LayerExpectationOptions> Expectations { get; } =
        new Dictionary<string, LayerExpectationOptions>(StringComparer.Ordinal);

    /// <summary>How long after the run starts a missing layer fails it. Default 1 hour.</summary>
    public TimeSpan CompletionTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Topic for successes (SNS topic ARN or local name). Default <c>pipeline-audit</c>.</summary>
    public string SuccessTopic { get; set; } = "pipeline-audit";

    /// <summary>Topic for failures; null means <see cref="SuccessTopic"/>.</summary>
    public string? FailureTopic { get; set; }

    /// <summary>
    /// When set and no <see cref="INotificationPublisher"/> is registered, notifications are printed and saved here
    /// by <see cref="FileNotificationPublisher"/>; otherwise the default is <see cref="InMemoryNotificationPublisher"/>.
    /// </summary>
    public string? NotificationDirectory { get; set; }

    /// <summary>The topics these options name.</summary>
    public NotificationTopics Topics => new(SuccessTopic, FailureTopic ?? SuccessTopic);

    /// <summary>The plan these options describe, or every problem found (each naming the bad value).</summary>
    public bool TryBuildPlan([NotNullWhen(true)] out AuditPlan? plan, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var builder = AuditPlan.CreateBuilder(PipelineName).CompletionTimeout(CompletionTimeout);
        var layers = Layers.Count > 0 ? Layers.ToList() : AuditLayers.SeedLayers.ToList();
        foreach (var layer in layers)
        {
            LayerExpectation expectation = LayerExpectation.Equal;
            if (layer is not null && Expectations.TryGetValue(layer, out var options))
            {
                try
                {
                    expectation = options.ToExpectation();
                }
                catch (ArgumentException e)
                {
                    found.Add($"{nameof(Expectations)}:{layer}: {e.Message.Split(" (Parameter", 2)[0]}");
                }
            }

            builder.Layer(layer!, expectation);
        }

        foreach (var name in Expectations.Keys.Where(n => !layers.Contains(n)))
        {
            found.Add($"{nameof(Expectations)}:{name}: '{name}' is not one of the layers ({string.Join(", ", layers)}); fix the name or add the layer.");
        }

        if (ReferenceLayer is not null)
        {
            builder.Reference(ReferenceLayer);
        }

        if (string.IsNullOrWhiteSpace(SuccessTopic))
        {
            found.Add($"{nameof(SuccessTopic)} is '{SuccessTopic}'; set an SNS topic ARN or a local topic name.");
        }

        if (FailureTopic is not null && string.IsNullOrWhiteSpace(FailureTopic))
        {
            found.Add($"{nameof(FailureTopic)} is '{FailureTopic}'; set a topic or leave it null to use {nameof(SuccessTopic)}.");
        }

        if (!builder.TryBuild(out plan, out var planProblems))
        {
            found.InsertRange(0, planProblems);
        }

        problems = found;
        if (found.Count > 0)
        {
            plan = null;
        }

        return plan is not null;
    }
}
