namespace Airline.Pipeline.Flights;

/// <summary>
/// The kept rows of a run held in memory, with the counts: an in-memory row source for a loader. Columns and values
/// line up: <see cref="Columns"/> names them, <see cref="GetValues"/> gives each row's values in that order.
/// </summary>
/// <param name="Result">The run's counts.</param>
/// <param name="Rows">The kept rows, in input order.</param>
public sealed record EnrichedFlightBatch(FlightEnrichmentResult Result, IReadOnlyList<EnrichedFlight> Rows)
{
    /// <summary>The output columns, in order (as <see cref="FlightEnrichmentResult.OutputColumns"/>).</summary>
    public IReadOnlyList<string> Columns => Result.OutputColumns;

    /// <summary>Each row's values in <see cref="Columns"/> order (string, long or null).</summary>
    public IEnumerable<object?[]> GetValues()
    {
        var columns = Columns;
        return Rows.Select(row => row.GetValues(columns));
    }
}
