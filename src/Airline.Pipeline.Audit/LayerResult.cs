namespace Airline.Pipeline.Audit;

/// <summary>One layer of an <see cref="AuditReport"/>.</summary>
/// <param name="Layer">The layer name.</param>
/// <param name="Expectation">Its expectation from the plan.</param>
/// <param name="Status">How it compares with the reference.</param>
/// <param name="Record">The record that counts (highest attempt); null when missing.</param>
/// <param name="ExpectedCount">The count asked for (see <see cref="LayerExpectation.ExpectedCount"/>); null for the reference or when the reference is missing.</param>
/// <param name="Message">Why, when the status is not plainly passed.</param>
public sealed record LayerResult(
    string Layer, LayerExpectation Expectation, LayerStatus Status, AuditRecord? Record, long? ExpectedCount, string? Message)
{
    /// <summary>The recorded count, or null when missing.</summary>
    public long? Count => Record?.Count;
}
