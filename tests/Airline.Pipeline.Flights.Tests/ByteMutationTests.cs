using System.Text;

namespace Airline.Pipeline.Flights.Tests;

/// <summary>
/// Generated flight files with random bytes replaced, inserted or deleted (quotes, commas, line breaks, digits,
/// letters): the transform either accounts for every row (kept, filtered or rejected with a reason) or stops with
/// <see cref="FlightDataException"/>; it never fails any other way, on one core or two, with small blocks or large.
/// </summary>
public sealed class ByteMutationTests
{
    private static readonly byte[] Noise = "\",\n\r0123456789-. aZ\""u8.ToArray();

    [Theory]
    [InlineData(1, 1, 64 * 1024)]
    [InlineData(2, 1, 4 * 1024)]
    [InlineData(3, 2, 64 * 1024)]
    [InlineData(4, 2, 4 * 1024)]
    public async Task Mutated_files_are_accounted_for_or_refused_with_a_flight_data_error(int seed, int cores, int blockSize)
    {
        var generator = new FlightDataGenerator(seed);
        var airports = generator.AirportsDimension();
        using var original = new MemoryStream();
        await generator.WriteFlightsAsync(original, rows: 3_000);
        var bytes = original.ToArray();
        var random = new Random(seed);
        var options = new FlightEnrichmentOptions
        {
            DegreeOfParallelism = cores,
            BlockSizeBytes = blockSize,
            UnknownAirport = UnknownAirportPolicy.Reject,
        };

        var refused = 0;
        for (var round = 0; round < 40; round++)
        {
            var mutated = Mutate(bytes, random);
            try
            {
                var result = await new FlightEnricher(airports, options).EnrichAsync(new MemoryStream(mutated, writable: false), Stream.Null);
                result.IsBalanced.Should().BeTrue($"seed {seed}, round {round}: {result}");
                result.RejectSamples.Where(r => r.Line < 2 || r.Reason.Length == 0).Should().BeEmpty();
            }
            catch (FlightDataException refusal)
            {
                refusal.Message.Should().NotBeNullOrWhiteSpace();
                refused++;
            }
        }

        refused.Should().BeLessThan(40, "most mutations leave a readable file");
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var list = new List<byte>(bytes);
        for (var edits = random.Next(1, 30); edits > 0; edits--)
        {
            var at = random.Next(list.Count / 40, list.Count); // keep the header mostly intact
            switch (random.Next(3))
            {
                case 0:
                    list[at] = Noise[random.Next(Noise.Length)];
                    break;
                case 1:
                    list.Insert(at, Noise[random.Next(Noise.Length)]);
                    break;
                default:
                    list.RemoveAt(at);
                    break;
            }
        }

        return [.. list];
    }

    [Theory]
    [InlineData("20233", "1", "31", "Year: '20233' is not a year")]
    [InlineData("2023", "13", "1", "Month: '13' is not a month (1-12)")]
    [InlineData("2023", "2", "30", "DayofMonth: '30' is not a day of that month")]
    public async Task A_delayed_flight_with_a_bad_date_is_rejected_and_not_also_kept(string year, string month, string day, string reason)
    {
        var flights = FlightDataGenerator.Header + "\n" +
            $"{year},{month},{day},2,AA,10397,Atlanta,Atlanta,GA,14869,Salt Lake,Salt Lake City,UT,1530,75,1,1800,82,1,0\n" +
            "2023,1,2,1,DL,10397,Atlanta,Atlanta,GA,14869,Salt Lake,Salt Lake City,UT,1530,95,1,1800,90,1,0\n";

        var (result, output, rejects) = await TestRuns.EnrichAsync(flights);

        (result.KeptRows, result.RejectedRows, result.IsBalanced).Should().Be((1, 1, true));
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2); // the header and the good flight
        result.RejectSamples.Should().ContainSingle().Which.Reason.Should().Be(reason);
        rejects.Should().Contain(year + "," + month + "," + day);
    }

    [Fact]
    public void Mutated_airport_files_load_or_are_refused_with_a_flight_data_error()
    {
        var csv = Encoding.UTF8.GetBytes(new FlightDataGenerator(9).AirportsCsv());
        var random = new Random(9);
        var loaded = 0;
        for (var round = 0; round < 300; round++)
        {
            var text = Encoding.UTF8.GetString(Mutate(csv, random));
            try
            {
                AirportsDimension.ParseCsv(text).Count.Should().BePositive();
                loaded++;
            }
            catch (FlightDataException refusal)
            {
                refusal.Message.Should().NotBeNullOrWhiteSpace();
            }
        }

        loaded.Should().BePositive();
    }
}
