using System.Buffers.Text;
using System.Text;
using Airline.Pipeline.Flights.Internal;

namespace Airline.Pipeline.Flights;

/// <summary>
/// Deterministic, realistic flight data in Microsoft's 20-column flights.csv format (Year, Month, DayofMonth,
/// DayOfWeek, Carrier, OriginAirportID, OriginAirportName, OriginCity, OriginState, DestAirportID, DestAirportName,
/// DestCity, DestState, CRSDepTime, DepDelay, DepDel15, CRSArrTime, ArrDelay, ArrDel15, Cancelled): about 350
/// airports, some with quoted names holding commas or quotes; 1.5% of flights cancelled (empty delays); about 6%
/// delayed over 60 minutes; a few diverted (empty ArrDelay). The same seed gives the same bytes on every machine.
/// </summary>
/// <example>
/// <code>
/// var generator = new FlightDataGenerator(seed: 42);
/// await using var file = File.Create("flights.csv");
/// await generator.WriteFlightsAsync(file, rows: 5_000_000);
/// File.WriteAllText("airports.csv", generator.AirportsCsv());
/// </code>
/// </example>
public sealed class FlightDataGenerator
{
    /// <summary>The header line of the generated flights files (without its line feed).</summary>
    public const string Header =
        "Year,Month,DayofMonth,DayOfWeek,Carrier,OriginAirportID,OriginAirportName,OriginCity,OriginState," +
        "DestAirportID,DestAirportName,DestCity,DestState,CRSDepTime,DepDelay,DepDel15,CRSArrTime,ArrDelay,ArrDel15,Cancelled";

    private const int AirportCount = 350;
    private const int WeightedSlots = 4096;

    private static readonly string[] Carriers = ["AA", "DL", "UA", "WN", "B6", "AS", "NK", "F9", "HA", "OO", "9E", "MQ", "YX", "G4"];

    private static readonly (string City, string State)[] Cities =
    [
        ("Atlanta", "GA"), ("Chicago", "IL"), ("Dallas", "TX"), ("Denver", "CO"), ("Los Angeles", "CA"), ("New York", "NY"),
        ("San Francisco", "CA"), ("Seattle", "WA"), ("Las Vegas", "NV"), ("Orlando", "FL"), ("Charlotte", "NC"), ("Phoenix", "AZ"),
        ("Houston", "TX"), ("Miami", "FL"), ("Boston", "MA"), ("Minneapolis", "MN"), ("Detroit", "MI"), ("Philadelphia", "PA"),
        ("Salt Lake City", "UT"), ("Baltimore", "MD"), ("Washington", "DC"), ("San Diego", "CA"), ("Tampa", "FL"), ("Portland", "OR"),
        ("Nashville", "TN"), ("Austin", "TX"), ("St. Louis", "MO"), ("Kansas City", "MO"), ("Raleigh", "NC"), ("Cleveland", "OH"),
        ("Pittsburgh", "PA"), ("Indianapolis", "IN"), ("Columbus", "OH"), ("Cincinnati", "OH"), ("Milwaukee", "WI"), ("Memphis", "TN"),
        ("New Orleans", "LA"), ("Sacramento", "CA"), ("San Antonio", "TX"), ("San Jose", "CA"), ("Oklahoma City", "OK"), ("Tucson", "AZ"),
        ("Albuquerque", "NM"), ("Omaha", "NE"), ("Boise", "ID"), ("Spokane", "WA"), ("Anchorage", "AK"), ("Honolulu", "HI"),
        ("Buffalo", "NY"), ("Richmond", "VA"), ("Norfolk", "VA"), ("Louisville", "KY"), ("Birmingham", "AL"), ("Jacksonville", "FL"),
        ("Savannah", "GA"), ("Charleston", "SC"), ("Des Moines", "IA"), ("Little Rock", "AR"), ("Reno", "NV"), ("El Paso", "TX"),
    ];

    private static readonly string[] Kinds = ["International", "Regional", "Municipal", "County", "Field", "Metropolitan"];

    private readonly int _seed;
    private readonly Airport[] _airports;
    private readonly byte[][] _airportSegments;
    private readonly int[] _weighted;

