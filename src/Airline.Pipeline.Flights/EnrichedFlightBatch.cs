namespace Airline.Pipeline.Flights;

/// <summary>
/// The kept rows of a run held in memory, with the counts: an in-memory row source for a loader. Columns and values
/// line up: <see cref="Columns"/> names them, <see cref="GetValues"/> gives each row's values in that order, the
/// shape <c>PlanExecutor.ExecuteAsync(connection, plan, rows)</c> of Airline.Pipeline.Redshift loads (pass
/// <c>AirlineTables.DailyFlightsFact</c>'s column names when the file has no flight_date or flight_id).
/// </summary>
/// <param name="Result">The run's counts.</param>
/// <param name="Rows">The kept rows, in input order.</param>
public sealed record EnrichedFlightBatch(FlightEnrichmentResult Result, IReadOnlyList<EnrichedFlight> Rows)
{
    /// <summary>The output columns, in order (as <see cref="FlightEnrichmentResult.OutputColumns"/>).</summary>
    public IReadOnlyList<string> Columns => Result.OutputColumns;

    /// <summary>Each row's values in the order of <paramref name="columns"/> (default <see cref="Columns"/>): string,
    /// long, DateOnly (flight_date) or null.</summary>
    public IEnumerable<IReadOnlyList<object?>> GetValues(IReadOnlyList<string>? columns = null)
    {
        columns ??= Columns;
        return Rows.Select(row => row.GetValues(columns));
    }
}
