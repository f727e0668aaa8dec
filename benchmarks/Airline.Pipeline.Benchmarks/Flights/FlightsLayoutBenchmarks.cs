using System.Globalization;
using System.Text;
using Airline.Pipeline.Flights;
using BenchmarkDotNet.Attributes;
using CsvHelper;

namespace Airline.Pipeline.Benchmarks.Flights;

/// <summary>
/// The BTS on-time layout against Microsoft's: BTS writes Cancelled and the delays as decimals ("0.00", "45.00"),
/// which the quick filter reads as whole numbers, so most records are decided without tokenizing. The same
/// flights are written in Microsoft's 20-column layout (the baseline) and in the BTS layout of the format tests
/// (19 columns and a trailing comma); both runs keep the same rows, checked in the setup. One core each.
/// </summary>
[MemoryDiagnoser]
[GcServer(false)]
[GcConcurrent(false)]
public class FlightsLayoutBenchmarks
{
    private const int Rows = 500_000;

    private string _microsoftPath = "";
    private string _btsPath = "";
    private FlightEnricher _enricher = null!;

    [GlobalSetup]
    public void Setup()
    {
        var generator = new FlightDataGenerator(seed: 42);
        _microsoftPath = Path.Combine(Path.GetTempPath(), $"airline-flights-bench-{Rows}.csv");
        if (!File.Exists(_microsoftPath))
        {
            generator.WriteFlightsFileAsync(_microsoftPath, Rows).GetAwaiter().GetResult();
        }

        _btsPath = Path.Combine(Path.GetTempPath(), $"airline-flights-bench-bts-{Rows}.csv");
        BtsLayout.Write(_microsoftPath, _btsPath);
        _enricher = new FlightEnricher(generator.AirportsDimension());
        var microsoft = Run(_microsoftPath);
        var bts = Run(_btsPath);
        if (microsoft.InputRows != bts.InputRows || microsoft.KeptRows != bts.KeptRows || microsoft.CancelledRows != bts.CancelledRows)
        {
            throw new InvalidOperationException($"The two layouts do not hold the same flights: {microsoft} vs {bts}.");
        }
    }

    [Benchmark(Baseline = true, Description = "Microsoft 20-column layout, 1 core")]
    public long Microsoft() => Run(_microsoftPath).KeptRows;

    [Benchmark(Description = "BTS on-time layout, 1 core")]
    public long Bts() => Run(_btsPath).KeptRows;

    private FlightEnrichmentResult Run(string path)
    {
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        return _enricher.EnrichAsync(input, Stream.Null).GetAwaiter().GetResult();
    }
}

/// <summary>Rewrites generated Microsoft-layout flights in the BTS on-time layout of the format tests.</summary>
internal static class BtsLayout
{
    private const string Header =
        "\"Year\",\"Quarter\",\"Month\",\"DayofMonth\",\"DayOfWeek\",\"FlightDate\",\"Reporting_Airline\",\"DOT_ID_Reporting_Airline\"," +
        "\"IATA_CODE_Reporting_Airline\",\"Tail_Number\",\"Flight_Number_Reporting_Airline\",\"OriginAirportID\",\"OriginCityName\"," +
        "\"DestAirportID\",\"DestCityName\",\"DepDelay\",\"ArrDelay\",\"Cancelled\",\"CancellationCode\",";

    public static void Write(string microsoftPath, string btsPath)
    {
        using var reader = CsvReader.FromFile(microsoftPath, CsvReaderOptions.Default with { Separator = ',' });
        using var output = new StreamWriter(btsPath, append: false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        output.WriteLine(Header);
        reader.ReadHeader();
        int year = reader.GetFieldIndex("Year"), month = reader.GetFieldIndex("Month"), day = reader.GetFieldIndex("DayofMonth"),
            weekday = reader.GetFieldIndex("DayOfWeek"), carrier = reader.GetFieldIndex("Carrier"),
            origin = reader.GetFieldIndex("OriginAirportID"), originCity = reader.GetFieldIndex("OriginCity"), originState = reader.GetFieldIndex("OriginState"),
            dest = reader.GetFieldIndex("DestAirportID"), destCity = reader.GetFieldIndex("DestCity"), destState = reader.GetFieldIndex("DestState"),
            dep = reader.GetFieldIndex("DepDelay"), arr = reader.GetFieldIndex("ArrDelay"), cancelled = reader.GetFieldIndex("Cancelled");
        var number = 0;
        while (reader.Read())
        {
            var m = reader.Parse<int>(month);
            var date = new DateOnly(reader.Parse<int>(year), m, reader.Parse<int>(day)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var code = Text(reader, carrier);
            var isCancelled = reader.Parse<int>(cancelled) != 0;
            number = (number % 9999) + 1;
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"{Text(reader, year)},{(m + 2) / 3},{m},{Text(reader, day)},{Text(reader, weekday)},{date},\"{code}\",19805,\"{code}\",\"N{number:D3}XX\",\"{number}\"," +
                $"{Text(reader, origin)},\"{Text(reader, originCity)}, {Text(reader, originState)}\",{Text(reader, dest)},\"{Text(reader, destCity)}, {Text(reader, destState)}\"," +
                $"{Decimal(reader, dep)},{Decimal(reader, arr)},{(isCancelled ? "1.00" : "0.00")},\"{(isCancelled ? "B" : string.Empty)}\",\n"));
        }
    }

    private static string Text(CsvReader reader, int field) => Encoding.UTF8.GetString(reader.GetSpan(field));

    private static string Decimal(CsvReader reader, int field) => reader.IsEmpty(field) ? string.Empty : Text(reader, field) + ".00";
}
