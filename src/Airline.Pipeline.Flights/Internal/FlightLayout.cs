using System.Text;

namespace Airline.Pipeline.Flights.Internal;

/// <summary>Where the transform's fields are in one file, resolved from its header once.</summary>
internal sealed class FlightLayout
{
    private FlightLayout(HeaderMap header) => Header = header;

    public HeaderMap Header { get; }

    public int FieldCount => Header.Names.Count;

    public int Carrier { get; private init; }

    public int Origin { get; private init; }

    public int Dest { get; private init; }

    public int DepDelay { get; private init; }

    public int ArrDelay { get; private init; }

    public int FlightDate { get; private init; }

    public int FlightId { get; private init; }

    public int FlightNumber { get; private init; }

    public int Cancelled { get; private init; }

    public int Year { get; private init; }

    public int Month { get; private init; }

    public int Day { get; private init; }

    public bool HasDate => FlightDate >= 0 || Year >= 0;

    public bool HasFlightId => FlightId >= 0 || FlightNumber >= 0;

    public IReadOnlyList<string> OutputColumns { get; private init; } = [];

    public byte[] OutputHeaderLine { get; private init; } = [];

    public string NameOf(int index) => Header.Names[index].Trim();

    /// <summary>Resolves the layout; all missing required columns are named at once.</summary>
    public static FlightLayout Resolve(IReadOnlyList<string> headerNames, FlightColumnNames names)
    {
        var header = new HeaderMap(headerNames);
        var missing = new List<string>();
        int Required(IReadOnlyList<string> candidates, string what)
        {
            var index = header.Find(candidates);
            if (index < 0)
            {
                missing.Add($"{what} (looked for {string.Join(" or ", candidates)})");
            }

            return index;
        }

        var carrier = Required(names.Carrier, "the carrier");
        var origin = Required(names.OriginAirportId, "the origin airport id");
        var dest = Required(names.DestAirportId, "the destination airport id");
        var depDelay = Required(names.DepDelay, "the departure delay");
        var arrDelay = Required(names.ArrDelay, "the arrival delay");
        if (missing.Count > 0)
        {
            throw new FlightDataException(
                1,
                $"the header has no column for {string.Join("; ", missing)}. Found: {header.Describe()}. " +
                "Name the columns in FlightEnrichmentOptions.Columns (FlightColumnNames).");
        }

        var flightDate = header.Find(names.FlightDate);
        var year = header.Find(names.Year);
        var month = header.Find(names.Month);
        var day = header.Find(names.DayOfMonth);
        var composeDate = flightDate < 0 && year >= 0 && month >= 0 && day >= 0;
        var flightId = header.Find(names.FlightId);
        var flightNumber = flightId < 0 ? header.Find(names.FlightNumber) : -1;
        List<string> columns = [.. EnrichedFlight.BaseColumnNames];
        if (flightDate >= 0 || composeDate)
        {
            columns.Add("flight_date");
        }

        if (flightId >= 0 || flightNumber >= 0)
        {
            columns.Add("flight_id");
        }

        return new FlightLayout(header)
        {
            Carrier = carrier,
            Origin = origin,
            Dest = dest,
            DepDelay = depDelay,
            ArrDelay = arrDelay,
            FlightDate = flightDate,
            FlightId = flightId,
            FlightNumber = flightNumber,
            Cancelled = header.Find(names.Cancelled),
            Year = composeDate ? year : -1,
            Month = composeDate ? month : -1,
            Day = composeDate ? day : -1,
            OutputColumns = columns,
            OutputHeaderLine = Encoding.UTF8.GetBytes(string.Join(',', columns) + "\n"),
        };
    }
}
