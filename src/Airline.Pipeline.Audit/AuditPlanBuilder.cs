using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Airline.Pipeline.Audit;

/// <summary>Builds an <see cref="AuditPlan"/>; <see cref="Build"/> reports every problem at once.</summary>
public sealed class AuditPlanBuilder
{
    private readonly string _name;
    private readonly List<AuditPlanLayer> _layers = [];
    private string? _reference;
    private TimeSpan _completionTimeout = TimeSpan.FromHours(1);

    internal AuditPlanBuilder(string name) => _name = name;

    /// <summary>Adds the next layer in pipeline order (default expectation: <see cref="LayerExpectation.Equal"/>).</summary>
    public AuditPlanBuilder Layer(string name, LayerExpectation? expectation = null)
    {
        _layers.Add(new AuditPlanLayer(name, expectation ?? LayerExpectation.Equal));
        return this;
    }

    /// <summary>Names the reference layer (default: the first layer).</summary>
    public AuditPlanBuilder Reference(string layer)
    {
        _reference = layer;
        return this;
    }

    /// <summary>How long after the run starts a missing layer fails it (default 1 hour).</summary>
    public AuditPlanBuilder CompletionTimeout(TimeSpan timeout)
    {
        _completionTimeout = timeout;
        return this;
    }

    /// <summary>The plan.</summary>
    /// <exception cref="InvalidOperationException">Listing every problem: bad or duplicate layer names, an unknown
    /// reference, a non-positive timeout, an empty pipeline name.</exception>
    public AuditPlan Build() =>
        TryBuild(out var plan, out var problems)
            ? plan
            : throw new InvalidOperationException(
                $"audit plan '{_name}' is invalid:{Environment.NewLine}- " + string.Join(Environment.NewLine + "- ", problems));

    /// <summary>The plan, or every problem found.</summary>
    public bool TryBuild([NotNullWhen(true)] out AuditPlan? plan, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        if (string.IsNullOrWhiteSpace(_name))
        {
            found.Add("the pipeline name is empty; pass e.g. 'orders' to AuditPlan.CreateBuilder.");
        }

        var layers = _layers.Count > 0
            ? _layers.ToList()
            : AuditLayers.SeedLayers.Select(n => new AuditPlanLayer(n, LayerExpectation.Equal)).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < layers.Count; i++)
        {
            var problem = AuditLayers.Check(layers[i].Name);
            if (problem is not null)
            {
                found.Add($"layer #{i + 1}: {problem}");
            }
            else if (!seen.Add(layers[i].Name))
            {
                found.Add($"layer #{i + 1}: '{layers[i].Name}' appears twice; each layer is listed once.");
            }
        }

        var reference = _reference ?? layers[0].Name;
        if (!seen.Contains(reference))
        {
            found.Add($"reference layer '{reference}' is not one of the layers ({string.Join(", ", layers.Select(l => l.Name))}); name one of them.");
        }

        if (_completionTimeout <= TimeSpan.Zero)
        {
            found.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"completion timeout {_completionTimeout} is not positive; use e.g. TimeSpan.FromHours(1)."));
        }

        problems = found;
        plan = found.Count == 0 ? new AuditPlan(_name, layers, reference, _completionTimeout) : null;
        return plan is not null;
    }
}
