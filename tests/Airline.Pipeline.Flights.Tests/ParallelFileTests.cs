using FsCheck;
using FsCheck.Fluent;

namespace Airline.Pipeline.Flights.Tests;

/// <summary>
/// Several cores on a file, with small blocks, line breaks inside quoted fields and records longer than a block: the
/// output, the rejects with their line numbers and the counts must be exactly those of one core.
/// </summary>
public sealed class ParallelFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("airline-flights-parallel-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Random_files_give_one_cores_output_rejects_and_counts_on_two_and_three_cores()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(60);
        Check.One(config, Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1)), (int seed) =>
        {
            var file = RandomFlightFile.Create(seed);
            var path = Path.Combine(_folder, $"flights-{seed}.csv");
            File.WriteAllBytes(path, file.Bytes);
            var one = Run(path, file.Policy, cores: 1);
            foreach (var cores in new[] { 2, 3 })
            {
                var many = Run(path, file.Policy, cores);
                many.Output.Should().Equal(one.Output, $"seed {seed}, {cores} cores");
                many.Rejects.Should().Equal(one.Rejects, $"seed {seed}, {cores} cores");
                many.Result.Should().BeEquivalentTo(one.Result, $"seed {seed}, {cores} cores");
            }

            return true;
        }));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_record_longer_than_many_blocks_is_read_whole(int cores)
    {
        var header = "Carrier,OriginAirportID,DestAirportID,DepDelay,ArrDelay,FlightDate,FlightID,Notes\n";
        var plain = string.Concat(Enumerable.Range(0, 2000).Select(i => $"UA,10397,11292,{(i % 4 == 0 ? 75 : 5)},58,2023-11-15,UA{i},n\n"));
        var huge = "AA,10397,11292,90,82,2023-11-15,AA1,\"" + new string('x', 150_000) + "\n,\"\"quoted\"\"\"\n";
        var path = Path.Combine(_folder, "long.csv");
        await File.WriteAllTextAsync(path, header + plain + huge + plain);
        var options = new FlightEnrichmentOptions { BlockSizeBytes = 4096, DegreeOfParallelism = cores };

        var result = await new FlightEnricher(RandomFlightFile.Airports, options).EnrichFileAsync(path, Path.Combine(_folder, "out.csv"));

        result.InputRows.Should().Be(4001);
        result.KeptRows.Should().Be(1001);
        result.IsBalanced.Should().BeTrue();
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_fatal_row_fails_with_its_line_when_blocks_run_in_parallel(int cores)
    {
        var header = "Carrier,OriginAirportID,DestAirportID,DepDelay,ArrDelay,FlightDate,FlightID,Notes\n";
        var rows = Enumerable.Range(0, 3000).Select(i => i == 2222
            ? "UA,99999,11292,75,58,2023-11-15,UA2222,x\n"
            : $"UA,10397,11292,{(i % 4 == 0 ? 75 : 5)},58,2023-11-15,UA{i},{(i % 9 == 0 ? "\"two\nlines\"" : "n")}\n").ToList();
        var path = Path.Combine(_folder, "fatal.csv");
        await File.WriteAllTextAsync(path, header + string.Concat(rows));
        var expectedLine = 2 + rows.Take(2222).Sum(r => r.Count(c => c == '\n'));
        var options = new FlightEnrichmentOptions { BlockSizeBytes = 4096, DegreeOfParallelism = cores };

        var act = () => new FlightEnricher(RandomFlightFile.Airports, options).EnrichFileAsync(path, Path.Combine(_folder, "out.csv"));

        var error = (await act.Should().ThrowAsync<FlightDataException>()).Which;
        error.Line.Should().Be(expectedLine);
        error.Message.Should().Contain("airport_id=99999");
    }

    [Fact]
    public async Task Progress_reaches_the_file_length_and_cancellation_stops_the_run_on_two_cores()
    {
        var path = Path.Combine(_folder, "generated.csv");
        var generator = new FlightDataGenerator(seed: 3);
        await generator.WriteFlightsFileAsync(path, 30_000);
        var reports = new List<FlightProgress>();
        var options = new FlightEnrichmentOptions { BlockSizeBytes = 16384, DegreeOfParallelism = 2, Progress = reports.Add };

        var result = await new FlightEnricher(generator.AirportsDimension(), options).EnrichFileAsync(path, Path.Combine(_folder, "out.csv"));

        result.InputRows.Should().Be(30_000);
        result.BytesRead.Should().Be(new FileInfo(path).Length);
        reports.Select(r => r.BytesRead).Should().BeInAscendingOrder();
        reports[^1].BytesRead.Should().Be(new FileInfo(path).Length);

        using var cancel = new CancellationTokenSource();
        var cancelling = options with { Progress = _ => cancel.Cancel() };
        var act = () => new FlightEnricher(generator.AirportsDimension(), cancelling)
            .EnrichFileAsync(path, Path.Combine(_folder, "cancelled.csv"), cancellationToken: cancel.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    private static (byte[] Output, byte[] Rejects, FlightEnrichmentResult Result) Run(string path, UnknownAirportPolicy policy, int cores)
    {
        var options = new FlightEnrichmentOptions
        {
            UnknownAirport = policy,
            MalformedRows = MalformedRowPolicy.Reject,
            BlockSizeBytes = 4096,
            MaxRowBytes = 1 << 20,
            DegreeOfParallelism = cores,
            MaxRejectSamples = 10_000,
        };
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        using var output = new MemoryStream();
        using var rejects = new MemoryStream();
        var result = new FlightEnricher(RandomFlightFile.Airports, options).EnrichAsync(input, output, rejects).GetAwaiter().GetResult();
        return (output.ToArray(), rejects.ToArray(), result);
    }
}
