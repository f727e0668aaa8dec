using Airline.Pipeline.Flights;

namespace Airline.Pipeline.Flights.Tests;

public sealed class StreamingTests
{
    private static readonly FlightDataGenerator Generator = new(seed: 7);
    private static readonly Lazy<byte[]> Flights = new(() =>
    {
        using var stream = new MemoryStream();
        Generator.WriteFlights(stream, 20_000);
        return stream.ToArray();
    });

    [Fact]
    public async Task Parallel_output_is_byte_identical_to_sequential_and_in_input_order()
    {
        var sequential = await RunAsync(new FlightEnrichmentOptions { BlockSizeBytes = 8192 });
        var parallel = await RunAsync(new FlightEnrichmentOptions { BlockSizeBytes = 8192, DegreeOfParallelism = 4 });

        parallel.Output.Should().Equal(sequential.Output);
        parallel.Result.Should().BeEquivalentTo(sequential.Result);
        sequential.Result.InputRows.Should().Be(20_000);
        sequential.Result.IsBalanced.Should().BeTrue();
    }

    [Fact]
    public async Task Progress_reports_bytes_and_rows_up_to_the_whole_input()
    {
        var reports = new List<FlightProgress>();
        var options = new FlightEnrichmentOptions { BlockSizeBytes = 16384, Progress = reports.Add };

        var (result, _) = await RunAsync(options);

        reports.Should().HaveCountGreaterThan(10);
        reports.Select(r => r.BytesRead).Should().BeInAscendingOrder();
        reports[^1].BytesRead.Should().Be(Flights.Value.Length);
        reports[^1].RowsRead.Should().Be(result.InputRows);
        reports[^1].RowsKept.Should().Be(result.KeptRows);
        result.BytesRead.Should().Be(Flights.Value.Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Cancellation_stops_the_run(int cores)
    {
        using var cancel = new CancellationTokenSource();
        var options = new FlightEnrichmentOptions { BlockSizeBytes = 8192, DegreeOfParallelism = cores, Progress = _ => cancel.Cancel() };
        var enricher = new FlightEnricher(Generator.AirportsDimension(), options);

        var act = () => enricher.EnrichAsync(TestRuns.Bytes(Flights.Value), Stream.Null, cancellationToken: cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task The_first_fatal_row_in_input_order_fails_the_run_on_any_core_count(int cores)
    {
        // Two unknown airports, far apart: the run fails on the first, with its line, however blocks interleave.
        var lines = System.Text.Encoding.UTF8.GetString(Flights.Value).Split('\n');
        var header = lines[0].Split(',');
        var origin = Array.IndexOf(header, "OriginAirportID");
        var delay = Array.IndexOf(header, "DepDelay");
        var cancelled = Array.IndexOf(header, "Cancelled");
        string Unknown(string line)
        {
            var fields = line.Split(',');
            fields[origin] = "99999";
            fields[delay] = "200";
            fields[cancelled] = "0";
            return string.Join(',', fields);
        }

        var unquoted = Enumerable.Range(1, lines.Length - 2).Where(i => !lines[i].Contains('"', StringComparison.Ordinal)).ToArray();
        var first = unquoted[unquoted.Length / 2];
        var second = unquoted[^10];
        lines[first] = Unknown(lines[first]);
        lines[second] = Unknown(lines[second]);
        var input = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines));
        var enricher = new FlightEnricher(Generator.AirportsDimension(), new FlightEnrichmentOptions { BlockSizeBytes = 8192, DegreeOfParallelism = cores });

        var act = () => enricher.EnrichAsync(TestRuns.Bytes(input), Stream.Null);

        var error = (await act.Should().ThrowAsync<FlightDataException>()).Which;
        error.Line.Should().Be(first + 1);
        error.Message.Should().Contain("airport_id=99999");
    }

    [Fact]
    public void Invalid_options_are_all_named_at_once()
    {
        var act = () => new FlightEnricher(SeedData.Airports(), new FlightEnrichmentOptions { DegreeOfParallelism = 0, BlockSizeBytes = 10 });

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("DegreeOfParallelism is 0").And.Contain("BlockSizeBytes is 10");
    }

    [Fact]
    public async Task Generator_is_deterministic_and_realistic()
    {
        using var again = new MemoryStream();
        await new FlightDataGenerator(seed: 7).WriteFlightsAsync(again, 20_000);
        again.ToArray().Should().Equal(Flights.Value);

        Generator.Airports.Should().HaveCount(350);
        Generator.Airports.Should().Contain(a => a.Name.Contains(',', StringComparison.Ordinal));
        Generator.Airports.Should().Contain(a => a.Name.Contains('"', StringComparison.Ordinal));
        AirportsDimension.ParseCsv(Generator.AirportsCsv()).Airports.Should().Equal(Generator.Airports);

        var (result, _) = await RunAsync(new FlightEnrichmentOptions());
        ((double)result.CancelledRows / result.InputRows).Should().BeApproximately(0.015, 0.004);
        ((double)result.KeptRows / result.InputRows).Should().BeApproximately(0.06, 0.01);
        result.RejectedRows.Should().Be(0);
        result.OutputColumns.Should().Contain("flight_date");
    }

    private static async Task<(FlightEnrichmentResult Result, byte[] Output)> RunAsync(FlightEnrichmentOptions options)
    {
        using var output = new MemoryStream();
        var result = await new FlightEnricher(Generator.AirportsDimension(), options).EnrichAsync(TestRuns.Bytes(Flights.Value), output);
        return (result, output.ToArray());
    }
}
