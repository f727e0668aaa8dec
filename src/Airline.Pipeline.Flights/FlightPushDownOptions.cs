using Airline.Pipeline.Redshift;

namespace Airline.Pipeline.Flights;

/// <summary>
/// Where the push-down form of the transform reads and writes, and the raw flights table's column names. The
/// defaults are the seeds' tables: the Glue-crawled <c>airlines.raw_flights</c> (lower-case names, as the crawler
/// writes them), <c>airlines.airports_dim</c> and <c>airlines.daily_flights_fact</c>.
/// </summary>
public sealed record FlightPushDownOptions
{
    /// <summary>The defaults.</summary>
    public static FlightPushDownOptions Default { get; } = new();

    /// <summary>The raw flights table (one row per flight, as in the file).</summary>
    public TableName RawFlights { get; init; } = new(AirlineTables.Schema, "raw_flights");

    /// <summary>The airports dimension.</summary>
    public TableName AirportsDim { get; init; } = AirlineTables.AirportsDim.Name;

    /// <summary>The fact table the enriched rows are inserted into.</summary>
    public TableName Target { get; init; } = AirlineTables.DailyFlightsFact.Name;

    /// <summary>Keep flights delayed strictly more than this many minutes (default 60).</summary>
    public int DelayThresholdMinutes { get; init; } = 60;

    /// <summary><see cref="UnknownAirportPolicy.KeepWithNulls"/> makes the joins LEFT joins; the others make them
    /// inner joins (check <see cref="FlightPushDown.UnknownAirports"/> first to fail as the in-process Fail does).</summary>
    public UnknownAirportPolicy UnknownAirport { get; init; } = UnknownAirportPolicy.Fail;

    /// <summary>Raw table column: the carrier.</summary>
    public string CarrierColumn { get; init; } = "carrier";

    /// <summary>Raw table column: the origin airport id.</summary>
    public string OriginAirportIdColumn { get; init; } = "originairportid";

    /// <summary>Raw table column: the destination airport id.</summary>
    public string DestAirportIdColumn { get; init; } = "destairportid";

    /// <summary>Raw table column: the departure delay (NULL for cancelled flights).</summary>
    public string DepDelayColumn { get; init; } = "depdelay";

    /// <summary>Raw table column: the arrival delay.</summary>
    public string ArrDelayColumn { get; init; } = "arrdelay";

    /// <summary>Raw table column: the flight date (null to leave flight_date out).</summary>
    public string? FlightDateColumn { get; init; } = "flightdate";

    /// <summary>Raw table column: the flight id (null to leave flight_id out).</summary>
    public string? FlightIdColumn { get; init; } = "flightid";

    /// <summary>Raw table column: the cancelled flag, 0 or 1 (null when the table has none).</summary>
    public string? CancelledColumn { get; init; }
}