    /// <summary>Creates a generator; the seed fixes the airports and every row.</summary>
    /// <param name="seed">Any number; the same seed gives the same data.</param>
    /// <param name="year">The year the flights are in (default 2023).</param>
    public FlightDataGenerator(int seed = 1, int year = 2023)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        _seed = seed;
        Year = year;
        var random = new XorShiftRandom(seed);
        _airports = MakeAirports(random);
        _airportSegments = _airports
            .Select(a => Encoding.UTF8.GetBytes($"{a.Id},{CsvBytes.EncodeString(a.Name)},{CsvBytes.EncodeString(a.City)},{CsvBytes.EncodeString(a.State)},"))
            .ToArray();

        // Hubs first: airport i gets weight ~ 1/(i+8), so a few airports see most flights, as in real data.
        var weights = Enumerable.Range(0, AirportCount).Select(i => 1.0 / (i + 8)).ToArray();
        var total = weights.Sum();
        _weighted = new int[WeightedSlots];
        var slot = 0;
        for (var i = 0; i < AirportCount && slot < WeightedSlots; i++)
        {
            var count = Math.Max(1, (int)Math.Round(weights[i] / total * WeightedSlots));
            for (var k = 0; k < count && slot < WeightedSlots; k++)
            {
                _weighted[slot++] = i;
            }
        }

