using System.CommandLine;

namespace Airline.Pipeline.Cli.Internal.Commands;

/// <summary>The whole command tree of <c>airline-pipeline</c>.</summary>
internal static class CommandTree
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand(
            "Airline.Pipeline at a shell prompt: validate, render and run state machines; validate and test event patterns; " +
            "emit Redshift SQL; enrich flight files; generate test data. No AWS account or network needed.\n" +
            "Exit codes: 0 ok, 1 the answer is no (invalid, no match, failed), 2 bad usage or input.");
        root.Add(AslCommands.Create(context));
        root.Add(PatternCommands.Create(context));
        root.Add(SqlCommands.Create(context));
        root.Add(EnrichCommand.Create(context));
        root.Add(GenerateCommands.Create(context));
        return root;
    }
}
