using System.Text;

namespace Airline.Pipeline.Flights.Tests;

/// <summary>
/// BTS writes whole minutes and the cancelled flag as decimals ("45.00", "0.00"). The quick filter drops such a
/// record when it is plainly not delayed; anything else goes to the general path. The same flights written with
/// decimals and as integers must give the same counts, output and rejects.
/// </summary>
public sealed class BtsDecimalsTests
{
    private const string Header =
        "\"Year\",\"Quarter\",\"Month\",\"DayofMonth\",\"DayOfWeek\",\"FlightDate\",\"Reporting_Airline\",\"DOT_ID_Reporting_Airline\"," +
        "\"IATA_CODE_Reporting_Airline\",\"Tail_Number\",\"Flight_Number_Reporting_Airline\",\"OriginAirportID\",\"OriginCityName\"," +
        "\"DestAirportID\",\"DestCityName\",\"DepDelay\",\"ArrDelay\",\"Cancelled\",\"CancellationCode\",\n";

    private static readonly int[] Airports = [10397, 11292, 11433, 12892, 13303, 13487, 14107, 14869, 15376];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Decimal_and_integer_spellings_of_the_same_flights_give_the_same_result(int seed)
    {
        var (decimals, integers) = Flights(seed, rows: 20_000);
        var options = new FlightEnrichmentOptions { BlockSizeBytes = 64 * 1024 };

        var fromDecimals = await TestRuns.EnrichAsync(decimals, options: options);
        var fromIntegers = await TestRuns.EnrichAsync(integers, options: options);

        // Every count is the same; only the bytes read and the rejected records' text differ between the spellings.
        fromDecimals.Result.Should().BeEquivalentTo(fromIntegers.Result, o => o.Excluding(r => r.BytesRead).Excluding(r => r.RejectSamples));
        fromDecimals.Result.RejectSamples.Select(r => (r.Line, r.Reason)).Should().Equal(fromIntegers.Result.RejectSamples.Select(r => (r.Line, r.Reason)));
        fromDecimals.Output.Should().Be(fromIntegers.Output);
        fromDecimals.Result.NotDelayedRows.Should().BeGreaterThan(10_000);
        fromDecimals.Result.KeptRows.Should().BeGreaterThan(500);
        fromDecimals.Result.CancelledRows.Should().BeGreaterThan(100);
        fromDecimals.Result.RejectedRows.Should().BeGreaterThan(10); // the fractional delays, in both spellings
    }

    [Theory]
    [InlineData("60.00", "0.00", 0, 1)] // at the threshold: not delayed
    [InlineData("61.00", "0.00", 1, 0)] // over it: kept
    [InlineData("-3.00", "0.00", 0, 1)]
    [InlineData("45.00", "1.00", 0, 0)] // cancelled
    [InlineData("45.0", "0.0", 0, 1)] // other zero fractions: the general path accepts them too
    [InlineData("45.50", "0.00", 0, 0)] // fractional: rejected
    public async Task One_decimal_record_is_classified_as_the_general_path_does(string depDelay, string cancelled, int kept, int notDelayed)
    {
        var flights = Header + $"2023,4,11,15,3,2023-11-15,\"AA\",19805,\"AA\",\"N1\",\"5678\",10397,\"Atlanta, GA\",14869,\"Salt Lake City, UT\",{depDelay},1.00,{cancelled},\"\",\n";

        var (result, _, _) = await TestRuns.EnrichAsync(flights);

        (result.KeptRows, result.NotDelayedRows).Should().Be((kept, notDelayed));
        result.InputRows.Should().Be(1);
    }

    private static (string Decimals, string Integers) Flights(int seed, int rows)
    {
        var random = new Random(seed);
        var decimals = new StringBuilder(Header);
        var integers = new StringBuilder(Header);
        for (var i = 0; i < rows; i++)
        {
            var cancelled = random.Next(100) < 2;
            var fractional = !cancelled && random.Next(1000) < 2;
            var dep = random.Next(100) < 10 ? random.Next(61, 300) : random.Next(-20, 61);
            var arr = dep + random.Next(-15, 15);
            var prefix = $"2023,4,11,15,3,2023-11-15,\"AA\",19805,\"AA\",\"N{i % 997}\",\"{(i % 9999) + 1}\"," +
                $"{Airports[random.Next(Airports.Length)]},\"Atlanta, GA\",{Airports[random.Next(Airports.Length)]},\"Salt Lake City, UT\",";
            string Decimal(int value) => $"{value}.00";
            if (cancelled)
            {
                decimals.Append(prefix).Append(",,1.00,\"B\",\n");
                integers.Append(prefix).Append(",,1,\"B\",\n");
            }
            else if (fractional)
            {
                decimals.Append(prefix).Append($"{dep}.50,{Decimal(arr)},0.00,\"\",\n");
                integers.Append(prefix).Append($"{dep}.50,{arr},0,\"\",\n");
            }
            else
            {
                decimals.Append(prefix).Append($"{Decimal(dep)},{Decimal(arr)},0.00,\"\",\n");
                integers.Append(prefix).Append($"{dep},{arr},0,\"\",\n");
            }
        }

        return (decimals.ToString(), integers.ToString());
    }
}
