using Airline.Pipeline.Redshift;

namespace Airline.Pipeline.Flights;

/// <summary>
/// The transform as SQL for data already in the warehouse: <c>INSERT INTO daily_flights_fact (...) SELECT ... FROM
/// raw_flights JOIN airports_dim (origin) JOIN airports_dim (destination) WHERE depdelay &gt; 60</c>, rendered by a
/// Redshift-package dialect (Redshift, PostgreSQL, SQLite) so the warehouse does the joins. On the same data it
/// keeps the same rows as <see cref="FlightEnricher"/> (rows with no delay value or cancelled are filtered; an
/// unknown airport drops the row, or keeps it with NULLs under <see cref="UnknownAirportPolicy.KeepWithNulls"/>).
/// </summary>
/// <example>
/// <code>
/// var plan = FlightPushDown.InsertSelect(SqlDialect.Redshift);
/// Console.WriteLine(plan.ToScript());                         // deploy it, or:
/// await PlanExecutor.Default.ExecuteAsync(connection, plan); // run it (PostgreSQL, SQLite)
/// </code>
/// </example>
public static class FlightPushDown
{
    private const string Flight = "f";
    private const string Origin = "o";
    private const string Dest = "d";

    /// <summary>The SELECT: the enriched columns (<see cref="EnrichedFlight.AllColumnNames"/> order) of the kept flights.</summary>
    public static SelectQuery Query(FlightPushDownOptions? options = null)
    {
        options ??= FlightPushDownOptions.Default;
        var join = options.UnknownAirport == UnknownAirportPolicy.KeepWithNulls ? JoinKind.Left : JoinKind.Inner;
        var query = SelectQuery.From(options.RawFlights, Flight)
            .Join(options.AirportsDim, Origin, SqlExpression.Equal(Col(Origin, "airport_id"), Col(Flight, options.OriginAirportIdColumn)), join)
            .Join(options.AirportsDim, Dest, SqlExpression.Equal(Col(Dest, "airport_id"), Col(Flight, options.DestAirportIdColumn)), join)
            .Where(Filter(options))
            .Select(Col(Flight, options.CarrierColumn), "carrier")
            .Select(Col(Origin, "name"), "dep_airport")
            .Select(Col(Dest, "name"), "arr_airport")
            .Select(Col(Origin, "city"), "dep_city")
            .Select(Col(Dest, "city"), "arr_city")
            .Select(Col(Origin, "state"), "dep_state")
            .Select(Col(Dest, "state"), "arr_state")
            .Select(Col(Flight, options.DepDelayColumn), "dep_delay")
            .Select(Col(Flight, options.ArrDelayColumn), "arr_delay");
        if (options.FlightDateColumn is { } date)
        {
            query = query.Select(Col(Flight, date), "flight_date");
        }

        if (options.FlightIdColumn is { } id)
        {
            query = query.Select(Col(Flight, id), "flight_id");
        }

        return query;
    }

    /// <summary>The <c>INSERT ... SELECT</c> as a one-statement plan for <see cref="PlanExecutor"/> or a script.</summary>
    public static RenderedPlan InsertSelect(SqlDialect dialect, FlightPushDownOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        options ??= FlightPushDownOptions.Default;
        return dialect.InsertSelect(options.Target, Query(options));
    }

    /// <summary>
    /// The delayed flights whose origin or destination is not in airports_dim (columns flight_id when configured,
    /// origin_airport_id, dest_airport_id): run it before <see cref="InsertSelect"/> and fail the run on any row,
    /// as <see cref="UnknownAirportPolicy.Fail"/> does in process.
    /// </summary>
    public static string UnknownAirports(SqlDialect dialect, FlightPushDownOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        options ??= FlightPushDownOptions.Default;
        var query = SelectQuery.From(options.RawFlights, Flight)
            .Join(options.AirportsDim, Origin, SqlExpression.Equal(Col(Origin, "airport_id"), Col(Flight, options.OriginAirportIdColumn)), JoinKind.Left)
            .Join(options.AirportsDim, Dest, SqlExpression.Equal(Col(Dest, "airport_id"), Col(Flight, options.DestAirportIdColumn)), JoinKind.Left)
            .Where(Filter(options))
            .Where(SqlExpression.Or(SqlExpression.IsNull(Col(Origin, "airport_id")), SqlExpression.IsNull(Col(Dest, "airport_id"))));
        if (options.FlightIdColumn is { } id)
        {
            query = query.Select(Col(Flight, id), "flight_id");
        }

        query = query
            .Select(Col(Flight, options.OriginAirportIdColumn), "origin_airport_id")
            .Select(Col(Flight, options.DestAirportIdColumn), "dest_airport_id");
        return dialect.Render(query);
    }

    private static SqlExpression Filter(FlightPushDownOptions options)
    {
        var delayed = SqlExpression.GreaterThan(Col(Flight, options.DepDelayColumn), SqlExpression.Literal((long)options.DelayThresholdMinutes));
        return options.CancelledColumn is { } cancelled
            ? SqlExpression.And(delayed, SqlExpression.Or(SqlExpression.IsNull(Col(Flight, cancelled)), SqlExpression.Equal(Col(Flight, cancelled), SqlExpression.Literal(0L))))
            : delayed;
    }

    private static SqlExpression Col(string alias, string name) => SqlExpression.Column(alias, name);
}
