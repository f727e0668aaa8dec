namespace Airline.Pipeline.Flights;

/// <summary>
/// The header names the reader looks for, per field, in order of preference (compared case-insensitively; any
/// column order). <see cref="Default"/> reads the seeds' short format, Microsoft's 20-column flights.csv and the
/// BTS on-time format; change a field with <c>with</c> for another layout:
/// <code>FlightColumnNames.Default with { DepDelay = ["DEP_DELAY_MIN"] }</code>
/// </summary>
public sealed record FlightColumnNames
{
    /// <summary>Names for the seeds, Microsoft's flights.csv and BTS on-time files.</summary>
    public static FlightColumnNames Default { get; } = new();

    /// <summary>The carrier code (required).</summary>
    public IReadOnlyList<string> Carrier { get; init; } =
        ["Carrier", "Reporting_Airline", "IATA_CODE_Reporting_Airline", "OP_UNIQUE_CARRIER", "OP_CARRIER"];

    /// <summary>The origin airport id (required).</summary>
    public IReadOnlyList<string> OriginAirportId { get; init; } = ["OriginAirportID", "ORIGIN_AIRPORT_ID"];

    /// <summary>The destination airport id (required).</summary>
    public IReadOnlyList<string> DestAirportId { get; init; } = ["DestAirportID", "DEST_AIRPORT_ID"];

    /// <summary>The departure delay in whole minutes (required; empty means no value).</summary>
    public IReadOnlyList<string> DepDelay { get; init; } = ["DepDelay", "DEP_DELAY"];

    /// <summary>The arrival delay in whole minutes (required column; an empty value is written as NULL).</summary>
    public IReadOnlyList<string> ArrDelay { get; init; } = ["ArrDelay", "ARR_DELAY"];

    /// <summary>The flight date (optional; without it, Year/Month/DayofMonth make one when all three are present).</summary>
    public IReadOnlyList<string> FlightDate { get; init; } = ["FlightDate", "FL_DATE"];

    /// <summary>The flight id, e.g. "AA5678" (optional).</summary>
    public IReadOnlyList<string> FlightId { get; init; } = ["FlightID"];

    /// <summary>The flight number (optional): when there is no flight id column, the flight id is carrier + number.</summary>
    public IReadOnlyList<string> FlightNumber { get; init; } =
        ["Flight_Number_Reporting_Airline", "OP_CARRIER_FL_NUM", "FlightNum"];

    /// <summary>The cancelled flag, 0/1 or 0.00/1.00 (optional): a cancelled flight has no delay value.</summary>
    public IReadOnlyList<string> Cancelled { get; init; } = ["Cancelled", "CANCELLED"];

    /// <summary>The year (optional; for the flight date).</summary>
    public IReadOnlyList<string> Year { get; init; } = ["Year", "YEAR"];

    /// <summary>The month (optional; for the flight date).</summary>
    public IReadOnlyList<string> Month { get; init; } = ["Month", "MONTH"];

    /// <summary>The day of the month (optional; for the flight date).</summary>
    public IReadOnlyList<string> DayOfMonth { get; init; } = ["DayofMonth", "DAY_OF_MONTH"];
}
