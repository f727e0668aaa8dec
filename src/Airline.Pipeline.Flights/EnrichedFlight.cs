namespace Airline.Pipeline.Flights;

/// <summary>
/// One row of the transform's output (<c>daily_flights_fact</c>): a delayed flight with its origin and destination
/// airports. Airport fields are null only under <see cref="UnknownAirportPolicy.KeepWithNulls"/>.
/// </summary>
public sealed record EnrichedFlight
{
    /// <summary>The columns every output has, in order; <c>flight_date</c> and <c>flight_id</c> follow when the file has them.</summary>
    public static IReadOnlyList<string> BaseColumnNames { get; } =
        ["carrier", "dep_airport", "arr_airport", "dep_city", "arr_city", "dep_state", "arr_state", "dep_delay", "arr_delay"];

    /// <summary>All columns, in order: <see cref="BaseColumnNames"/> then <c>flight_date</c>, <c>flight_id</c>.</summary>
    public static IReadOnlyList<string> AllColumnNames { get; } = [.. BaseColumnNames, "flight_date", "flight_id"];

    /// <summary>The carrier code, e.g. "AA".</summary>
    public required string Carrier { get; init; }

    /// <summary>The origin airport's name.</summary>
    public string? DepAirport { get; init; }

    /// <summary>The destination airport's name.</summary>
    public string? ArrAirport { get; init; }

    /// <summary>The origin airport's city.</summary>
    public string? DepCity { get; init; }

    /// <summary>The destination airport's city.</summary>
    public string? ArrCity { get; init; }

    /// <summary>The origin airport's state.</summary>
    public string? DepState { get; init; }

    /// <summary>The destination airport's state.</summary>
    public string? ArrState { get; init; }

    /// <summary>The departure delay in minutes.</summary>
    public long DepDelay { get; init; }

    /// <summary>The arrival delay in minutes (null when the file has none, e.g. a diverted flight).</summary>
    public long? ArrDelay { get; init; }

    /// <summary>The flight date as written in the file (or yyyy-MM-dd from Year/Month/DayofMonth), when the file has one.</summary>
    public string? FlightDate { get; init; }

    /// <summary>The flight id (or carrier + flight number), when the file has one.</summary>
    public string? FlightId { get; init; }

    /// <summary>The value of a column named in <see cref="AllColumnNames"/> as a loader wants it: string, long, null,
    /// and for flight_date a <see cref="DateOnly"/> when the text is yyyy-MM-dd (a DATE column's parameter).</summary>
    /// <exception cref="ArgumentException">The name is not one of <see cref="AllColumnNames"/>.</exception>
    public object? GetValue(string column) => column switch
    {
        "carrier" => Carrier,
        "dep_airport" => DepAirport,
        "arr_airport" => ArrAirport,
        "dep_city" => DepCity,
        "arr_city" => ArrCity,
        "dep_state" => DepState,
        "arr_state" => ArrState,
        "dep_delay" => DepDelay,
        "arr_delay" => ArrDelay,
        "flight_date" => DateOnly.TryParseExact(FlightDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : FlightDate,
        "flight_id" => FlightId,
        _ => throw new ArgumentException($"'{column}' is not an output column; use one of {string.Join(", ", AllColumnNames)}", nameof(column)),
    };

    /// <summary>The values of the given columns, in order (e.g. <see cref="FlightEnrichmentResult.OutputColumns"/>).</summary>
    public IReadOnlyList<object?> GetValues(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var values = new object?[columns.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = GetValue(columns[i]);
        }

        return values;
    }
}