        for (; slot < WeightedSlots; slot++)
        {
            _weighted[slot] = slot % AirportCount;
        }
    }

    /// <summary>The year the flights are in.</summary>
    public int Year { get; }

    /// <summary>The generated airports (about 350).</summary>
    public IReadOnlyList<Airport> Airports => _airports;

    /// <summary>The generated airports as a dimension to join with.</summary>
    public AirportsDimension AirportsDimension() => Flights.AirportsDimension.FromRecords(_airports);

    /// <summary>The generated airports as CSV (airport_id,city,state,name), ready for <see cref="Flights.AirportsDimension.ParseCsv"/>.</summary>
    public string AirportsCsv()
    {
        var text = new StringBuilder("airport_id,city,state,name\n");
        foreach (var a in _airports)
        {
            text.Append(a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(CsvBytes.EncodeString(a.City)).Append(',')
                .Append(CsvBytes.EncodeString(a.State)).Append(',')
                .Append(CsvBytes.EncodeString(a.Name)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Writes a header and <paramref name="rows"/> flights to a stream (left open); returns the bytes written.</summary>
    public async Task<long> WriteFlightsAsync(Stream output, long rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        var buffer = new byte[1 << 16];
        var random = new XorShiftRandom(_seed ^ 0x5EED);
        var written = 0L;
        var length = Encoding.UTF8.GetBytes(Header + "\n", buffer);
        for (var row = 0L; row < rows; row++)
        {
            if (buffer.Length - length < 1024)
            {
                await output.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                written += length;
                length = 0;
            }

            length += WriteRow(buffer.AsSpan(length), row, rows, ref random);
        }

        await output.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        return written + length;
    }

    /// <summary>Writes a header and <paramref name="rows"/> flights to a stream (left open); returns the bytes written.</summary>
    public long WriteFlights(Stream output, long rows) =>
        WriteFlightsAsync(output, rows).GetAwaiter().GetResult();

    /// <summary>Writes the flights to a file (created or overwritten); returns the bytes written.</summary>
    public async Task<long> WriteFlightsFileAsync(string path, long rows, CancellationToken cancellationToken = default)
    {
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: false);
        await using (file.ConfigureAwait(false))
        {
            return await WriteFlightsAsync(file, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    private int WriteRow(Span<byte> destination, long row, long rows, ref XorShiftRandom random)
    {
        var dayOfYear = (int)(row * 365 / Math.Max(1, rows));
        var date = new DateOnly(Year, 1, 1).AddDays(dayOfYear);
        var origin = _weighted[random.Next(WeightedSlots)];
        var dest = _weighted[random.Next(WeightedSlots)];
        if (dest == origin)
        {
            dest = (dest + 1 + random.Next(AirportCount - 1)) % AirportCount;
        }

        var depMinutes = 300 + random.Next(1110);
        var duration = 45 + random.Next(300);
        var arrMinutes = (depMinutes + duration) % 1440;
        var w = new Utf8Writer(destination);
        w.NumberThenComma(date.Year);
        w.NumberThenComma(date.Month);
        w.NumberThenComma(date.Day);
        w.NumberThenComma(((int)date.DayOfWeek + 6) % 7 + 1);
        w.Text(Carriers[random.Next(Carriers.Length)]);
        w.Comma();
        w.Raw(_airportSegments[origin]);
        w.Raw(_airportSegments[dest]);
        w.NumberThenComma((depMinutes / 60 * 100) + (depMinutes % 60));
        var u = random.Next(100_000);
        if (u < 1_500)
        {
            // Cancelled: no delays.
            w.Text(",,");
            w.NumberThenComma((arrMinutes / 60 * 100) + (arrMinutes % 60));
            w.Text(",,1");
        }
        else
        {
            var depDelay = u switch
            {
                < 49_000 => -15 + random.Next(15),
                < 72_500 => random.Next(16),
                < 93_650 => 16 + random.Next(45),
                _ => 61 + random.Next(random.Next(4) == 0 ? 600 : 120),
            };
            w.NumberThenComma(depDelay);
            w.NumberThenComma(depDelay >= 15 ? 1 : 0);
            w.NumberThenComma((arrMinutes / 60 * 100) + (arrMinutes % 60));
            if (random.Next(1000) < 2)
            {
                // Diverted: no arrival delay.
                w.Text(",,0");
            }
            else
            {
                var arrDelay = depDelay - 20 + random.Next(41);
                w.NumberThenComma(arrDelay);
                w.NumberThenComma(arrDelay >= 15 ? 1 : 0);
                w.Text("0");
            }
        }

        w.Text("\n");
        return w.Written;
    }

    private static Airport[] MakeAirports(XorShiftRandom random)
    {
        var airports = new Airport[AirportCount];
        var id = 10100L;
        for (var i = 0; i < AirportCount; i++)
        {
            id += 3 + random.Next(17);
            var (city, state) = Cities[i % Cities.Length];
            var round = i / Cities.Length;
            var kind = Kinds[(i + round) % Kinds.Length];
            var name = (i % 23, round) switch
            {
                (0, _) => $"{city}, {state} {kind}",
                (5, _) => $"\"{city}\" {kind}",
                (11, _) => $"{city} {kind}, Terminal \"{(char)('A' + (i % 5))}\"",
                (_, 0) => $"{city} {kind}",
                _ => $"{city} {kind} {round + 1}",
            };
            airports[i] = new Airport(id, round == 0 ? city : $"{city} Area {round}", state, name);
        }

        return airports;
    }

    /// <summary>Small, fast, and the same on every runtime (System.Random's seeded output may change between versions).</summary>
    private struct XorShiftRandom
    {
        private ulong _state;

        public XorShiftRandom(int seed) => _state = 0x9E3779B97F4A7C15UL ^ (ulong)(uint)seed ^ ((ulong)(uint)seed << 32) | 1;

        public int Next(int maxExclusive)
        {
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            return (int)(((_state * 0x2545F4914F6CDD1DUL) >> 32) * (ulong)maxExclusive >> 32);
        }
    }

    /// <summary>Appends to a span; a ref to it is passed around, so calls chain on the one instance.</summary>
    private ref struct Utf8Writer
    {
        private readonly Span<byte> _destination;

        public Utf8Writer(Span<byte> destination) => _destination = destination;

        public int Written { get; private set; }

        public void Number(int value)
        {
            Utf8Formatter.TryFormat(value, _destination[Written..], out var n);
            Written += n;
        }

        public void NumberThenComma(int value)
        {
            Number(value);
            Comma();
        }

        public void Comma() => _destination[Written++] = (byte)',';

        public void Text(string ascii)
        {
            foreach (var c in ascii)
            {
                _destination[Written++] = (byte)c;
            }
        }

        public void Raw(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_destination[Written..]);
            Written += bytes.Length;
        }
    }
}
