using System.Text;
using Airline.Pipeline.Flights;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CsvHelper;

namespace Airline.Pipeline.Benchmarks.Flights;

/// <summary>
/// The whole job (parse, drop cancelled and not delayed, join origin and destination, write CSV) on a generated
/// Microsoft-format file read from disk, against the same job written naively (File.ReadLines + Split + Dictionary)
/// and on CsvHelper 34's span API (Read / Parse&lt;int&gt; / GetSpan, CsvWriter span fields). The output goes to
/// Stream.Null so the figures are the transform's, not the disk's.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
[GcServer(false)]
[GcConcurrent(false)]
public class FlightsEnrichBenchmarks
{
    private string _path = "";
    private FlightDataGenerator _generator = null!;
    private AirportsDimension _airports = null!;
    private FlightEnricher _oneCore = null!;
    private FlightEnricher _twoCores = null!;

    /// <summary>Rows in the generated file (500k is about 61 MB; 5M, the size the issue names, about 612 MB).</summary>
    [Params(500_000, 5_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _generator = new FlightDataGenerator(seed: 42);
        _path = InputPath(Rows);
        if (!File.Exists(_path))
        {
            _generator.WriteFlightsFileAsync(_path, Rows).GetAwaiter().GetResult();
        }

        _airports = _generator.AirportsDimension();
        _oneCore = new FlightEnricher(_airports);
        _twoCores = new FlightEnricher(_airports, new FlightEnrichmentOptions { DegreeOfParallelism = 2 });
        EnsureSameOutput();
    }

    /// <summary>The three jobs must write the same bytes, or the comparison is not of the same job.</summary>
    private void EnsureSameOutput()
    {
        using var ours = new MemoryStream();
        using (var input = File.OpenRead(_path))
        {
            _oneCore.EnrichAsync(input, ours).GetAwaiter().GetResult();
        }

        using var csvHelper = new MemoryStream();
        CsvHelperJob.Run(_path, _generator.Airports, csvHelper);
        using var naive = new MemoryStream();
        NaiveJob.Run(_path, _generator.Airports, naive);
        if (!ours.ToArray().AsSpan().SequenceEqual(csvHelper.ToArray()) || !ours.ToArray().AsSpan().SequenceEqual(naive.ToArray()))
        {
            throw new InvalidOperationException(
                $"The jobs write different output (ours {ours.Length} bytes, CsvHelper {csvHelper.Length}, naive {naive.Length}); fix the baselines first.");
        }
    }

    private static string InputPath(int rows) => Path.Combine(Path.GetTempPath(), $"airline-flights-bench-{rows}.csv");

    private static int RowsOf(BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => (int)benchmarkCase.Parameters[nameof(Rows)];

    [Benchmark(Baseline = true, Description = "CsvHelper 34 span API, 1 core")]
    public long CsvHelper34() => CsvHelperJob.Run(_path, _generator.Airports);

    [Benchmark(Description = "naive ReadLines+Split, 1 core")]
    public long Naive() => NaiveJob.Run(_path, _generator.Airports);

    [Benchmark(Description = "Airline.Pipeline.Flights, 1 core")]
    public long Flights1Core() => RunOurs(_oneCore);

    [Benchmark(Description = "Airline.Pipeline.Flights, 2 cores")]
    public long Flights2Cores() => RunOurs(_twoCores);

    private long RunOurs(FlightEnricher enricher)
    {
        using var input = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0); // reads 1 MiB blocks itself
        return enricher.EnrichAsync(input, Stream.Null).GetAwaiter().GetResult().KeptRows;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new ThroughputColumn("MB/s", c => new FileInfo(InputPath(RowsOf(c))).Length, 1e6));
            AddColumn(new ThroughputColumn("rows/s", c => RowsOf(c), 1));
        }
    }
}

/// <summary>The job on CsvHelper 34: its fastest path (UTF-8 spans, typed Parse, span fields out).</summary>
internal static class CsvHelperJob
{
    public static long Run(string path, IReadOnlyList<Airport> airports) => Run(path, airports, Stream.Null);

