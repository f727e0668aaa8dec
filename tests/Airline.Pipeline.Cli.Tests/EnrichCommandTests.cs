using System.Text.Json;
using Airline.Pipeline.Cli;
using Airline.Pipeline.Flights;

namespace Airline.Pipeline.Cli.Tests;

public sealed class EnrichCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _flights;
    private readonly string _airports;

    public EnrichCommandTests() => (_flights, _airports) = SeedData.WriteTo(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Enrich_keeps_the_seeds_delayed_flights_and_prints_the_counts()
    {
        var output = _temp.Combine("enriched.csv");
        var result = await CliRunner.RunAsync("enrich", "--flights", _flights, "--airports", _airports, "--out", output);
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().MatchRegex(@"input\s+10\n");
        result.Out.Should().MatchRegex(@"kept\s+5\n");
        result.Out.Should().MatchRegex(@"not delayed\s+5\n");
        result.Out.Should().MatchRegex(@"rejected\s+0");
        result.Out.Should().MatchRegex(@"read 0\.\d\d MB in \d+\.\d{3} s: \d+\.\d MB/s");
        result.Out.Should().NotContain("\r", "standard output is redirected: no progress bar");
        var kept = File.ReadAllLines(output);
        kept.Should().HaveCount(6);
        kept.Skip(1).Should().OnlyContain(line => SeedData.KeptFlightIds.Any(id => line.Contains(id, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Enrich_draws_a_progress_bar_only_on_a_terminal()
    {
        var output = _temp.Combine("enriched.csv");
        var terminal = CliEnvironment.Default with { OutputIsTerminal = true };
        var result = await CliRunner.RunAsync(terminal, string.Empty, "enrich", "--flights", _flights, "--airports", _airports, "--out", output);
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("\r[").And.Contain("100.0%");
    }

    [Fact]
    public async Task Enrich_json_counts_add_up()
    {
        var result = await CliRunner.RunAsync("enrich", "--flights", _flights, "--airports", _airports, "--out", _temp.Combine("o.csv"), "--format", "json");
        result.ExitCode.Should().Be(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.GetProperty("input").GetInt64().Should().Be(10);
        (root.GetProperty("kept").GetInt64() + root.GetProperty("notDelayed").GetInt64() + root.GetProperty("noDelayValue").GetInt64() +
         root.GetProperty("rejected").GetInt64()).Should().Be(10);
        root.GetProperty("megabytesPerSecond").GetDouble().Should().BeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Enrich_pipes_standard_input_to_standard_output_with_counts_on_standard_error()
    {
        var result = await CliRunner.RunWithInputAsync(SeedData.FlightsCsv, "enrich", "--flights", "-", "--airports", _airports, "--out", "-", "--threshold", "100");
        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2, "only BA7890 left more than 100 minutes late");
        lines[1].Should().Contain("BA7890");
        result.Error.Should().MatchRegex(@"kept\s+1\n");
    }

    [Fact]
    public async Task An_unknown_airport_fails_the_run_with_exit_1_and_leaves_no_output()
    {
        var flights = _temp.File("unknown.csv", SeedData.UnknownAirportFlightsCsv);
        var output = _temp.Combine("enriched.csv");
        var result = await CliRunner.RunAsync("enrich", "--flights", flights, "--airports", _airports, "--out", output);
        result.ExitCode.Should().Be(1, result.ToString());
        result.Error.Should().Contain(SeedData.UnknownAirportError).And.Contain("line 3").And.Contain(flights);
        result.ShouldHaveNoStackTrace();
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task An_unknown_airport_can_be_rejected_to_a_rejects_file()
    {
        var flights = _temp.File("unknown.csv", SeedData.UnknownAirportFlightsCsv);
        var rejects = _temp.Combine("rejects.csv");
        var result = await CliRunner.RunAsync("enrich", "--flights", flights, "--airports", _airports, "--out", _temp.Combine("o.csv"),
            "--rejects", rejects, "--unknown-airport", "reject");
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().MatchRegex(@"rejected\s+1\s+\(0 malformed, 1 unknown airport\)");
        File.ReadAllText(rejects).Should().Contain("99999").And.Contain("3");
    }

    [Fact]
    public async Task Missing_files_are_bad_input_naming_them()
    {
        var missing = _temp.Combine("none.csv");
        (await CliRunner.RunAsync("enrich", "--flights", missing, "--airports", _airports, "--out", _temp.Combine("o.csv")))
            .ShouldBeBadInput($"flights file '{missing}' does not exist");
        (await CliRunner.RunAsync("enrich", "--flights", _flights, "--airports", missing, "--out", _temp.Combine("o.csv")))
            .ShouldBeBadInput($"airports file '{missing}' does not exist");
    }

    [Fact]
    public async Task An_output_in_a_missing_folder_is_bad_input()
    {
        var output = Path.Combine(_temp.Path, "no", "such", "folder", "o.csv");
        var result = await CliRunner.RunAsync("enrich", "--flights", _flights, "--airports", _airports, "--out", output);
        result.ShouldBeBadInput("--out", "cannot be created");
    }

    [Fact]
    public async Task A_malformed_airports_file_is_bad_input()
    {
        var airports = _temp.File("airports-bad.csv", "id_of_airport,where\n1,x\n");
        var result = await CliRunner.RunAsync("enrich", "--flights", _flights, "--airports", airports, "--out", _temp.Combine("o.csv"));
        result.ShouldBeBadInput($"airports file '{airports}'");
    }

    [Theory]
    [InlineData("--threads", "0")]
    [InlineData("--unknown-airport", "ignore")]
    [InlineData("--threshold", "soon")]
    public async Task Bad_option_values_are_bad_usage(string option, string value)
    {
        var result = await CliRunner.RunAsync("enrich", "--flights", _flights, "--airports", _airports, "--out", _temp.Combine("o.csv"), option, value);
        result.ShouldBeBadInput(value);
    }

    [Fact]
    public async Task Parallel_runs_give_the_same_output()
    {
        var one = _temp.Combine("one.csv");
        var two = _temp.Combine("two.csv");
        (await CliRunner.RunAsync("enrich", "--flights", _flights, "--airports", _airports, "--out", one, "--threads", "1")).ExitCode.Should().Be(0);
        (await CliRunner.RunAsync("enrich", "--flights", _flights, "--airports", _airports, "--out", two, "--threads", "2")).ExitCode.Should().Be(0);
        File.ReadAllBytes(two).Should().Equal(File.ReadAllBytes(one));
    }
}
