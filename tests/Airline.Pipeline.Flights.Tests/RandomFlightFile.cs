using System.Globalization;
using System.Text;
using Airline.Pipeline.Flights;

namespace Airline.Pipeline.Flights.Tests;

/// <summary>
/// A random valid flights file and, computed from the same records (not by parsing), the rows and counts the
/// transform must give: the reference implementation the property tests compare with.
/// </summary>
internal sealed class RandomFlightFile
{
    private static readonly string[] Extra = ["Tail", "Notes", "Gate"];

    public required byte[] Bytes { get; init; }

    public required List<EnrichedFlight> Expected { get; init; }

    public required long Input { get; init; }

    public required long NotDelayed { get; init; }

    public required long NoDelayValue { get; init; }

    public required long Rejected { get; init; }

    public required UnknownAirportPolicy Policy { get; init; }

    public static AirportsDimension Airports { get; } = AirportsDimension.FromRecords(
    [
        new Airport(10397, "Atlanta", "GA", "Hartsfield-Jackson Atlanta International"),
        new Airport(11292, "Denver", "CO", "Denver, \"DEN\" International"),
        new Airport(12892, "Los Angeles", "CA", "Los Angeles International"),
        new Airport(14869, "Salt Lake", "UT", "Salt Lake City\nInternational"),
        new Airport(15376, "Tucson", "AZ", ""),
    ]);

    public static RandomFlightFile Create(int seed)
    {
        var random = new Random(seed);
        var policy = random.Next(2) == 0 ? UnknownAirportPolicy.Reject : UnknownAirportPolicy.KeepWithNulls;
        string[] logical = ["Carrier", "OriginAirportID", "DestAirportID", "DepDelay", "ArrDelay", "FlightDate", "FlightID", "Cancelled", .. Extra];
        var order = logical.OrderBy(_ => random.Next()).ToArray();
        var newline = random.Next(2) == 0 ? "\n" : "\r\n";
        long[] ids = [10397, 11292, 12892, 14869, 15376, 99999];
        var text = new StringBuilder(random.Next(3) == 0 ? "\uFEFF" : "");
        text.Append(string.Join(',', order.Select(name => Field(random, name, forceQuote: false)))).Append(newline);
        var expected = new List<EnrichedFlight>();
        long input = 0, notDelayed = 0, noDelay = 0, rejected = 0;
        var rows = random.Next(0, 400);
        for (var i = 0; i < rows; i++)
        {
            var carrier = random.Next(10) == 0 ? "X,\"Y\"" : ((char)('A' + random.Next(26))).ToString() + (char)('A' + random.Next(26));
            var origin = ids[random.Next(ids.Length)];
            var dest = ids[random.Next(ids.Length)];
            var cancelled = random.Next(20) == 0;
            long? dep = cancelled || random.Next(25) == 0 ? null : random.Next(-30, 150);
            long? arr = random.Next(15) == 0 ? null : random.Next(-30, 150);
            var date = $"2023-11-{random.Next(1, 29):00}";
            var id = $"{carrier}{random.Next(1000, 9999)}";
            var decimals = random.Next(4) == 0;
            var values = new Dictionary<string, string>
            {
                ["Carrier"] = carrier,
                ["OriginAirportID"] = origin.ToString(CultureInfo.InvariantCulture),
                ["DestAirportID"] = dest.ToString(CultureInfo.InvariantCulture),
                ["DepDelay"] = Number(dep, decimals),
                ["ArrDelay"] = Number(arr, decimals),
                ["FlightDate"] = date,
                ["FlightID"] = id,
                ["Cancelled"] = cancelled ? (decimals ? "1.00" : "1") : (decimals ? "0.00" : "0"),
                ["Tail"] = "N" + random.Next(100, 999),
                ["Notes"] = random.Next(5) == 0 ? "late, \"crew\"\nchange" : "",
                ["Gate"] = random.Next(8) == 0 ? "\"" : "B" + random.Next(1, 40),
            };
            text.Append(string.Join(',', order.Select(name => Field(random, values[name], random.Next(4) == 0)))).Append(newline);
            input++;
            if (cancelled || dep is null)
            {
                noDelay++;
                continue;
            }

            if (dep <= 60)
            {
                notDelayed++;
                continue;
            }

            var o = Airports.TryGet(origin, out var oa) ? oa : null;
            var d = Airports.TryGet(dest, out var da) ? da : null;
            if ((o is null || d is null) && policy == UnknownAirportPolicy.Reject)
            {
                rejected++;
                continue;
            }

            expected.Add(new EnrichedFlight
            {
                Carrier = carrier,
                DepAirport = o?.Name,
                ArrAirport = d?.Name,
                DepCity = o?.City,
                ArrCity = d?.City,
                DepState = o?.State,
                ArrState = d?.State,
                DepDelay = dep.Value,
                ArrDelay = arr,
                FlightDate = date,
                FlightId = id,
            });
        }

        if (rows > 0 && random.Next(3) == 0)
        {
            text.Length -= newline.Length; // no line break after the last record
        }

        return new RandomFlightFile
        {
            Bytes = Encoding.UTF8.GetBytes(text.ToString()),
            Expected = expected,
            Input = input,
            NotDelayed = notDelayed,
            NoDelayValue = noDelay,
            Rejected = rejected,
            Policy = policy,
        };
    }

    private static string Number(long? value, bool decimals) =>
        value is null ? "" : decimals ? value.Value.ToString(CultureInfo.InvariantCulture) + ".00" : value.Value.ToString(CultureInfo.InvariantCulture);

    private static string Field(Random random, string value, bool forceQuote)
    {
        var needs = value.Length > 0 && value.IndexOfAny([',', '"', '\r', '\n']) >= 0;
        return needs || forceQuote || random.Next(10) == 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