    public static long Run(string path, IReadOnlyList<Airport> airports, Stream output)
    {
        var map = airports.ToDictionary(a => (int)a.Id, a => new EncodedAirport(a));
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',' });
        using var writer = CsvWriter.Create(output, CsvWriterOptions.Default with { NewLine = "\n" }, true);
        reader.ReadHeader();
        int carrier = reader.GetFieldIndex("Carrier"), origin = reader.GetFieldIndex("OriginAirportID"), dest = reader.GetFieldIndex("DestAirportID"),
            dep = reader.GetFieldIndex("DepDelay"), arr = reader.GetFieldIndex("ArrDelay"), cancelled = reader.GetFieldIndex("Cancelled"),
            year = reader.GetFieldIndex("Year"), month = reader.GetFieldIndex("Month"), day = reader.GetFieldIndex("DayofMonth");
        writer.WriteHeader(["carrier", "dep_airport", "arr_airport", "dep_city", "arr_city", "dep_state", "arr_state", "dep_delay", "arr_delay", "flight_date"]);
        Span<byte> date = stackalloc byte[10];
        long kept = 0;
        while (reader.Read())
        {
            if (reader.Parse<int>(cancelled) != 0 || reader.IsEmpty(dep))
            {
                continue;
            }

            var delay = reader.Parse<int>(dep);
            if (delay <= 60)
            {
                continue;
            }

            var o = map[reader.Parse<int>(origin)];
            var d = map[reader.Parse<int>(dest)];
            writer.WriteField(reader.GetSpan(carrier));
            writer.WriteField(o.Name);
            writer.WriteField(d.Name);
            writer.WriteField(o.City);
            writer.WriteField(d.City);
            writer.WriteField(o.State);
            writer.WriteField(d.State);
            writer.WriteField(delay, default);
            if (reader.IsEmpty(arr))
            {
                writer.WriteField(ReadOnlySpan<byte>.Empty);
            }
            else
            {
                writer.WriteField(reader.Parse<int>(arr), default);
            }

            // The same output as ours: the flight date from Year, Month and DayofMonth.
            new DateOnly(reader.Parse<int>(year), reader.Parse<int>(month), reader.Parse<int>(day))
                .TryFormat(date, out _, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            writer.WriteField(date);
            writer.EndRecord();
            kept++;
        }

        writer.Flush();
        return kept;
    }

    private sealed class EncodedAirport(Airport airport)
    {
        public byte[] Name { get; } = Encoding.UTF8.GetBytes(airport.Name);

        public byte[] City { get; } = Encoding.UTF8.GetBytes(airport.City);

        public byte[] State { get; } = Encoding.UTF8.GetBytes(airport.State);
    }
}

/// <summary>The job as most people would first write it: ReadLines, Split, a Dictionary (a quote-aware split only
/// for the lines that have quotes, or the quoted airport names would break it).</summary>
internal static class NaiveJob
{
    public static long Run(string path, IReadOnlyList<Airport> airports) => Run(path, airports, Stream.Null);

    public static long Run(string path, IReadOnlyList<Airport> airports, Stream output)
    {
        var map = airports.ToDictionary(a => a.Id);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        writer.Write("carrier,dep_airport,arr_airport,dep_city,arr_city,dep_state,arr_state,dep_delay,arr_delay,flight_date\n");
        Dictionary<string, int>? header = null;
        long kept = 0;
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Contains('"', StringComparison.Ordinal) ? SplitQuoted(line) : line.Split(',');
            if (header is null)
            {
                header = fields.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
                continue;
            }

            if (fields[header["Cancelled"]] == "1" || fields[header["DepDelay"]].Length == 0)
            {
                continue;
            }

            var delay = int.Parse(fields[header["DepDelay"]], System.Globalization.CultureInfo.InvariantCulture);
            if (delay <= 60)
            {
                continue;
            }

            var o = map[long.Parse(fields[header["OriginAirportID"]], System.Globalization.CultureInfo.InvariantCulture)];
            var d = map[long.Parse(fields[header["DestAirportID"]], System.Globalization.CultureInfo.InvariantCulture)];
            writer.Write(string.Join(',', new[] { fields[header["Carrier"]], o.Name, d.Name, o.City, d.City, o.State, d.State }.Select(Quote)));
            var date = new DateOnly(int.Parse(fields[header["Year"]], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[header["Month"]], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[header["DayofMonth"]], System.Globalization.CultureInfo.InvariantCulture));
            writer.Write($",{delay},{fields[header["ArrDelay"]]},{date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}\n");
            kept++;
        }

        return kept;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string[] SplitQuoted(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
