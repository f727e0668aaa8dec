using System.Text.Json;

namespace Airline.Pipeline.Cli.Tests;

public sealed class AslRunCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Machine => _temp.File("crawler.asl.json", Samples.CrawlerMachine);

    [Fact]
    public async Task Run_plays_scripted_results_in_order_and_prints_status_and_output()
    {
        var running = _temp.File("running.json", Samples.RunningResult);
        var ready = _temp.File("ready.json", Samples.ReadyResult);
        var result = await CliRunner.RunAsync(
            "asl", "run", Machine, "--input", """{"file":"incoming/flights.csv"}""",
            "--task", "StartCrawler={}",
            "--task", $"GetCrawler=@{running}",
            "--task", $"GetCrawler=@{ready}");
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("status: SUCCEEDED");
        result.Out.Should().Contain("output: {\"file\":\"incoming/flights.csv\",\"crawler\":{\"State\":\"READY\"}}");
    }

    [Fact]
    public async Task Run_with_history_lists_the_states_entered_in_order()
    {
        var ready = _temp.File("ready.json", Samples.ReadyResult);
        var running = _temp.File("running.json", Samples.RunningResult);
        var result = await CliRunner.RunAsync(
            "asl", "run", Machine, "--task", "StartCrawler={}", "--task", $"GetCrawler=@{running}", "--task", $"GetCrawler=@{ready}",
            "--history");
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("ExecutionStarted").And.Contain("ExecutionSucceeded").And.Contain("WaitStateEntered");
        result.Out.IndexOf("StartCrawler", StringComparison.Ordinal).Should().BeLessThan(result.Out.IndexOf("WaitForCrawler", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_with_a_scripted_error_follows_the_catch_and_exits_1()
    {
        var result = await CliRunner.RunAsync(
            "asl", "run", Machine, "--task", "StartCrawler=error:Glue.EntityNotFoundException:no crawler named flights-crawler");
        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("status: FAILED").And.Contain("error: CrawlerFailed");
    }

    [Fact]
    public async Task Run_json_has_status_output_and_history()
    {
        var result = await CliRunner.RunAsync(
            "asl", "run", Machine, "--task", "StartCrawler={}", "--task", "GetCrawler=" + Samples.ReadyResult, "--history", "--format", "json");
        result.ExitCode.Should().Be(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("status").GetString().Should().Be("SUCCEEDED");
        json.RootElement.GetProperty("output").GetProperty("crawler").GetProperty("State").GetString().Should().Be("READY");
        json.RootElement.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString())
            .Should().StartWith("ExecutionStarted").And.EndWith("ExecutionSucceeded");
    }

    [Fact]
    public async Task Run_without_a_script_for_a_task_fails_with_a_hint()
    {
        var result = await CliRunner.RunAsync("asl", "run", Machine);
        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("status: FAILED");
        result.Error.Should().Contain("--task");
    }

    [Fact]
    public async Task Run_rejects_a_task_for_a_state_that_is_not_a_task()
    {
        var result = await CliRunner.RunAsync("asl", "run", Machine, "--task", "Crawl={}");
        result.ShouldBeBadInput("'Crawl'", "StartCrawler, GetCrawler");
    }

    [Theory]
    [InlineData("StartCrawler")]
    [InlineData("=error:X:Y")]
    [InlineData("StartCrawler=error:")]
    public async Task Run_rejects_a_malformed_task_spec(string spec)
    {
        var result = await CliRunner.RunAsync("asl", "run", Machine, "--task", spec);
        result.ShouldBeBadInput("--task");
    }

    [Fact]
    public async Task Run_rejects_a_task_result_that_is_not_json_naming_the_file_and_position()
    {
        var bad = _temp.File("bad-result.json", "{ \"Crawler\": ");
        var result = await CliRunner.RunAsync("asl", "run", Machine, "--task", $"GetCrawler=@{bad}");
        result.ShouldBeBadInput(bad, "not valid JSON", "line 1");
    }

    [Fact]
    public async Task Run_rejects_an_input_that_is_not_json()
    {
        var result = await CliRunner.RunAsync("asl", "run", Machine, "--input", "{\"a\":");
        result.ShouldBeBadInput("--input is not valid JSON", "line 1, column");
    }

    [Fact]
    public async Task Run_reads_the_input_from_a_file()
    {
        var input = _temp.File("input.json", """{"file":"a.csv"}""");
        var result = await CliRunner.RunAsync("asl", "run", Machine, "--input", "@" + input, "--task", "StartCrawler=error:Boom:bang");
        result.ExitCode.Should().Be(1);
        result.Out.Should().Contain("status: FAILED");
    }

    [Fact]
    public async Task Run_missing_result_file_is_bad_input()
    {
        var missing = _temp.Combine("missing.json");
        var result = await CliRunner.RunAsync("asl", "run", Machine, "--task", $"GetCrawler=@{missing}");
        result.ShouldBeBadInput($"'{missing}' does not exist");
    }

    [Fact]
    public async Task Run_of_an_invalid_definition_is_bad_input_listing_the_problems()
    {
        var broken = _temp.File("broken.json", Samples.BrokenMachine);
        var result = await CliRunner.RunAsync("asl", "run", broken);
        result.ShouldBeBadInput("cannot be run", "Nowhere");
    }
}
