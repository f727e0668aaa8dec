using System.Text.RegularExpressions;
using Airline.Pipeline.Cli;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Cli.Tests;

/// <summary>The README section's examples run as written, so they cannot rot.</summary>
public sealed partial class ReadmeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Readme => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "readme", "Cli.md"));

    [Fact]
    public async Task The_documented_table_spec_makes_ddl_and_every_upsert()
    {
        var spec = _temp.File("spec.json", JsonBlock().Match(Readme).Groups[1].Value);
        (await CliRunner.RunAsync("sql", "ddl", "--table", spec)).ExitCode.Should().Be(0);
        foreach (var strategy in (string[])["delete-insert", "merge", "replace-partition", "append", "insert-new"])
        {
            var result = await CliRunner.RunAsync("sql", "upsert", "--table", spec, "--strategy", strategy, "--glue-actions");
            result.ExitCode.Should().Be(0, result.ToString());
        }
    }

    [Fact]
    public void The_readme_names_every_command()
    {
        foreach (var command in (string[])["asl validate", "asl format", "asl render", "asl run", "pattern validate", "pattern test",
                     "pattern match", "sql ddl", "sql upsert", "enrich", "generate flights"])
        {
            Readme.Should().Contain("`" + command, command);
        }

        Readme.Should().Contain("dotnet tool install --global --add-source artifacts Airline.Pipeline.Cli");
    }

    [Fact]
    public async Task Cancelling_stops_a_command_with_exit_130()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new CliApp().RunAsync(
            ["pattern", "match", "--cases", "-"], new StringReader("""{"id":1,"pattern":{"a":[1]},"event":{"a":1}}"""), stdout, stderr, cancelled.Token);
        exit.Should().Be(ExitCodes.Cancelled, stderr.ToString());
        stderr.ToString().Should().Contain("cancelled");
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
