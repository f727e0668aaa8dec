using System.Text.Json;

namespace Airline.Pipeline.Cli.Tests;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Generate_writes_flights_and_airports_that_enrich_reads()
    {
        var result = await CliRunner.RunAsync("generate", "flights", "--rows", "2000", "--out", _temp.Path, "--seed", "7");
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("wrote 2,000 flights").And.Contain("airports.csv");
        var flights = _temp.Combine("flights.csv");
        var airports = _temp.Combine("airports.csv");
        File.ReadLines(flights).Count().Should().Be(2001);

        var enriched = await CliRunner.RunAsync("enrich", "--flights", flights, "--airports", airports, "--out", _temp.Combine("enriched.csv"), "--format", "json");
        enriched.ExitCode.Should().Be(0, enriched.ToString());
        using var counts = JsonDocument.Parse(enriched.Out);
        counts.RootElement.GetProperty("input").GetInt64().Should().Be(2000);
        counts.RootElement.GetProperty("kept").GetInt64().Should().BeGreaterThan(0);
        counts.RootElement.GetProperty("rejected").GetInt64().Should().Be(0);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        var a = Path.Combine(_temp.Path, "a");
        var b = Path.Combine(_temp.Path, "b");
        var c = Path.Combine(_temp.Path, "c");
        (await CliRunner.RunAsync("generate", "flights", "--rows", "500", "--out", a, "--seed", "3")).ExitCode.Should().Be(0);
        (await CliRunner.RunAsync("generate", "flights", "--rows", "500", "--out", b, "--seed", "3")).ExitCode.Should().Be(0);
        (await CliRunner.RunAsync("generate", "flights", "--rows", "500", "--out", c, "--seed", "4")).ExitCode.Should().Be(0);
        File.ReadAllBytes(Path.Combine(b, "flights.csv")).Should().Equal(File.ReadAllBytes(Path.Combine(a, "flights.csv")));
        File.ReadAllBytes(Path.Combine(c, "flights.csv")).Should().NotEqual(File.ReadAllBytes(Path.Combine(a, "flights.csv")));
    }

    [Fact]
    public async Task Generate_json_reports_the_files()
    {
        var result = await CliRunner.RunAsync("generate", "flights", "--rows", "10", "--out", _temp.Path, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("rows").GetInt64().Should().Be(10);
        json.RootElement.GetProperty("bytes").GetInt64().Should().Be(new FileInfo(_temp.Combine("flights.csv")).Length);
    }

    [Fact]
    public async Task Bad_rows_and_out_are_bad_input()
    {
        (await CliRunner.RunAsync("generate", "flights", "--rows", "-1", "--out", _temp.Path)).ShouldBeBadInput("--rows -1");
        (await CliRunner.RunAsync("generate", "flights", "--rows", "many", "--out", _temp.Path)).ShouldBeBadInput("many");
        var file = _temp.File("taken", "x");
        (await CliRunner.RunAsync("generate", "flights", "--rows", "1", "--out", file)).ShouldBeBadInput("is a file");
        (await CliRunner.RunAsync("generate", "flights", "--out", _temp.Path)).ShouldBeBadInput("--rows");
    }
}
