using System.Text.Json;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Cli.Tests;

public sealed class AslCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Validate_accepts_a_valid_machine()
    {
        var file = _temp.File("crawler.asl.json", Samples.CrawlerMachine);
        var result = await CliRunner.RunAsync("asl", "validate", file);
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain($"{file}: valid");
    }

    [Fact]
    public async Task Validate_reports_every_problem_with_pointer_and_code_and_exits_1()
    {
        var file = _temp.File("broken.asl.json", Samples.BrokenMachine);
        var result = await CliRunner.RunAsync("asl", "validate", file);
        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("/States/First/Next").And.Contain("Nowhere");
        result.Out.Should().Contain("/States/Second");
        result.Out.Should().MatchRegex("error ASL\\d{3}");
        result.Out.Should().Contain($"{file}: invalid");
    }

    [Fact]
    public async Task Validate_json_lists_problems_as_objects()
    {
        var file = _temp.File("broken.asl.json", Samples.BrokenMachine);
        var result = await CliRunner.RunAsync("asl", "validate", file, "--format", "json");
        result.ExitCode.Should().Be(1);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("valid").GetBoolean().Should().BeFalse();
        var problems = json.RootElement.GetProperty("files")[0].GetProperty("problems");
        problems.GetArrayLength().Should().BeGreaterThanOrEqualTo(2);
        problems.EnumerateArray().Should().Contain(p => p.GetProperty("pointer").GetString() == "/States/First/Next");
        problems[0].GetProperty("code").GetString().Should().StartWith("ASL");
        problems[0].GetProperty("severity").GetString().Should().Be("error");
    }

    [Fact]
    public async Task Validate_treats_malformed_json_as_invalid_with_line_and_column()
    {
        var file = _temp.File("bad.json", "{\n  \"StartAt\": \"A\",\n  \"States\": {,}\n}");
        var result = await CliRunner.RunAsync("asl", "validate", file);
        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("ASL001").And.Contain("line 3");
        result.ShouldHaveNoStackTrace();
    }

    [Fact]
    public async Task Validate_missing_file_is_bad_input_and_other_files_are_still_checked()
    {
        var good = _temp.File("crawler.asl.json", Samples.CrawlerMachine);
        var missing = _temp.Combine("missing.json");
        var result = await CliRunner.RunAsync("asl", "validate", missing, good);
        result.ShouldBeBadInput($"'{missing}' does not exist");
        result.Out.Should().Contain($"{good}: valid");
    }

    [Fact]
    public async Task Validate_agrees_with_the_asl_validator_corpus_labels()
    {
        var folder = RepositoryPaths.SharedDataPath("asl", "asl-validator");
        var valid = Directory.GetFiles(folder, "valid-*").Order(StringComparer.Ordinal).ToArray();
        var invalid = Directory.GetFiles(folder, "invalid-*").Order(StringComparer.Ordinal).ToArray();
        valid.Should().NotBeEmpty();
        invalid.Should().NotBeEmpty();

        var allValid = await CliRunner.RunAsync(["asl", "validate", .. valid]);
        allValid.ExitCode.Should().Be(0, allValid.ToString());

        foreach (var file in invalid)
        {
            var result = await CliRunner.RunAsync("asl", "validate", file);
            result.ExitCode.Should().Be(1, $"{Path.GetFileName(file)} is labelled invalid\n{result}");
        }
    }

    [Fact]
    public async Task Format_prints_canonical_json_and_check_tells_whether_a_file_is_canonical()
    {
        var file = _temp.File("crawler.asl.json", Samples.CrawlerMachine);
        var formatted = await CliRunner.RunAsync("asl", "format", file);
        formatted.ExitCode.Should().Be(0, formatted.ToString());
        using (var json = JsonDocument.Parse(formatted.Out))
        {
            json.RootElement.GetProperty("StartAt").GetString().Should().Be("StartCrawler");
        }

        formatted.Out.Should().Contain("\n  \"States\": {");
        (await CliRunner.RunAsync("asl", "format", file, "--check")).ExitCode.Should().Be(1);

        var canonical = _temp.File("canonical.asl.json", formatted.Out);
        (await CliRunner.RunAsync("asl", "format", canonical, "--check")).ExitCode.Should().Be(0);

        (await CliRunner.RunAsync("asl", "format", file, "--write")).ExitCode.Should().Be(0);
        File.ReadAllText(file).Should().Be(formatted.Out);
    }

    [Fact]
    public async Task Format_of_malformed_json_is_bad_input_naming_the_file_and_line()
    {
        var file = _temp.File("bad.json", "{ \"StartAt\": ");
        var result = await CliRunner.RunAsync("asl", "format", file);
        result.ShouldBeBadInput(file, "line 1");
    }

    [Fact]
    public async Task Render_draws_a_mermaid_flowchart()
    {
        var file = _temp.File("crawler.asl.json", Samples.CrawlerMachine);
        var result = await CliRunner.RunAsync("asl", "render", file, "--mermaid");
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().StartWith("flowchart TB\n");
        result.Out.Should().Contain("StartCrawler").And.Contain("IsReady").And.Contain("WaitForCrawler").And.Contain("glue:startCrawler");
    }

    [Fact]
    public async Task Render_left_to_right_without_resources()
    {
        var file = _temp.File("crawler.asl.json", Samples.CrawlerMachine);
        var result = await CliRunner.RunAsync("asl", "render", file, "--direction", "LR", "--no-resources");
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().StartWith("flowchart LR\n").And.NotContain("glue:startCrawler");
    }

    [Fact]
    public async Task Render_of_malformed_json_is_bad_input()
    {
        var file = _temp.File("bad.json", "{ \"StartAt\": \"A\", ");
        var result = await CliRunner.RunAsync("asl", "render", file);
        result.ShouldBeBadInput(file, "cannot be read as ASL", "line 1");
    }

    [Fact]
    public async Task Render_names_the_missing_file()
    {
        var missing = _temp.Combine("nope.json");
        var result = await CliRunner.RunAsync("asl", "render", missing, "--mermaid");
        result.ShouldBeBadInput($"'{missing}' does not exist");
    }
}
