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
/// (19 columns and a trailing comma), and at the full width of BTS downloads (110 columns: filler columns put the
/// delay at 32 and the flag at 48, mid-record); every run keeps the same rows, checked in the setup. One core each.
/// </summary>
[MemoryDiagnoser]
[GcServer(false)]
[GcConcurrent(false)]
public class FlightsLayoutBenchmarks
{
    private const int Rows = 500_000;

    private string _microsoftPath = "";
    private string _btsPath = "";
    private string _btsWidePath = "";
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
        BtsLayout.Write(_microsoftPath, _btsPath, wide: false);
        _btsWidePath = Path.Combine(Path.GetTempPath(), $"airline-flights-bench-bts-wide-{Rows}.csv");
        BtsLayout.Write(_microsoftPath, _btsWidePath, wide: true);
        _enricher = new FlightEnricher(generator.AirportsDimension());
        var microsoft = Run(_microsoftPath);
        foreach (var path in new[] { _btsPath, _btsWidePath })
        {
            var bts = Run(path);
            if (microsoft.InputRows != bts.InputRows || microsoft.KeptRows != bts.KeptRows || microsoft.CancelledRows != bts.CancelledRows)
            {
                throw new InvalidOperationException($"The layouts do not hold the same flights: {microsoft} vs {bts} ({path}).");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "Microsoft 20-column layout, 1 core")]
    public long Microsoft() => Run(_microsoftPath).KeptRows;

    [Benchmark(Description = "BTS on-time layout, 1 core")]
    public long Bts() => Run(_btsPath).KeptRows;

    [Benchmark(Description = "BTS, 110 columns (fields mid-record), 1 core")]
    public long BtsWide() => Run(_btsWidePath).KeptRows;

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

    // Filler columns that put DepDelay and Cancelled where BTS downloads have them (32nd and 48th of 110).
    private const int FillersBeforeDelays = 16;
    private const int FillersBeforeCancelled = 14;
    private const int FillersAfter = 61;

    public static void Write(string microsoftPath, string btsPath, bool wide)
    {
        using var reader = CsvReader.FromFile(microsoftPath, CsvReaderOptions.Default with { Separator = ',' });
        using var output = new StreamWriter(btsPath, append: false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        output.WriteLine(wide ? WideHeader() : Header);
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
            var fillers = wide ? Fillers(number) : (Before: string.Empty, Middle: string.Empty, After: string.Empty);
            output.Write(string.Create(CultureInfo.InvariantCulture,
                $"{Text(reader, year)},{(m + 2) / 3},{m},{Text(reader, day)},{Text(reader, weekday)},{date},\"{code}\",19805,\"{code}\",\"N{number:D3}XX\",\"{number}\"," +
                $"{Text(reader, origin)},\"{Text(reader, originCity)}, {Text(reader, originState)}\",{Text(reader, dest)},\"{Text(reader, destCity)}, {Text(reader, destState)}\",{fillers.Before}" +
                $"{Decimal(reader, dep)},{Decimal(reader, arr)},{fillers.Middle}{(isCancelled ? "1.00" : "0.00")},\"{(isCancelled ? "B" : string.Empty)}\",{fillers.After}\n"));
        }
    }

    private static string WideHeader()
    {
        static string Names(string prefix, int count) => string.Concat(Enumerable.Range(1, count).Select(i => $"\"{prefix}{i}\","));
        var fields = Header.Split(',');
        return string.Join(',', fields[..15]) + "," + Names("Before", FillersBeforeDelays) + string.Join(',', fields[15..17]) + "," +
            Names("Middle", FillersBeforeCancelled) + string.Join(',', fields[17..19]) + "," + Names("After", FillersAfter);
    }

    /// <summary>Short values like BTS's times, counts and flags (about 300 bytes a record in all).</summary>
    private static (string Before, string Middle, string After) Fillers(int number)
    {
        static string Values(int count, int seed) => string.Concat(Enumerable.Range(0, count).Select(i => (seed + i) % 5 == 0 ? "," : $"{(seed * 7 + i) % 2400},"));
        return (Values(FillersBeforeDelays, number), Values(FillersBeforeCancelled, number + 3), Values(FillersAfter, number + 5));
    }

    private static string Text(CsvReader reader, int field) => Encoding.UTF8.GetString(reader.GetSpan(field));

    private static string Decimal(CsvReader reader, int field) => reader.IsEmpty(field) ? string.Empty : Text(reader, field) + ".00";
}
