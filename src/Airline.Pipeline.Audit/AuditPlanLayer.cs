namespace Airline.Pipeline.Audit;

/// <summary>A layer of an <see cref="AuditPlan"/>: its name and its expected relation to the reference.</summary>
/// <param name="Name">The layer name.</param>
/// <param name="Expectation">The expectation (ignored for the reference layer itself).</param>
public sealed record AuditPlanLayer(string Name, LayerExpectation Expectation);
