using System.Text.Json;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Cli.Tests;

public sealed class PatternCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string S3Event => RepositoryPaths.SharedDataPath("eventbridge", "s3-object-created.json");

    [Fact]
    public async Task Test_prints_true_and_exits_0_when_the_event_matches()
    {
        var result = await CliRunner.RunAsync("pattern", "test", "--pattern", Samples.S3Pattern, "--event", "@" + S3Event);
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Be("true" + Environment.NewLine);
    }

    [Fact]
    public async Task Test_prints_false_and_exits_1_when_it_does_not()
    {
        var pattern = _temp.File("pattern.json", """{ "source": ["aws.glue"] }""");
        var result = await CliRunner.RunAsync("pattern", "test", "--pattern", pattern, "--event", S3Event);
        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Be("false" + Environment.NewLine);
    }

    [Fact]
    public async Task Test_json_output()
    {
        var result = await CliRunner.RunAsync("pattern", "test", "--pattern", Samples.S3Pattern, "--event", S3Event, "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("result").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Test_with_an_invalid_pattern_is_bad_input_listing_the_problem()
    {
        var result = await CliRunner.RunAsync("pattern", "test", "--pattern", """{ "source": "aws.s3" }""", "--event", S3Event);
        result.ShouldBeBadInput("--pattern is not a valid event pattern", "/source");
    }

    [Fact]
    public async Task Test_with_an_event_that_is_not_json_is_bad_input_with_its_position()
    {
        var result = await CliRunner.RunAsync("pattern", "test", "--pattern", Samples.S3Pattern, "--event", "{\"source\": aws}");
        result.ShouldBeBadInput("--event is not valid JSON", "line 1, column");
    }

    [Fact]
    public async Task Test_with_a_missing_event_file_is_bad_input()
    {
        var missing = _temp.Combine("event.json");
        var result = await CliRunner.RunAsync("pattern", "test", "--pattern", Samples.S3Pattern, "--event", "@" + missing);
        result.ShouldBeBadInput($"'{missing}' does not exist");
    }

    [Fact]
    public async Task Validate_accepts_inline_json_and_files()
    {
        (await CliRunner.RunAsync("pattern", "validate", Samples.S3Pattern)).Out.Should().Be("valid" + Environment.NewLine);
        var file = _temp.File("rule.json", Samples.S3Pattern);
        var result = await CliRunner.RunAsync("pattern", "validate", file);
        result.ExitCode.Should().Be(0, result.ToString());
    }

    [Fact]
    public async Task Validate_reports_problems_with_pointers_and_exits_1()
    {
        var file = _temp.File("rule.json", """{ "source": ["aws.s3"], "detail": { "size": [{ "numeric": [">", "ten"] }] } }""");
        var result = await CliRunner.RunAsync("pattern", "validate", file);
        result.ExitCode.Should().Be(1, result.ToString());
        result.Out.Should().Contain("/detail/size").And.Contain("invalid (1 problem");
    }

    [Fact]
    public async Task Validate_reports_malformed_json_with_line_and_column()
    {
        var result = await CliRunner.RunAsync("pattern", "validate", "{\n \"source\": [\"a\",]\n}", "--format", "json");
        result.ExitCode.Should().Be(1, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("valid").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("problems")[0].GetProperty("line").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Validate_missing_file_is_bad_input()
    {
        var result = await CliRunner.RunAsync("pattern", "validate", _temp.Combine("nope.json"));
        result.ShouldBeBadInput("nope.json' does not exist");
    }

    [Theory]
    [InlineData("aws-verified.jsonl")]
    [InlineData("event-ruler-cases.jsonl")]
    public async Task Match_agrees_with_the_corpus_answers(string corpus)
    {
        var path = RepositoryPaths.SharedDataPath("eventbridge", corpus);
        var expected = File.ReadLines(path)
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Id: e.GetProperty("id").GetString()!, Expected: e.GetProperty("expected").GetString()!))
            .ToList();

        var result = await CliRunner.RunAsync("pattern", "match", "--cases", path);
        result.ExitCode.Should().Be(0, result.Error);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(expected.Count);
        var disagreements = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fields = lines[i].Split('\t');
            fields.Should().HaveCount(3, lines[i]);
            fields[0].Should().Be(expected[i].Id);
            if (fields[1] != expected[i].Expected)
            {
                disagreements.Add($"{expected[i].Id}: expected {expected[i].Expected}, got {fields[1]} {fields[2]}");
            }
        }

        // AWS rejects one wildcard pattern as too complex that event-ruler accepts (see shared/data/README.md).
        var allowed = corpus == "event-ruler-cases.jsonl" ? disagreements.Count(d => d.Contains("got error", StringComparison.Ordinal) && d.Contains("complex", StringComparison.OrdinalIgnoreCase)) : 0;
        disagreements.Count.Should().Be(allowed, string.Join("\n", disagreements.Take(20)));
        result.Error.Should().Contain($"{expected.Count} cases");
    }

    [Fact]
    public async Task Match_streams_standard_input_with_objects_and_json_text_and_reports_bad_lines()
    {
        var cases = string.Join("\n",
            """{"id": "a", "pattern": {"source": ["aws.s3"]}, "event": {"source": "aws.s3"}}""",
            """{"id": "b", "pattern": "{\"source\": [\"aws.s3\"]}", "event": "{\"source\": \"aws.glue\"}"}""",
            "",
            """{"id": 7, "pattern": {"source": "aws.s3"}, "event": {"source": "aws.s3"}}""",
            """{"id": "d", "pattern": {"source": ["aws.s3"]}}""",
            "this is not json",
            """{"id": "f", "pattern": {"source": ["aws.s3"]}, "event": "{\"source\": "}""");
        var result = await CliRunner.RunWithInputAsync(cases, "pattern", "match", "--cases", "-");
        result.ExitCode.Should().Be(0, result.ToString());
        var lines = result.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(6);
        lines[0].Should().Be("a\ttrue\t");
        lines[1].Should().Be("b\tfalse\t");
        lines[2].Should().StartWith("7\terror\tinvalid pattern: /source");
        lines[3].Should().StartWith("d\terror\tline 5: no \"event\"");
        lines[4].Should().StartWith("#6\terror\tline 6 is not JSON");
        lines[5].Should().StartWith("f\terror\tinvalid event");
        lines.Should().OnlyContain(l => l.Split('\t').Length == 3);
        result.Error.Should().Contain("6 cases: 1 true, 1 false, 4 error");
    }

    [Fact]
    public async Task Match_reads_a_file_with_a_byte_order_mark_windows_line_ends_and_no_final_newline()
    {
        var path = _temp.Combine("cases.jsonl");
        var text = "\uFEFF" + """{"id": "a", "pattern": {"source": ["aws.s3"]}, "event": {"source": "aws.s3"}}""" + "\r\n\r\n" +
                   """{"id": "b", "pattern": {"source": ["aws.s3"]}, "event": {"source": "x"}}""";
        await File.WriteAllTextAsync(path, text, new System.Text.UTF8Encoding(false));
        var result = await CliRunner.RunAsync("pattern", "match", "--cases", path);
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Be("a\ttrue\t" + Environment.NewLine + "b\tfalse\t" + Environment.NewLine);
    }

    [Fact]
    public async Task Match_json_lines_output()
    {
        var cases = """{"id": "a", "pattern": {"source": ["aws.s3"]}, "event": {"source": "aws.s3"}}""";
        var result = await CliRunner.RunWithInputAsync(cases, "pattern", "match", "--cases", "-", "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("id").GetString().Should().Be("a");
        json.RootElement.GetProperty("result").GetString().Should().Be("true");
    }

    [Fact]
    public async Task Match_missing_cases_file_is_bad_input()
    {
        var missing = _temp.Combine("cases.jsonl");
        var result = await CliRunner.RunAsync("pattern", "match", "--cases", missing);
        result.ShouldBeBadInput($"cases file '{missing}' does not exist");
    }
}
