using System.CommandLine;
using System.CommandLine.Help;

namespace Airline.Pipeline.Cli.Internal.Commands;

/// <summary>The whole command tree of <c>airline-pipeline</c>.</summary>
internal static class CommandTree
{
    /// <summary>
    /// The root is a plain command named after the tool, not a RootCommand (which takes the name of the executable
    /// that hosts it, "Airline.Pipeline.Cli" under dotnet's tool shim), so help shows "Usage: airline-pipeline".
    /// </summary>
    public static Command Build(CliContext context)
    {
        var root = new Command(CliApp.ToolName,
            "Airline.Pipeline at a shell prompt: validate, render and run state machines; validate and test event patterns; " +
            "emit Redshift SQL; enrich flight files; generate test data. No AWS account or network needed.\n" +
            "Exit codes: 0 ok, 1 the answer is no (invalid, no match, failed), 2 bad usage or input.");
        root.Add(new HelpOption());
        root.Add(new VersionOption());
        root.Add(AslCommands.Create(context));
        root.Add(PatternCommands.Create(context));
        root.Add(SqlCommands.Create(context));
        root.Add(EnrichCommand.Create(context));
        root.Add(GenerateCommands.Create(context));
        return root;
    }
}
