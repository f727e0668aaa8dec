using Airline.Pipeline.Cli;

namespace Airline.Pipeline.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task No_command_is_bad_usage_with_a_hint()
    {
        var result = await CliRunner.RunAsync();
        result.ShouldBeBadInput("Required command was not provided", "--help");
    }

    [Fact]
    public async Task Help_lists_the_commands_and_exits_0()
    {
        var result = await CliRunner.RunAsync("--help");
        result.ExitCode.Should().Be(0);
        result.Out.Should().Contain("asl").And.Contain("pattern").And.Contain("sql").And.Contain("enrich").And.Contain("generate");
        result.Out.Should().Contain("Exit codes: 0 ok, 1 the answer is no");
        result.Out.Should().Contain("airline-pipeline [command] [options]");
    }

    [Theory]
    [InlineData("asl", "validate")]
    [InlineData("asl", "render")]
    [InlineData("asl", "format")]
    [InlineData("asl", "run")]
    [InlineData("pattern", "validate")]
    [InlineData("pattern", "test")]
    [InlineData("pattern", "match")]
    [InlineData("sql", "ddl")]
    [InlineData("sql", "upsert")]
    [InlineData("enrich", null)]
    [InlineData("generate", "flights")]
    public async Task Every_command_has_help(string group, string? command)
    {
        string[] args = command is null ? [group, "--help"] : [group, command, "--help"];
        var result = await CliRunner.RunAsync(args);
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("Usage:").And.Contain("Description:").And.Contain("airline-pipeline " + group);
    }

    [Fact]
    public async Task Unknown_option_is_bad_usage()
    {
        var result = await CliRunner.RunAsync("pattern", "test", "--pattern", "{}", "--event", "{}", "--colour");
        result.ShouldBeBadInput("--colour", "airline-pipeline pattern test --help");
    }

    [Fact]
    public async Task Unknown_option_where_files_are_expected_is_bad_usage()
    {
        var result = await CliRunner.RunAsync("asl", "validate", "--strict", "machine.json");
        result.ShouldBeBadInput("unknown option '--strict'");
    }

    [Fact]
    public async Task Unknown_command_is_bad_usage()
    {
        var result = await CliRunner.RunAsync("deploy");
        result.ShouldBeBadInput("deploy");
    }

    [Fact]
    public async Task Missing_required_option_is_bad_usage()
    {
        var result = await CliRunner.RunAsync("pattern", "test", "--pattern", "{}");
        result.ShouldBeBadInput("--event");
    }

    [Fact]
    public async Task Format_accepts_only_text_or_json()
    {
        var result = await CliRunner.RunAsync("pattern", "validate", "{}", "--format", "xml");
        result.ShouldBeBadInput("xml");
    }

    [Fact]
    public async Task Exit_codes_are_the_documented_ones()
    {
        ExitCodes.Ok.Should().Be(0);
        ExitCodes.No.Should().Be(1);
        ExitCodes.BadInput.Should().Be(2);
    }
}
