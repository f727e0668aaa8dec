using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.TestSupport.Tests;

public sealed class NodeToolFixtureTests
{
    private const string HelloWorld = """{"StartAt":"Hello","States":{"Hello":{"Type":"Pass","Result":"world","End":true}}}""";

    [Fact]
    public async Task Asl_validator_accepts_a_trivial_state_machine_and_rejects_a_broken_one()
    {
        var valid = await NodeTool.RunAsync(NodeTool.AslValidator, ["--json-definition", HelloWorld]);
        valid.ExitCode.Should().Be(0, valid.ToString());
        valid.StandardOutput.Should().Contain("is valid");

        var broken = await NodeTool.RunAsync(NodeTool.AslValidator, ["--json-definition", """{"StartAt":"Missing","States":{}}"""]);
        broken.ExitCode.Should().NotBe(0, broken.ToString());
    }

    [Fact]
    public async Task Libpg_query_parses_PostgreSQL_and_reports_syntax_errors()
    {
        var result = await NodeTool.RunAsync(NodeTool.PgParse, [], """["SELECT 1", "SELEC 1"]""");
        result.ExitCode.Should().Be(0, result.ToString());
        result.StandardOutput.Should().StartWith("""[{"ok":true""").And.Contain("syntax error at or near \\\"SELEC\\\"");
    }

    [Fact]
    public async Task Local_stepfunctions_runs_on_node_20_with_the_polyfill()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sm-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, HelloWorld);
        try
        {
            var result = await NodeTool.RunLocalStepFunctionsAsync(["-f", path], "{}\n");
            result.ExitCode.Should().Be(0, result.ToString());
            result.StandardOutput.Trim().Should().Be("world");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
