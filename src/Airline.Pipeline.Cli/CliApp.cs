using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Airline.Pipeline.Cli.Internal;
using Airline.Pipeline.Cli.Internal.Commands;

namespace Airline.Pipeline.Cli;

/// <summary>
/// The <c>airline-pipeline</c> tool as a library: <see cref="RunAsync"/> parses the arguments, runs the command on
/// the given streams and returns the exit code (<see cref="ExitCodes"/>). <c>Program</c> calls it with the console;
/// tests call it in-process with strings. Problems are reported as one-line messages naming the file, value and
/// position, never as stack traces.
/// </summary>
/// <example>
/// <code>
/// var stdout = new StringWriter();
/// var exit = await new CliApp().RunAsync(["pattern", "test", "--pattern", "{\"source\":[\"aws.s3\"]}", "--event", "@event.json"],
///     TextReader.Null, stdout, Console.Error);
/// // exit 0 and "true" when the event matches, exit 1 and "false" when it does not.
/// </code>
/// </example>
public sealed class CliApp
{
    /// <summary>The command name users type.</summary>
    public const string ToolName = "airline-pipeline";

    private readonly CliEnvironment _environment;

    /// <summary>Creates the tool for an environment (default: not a terminal, text streams, the system clock).</summary>
    public CliApp(CliEnvironment? environment = null) => _environment = environment ?? CliEnvironment.Default;

    /// <summary>Runs one command line and returns its exit code.</summary>
    /// <param name="args">The arguments after the tool name, e.g. <c>["asl", "validate", "machine.json"]</c>.</param>
    /// <param name="stdin">Standard input (<c>-</c> in place of a file name reads it).</param>
    /// <param name="stdout">Standard output: results.</param>
    /// <param name="stderr">Standard error: problems, warnings and progress.</param>
    /// <param name="cancellationToken">Stops a long command (enrich, generate, pattern match) early.</param>
    public async Task<int> RunAsync(
        string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var context = new CliContext(_environment, stdin, stdout, stderr);
        var root = CommandTree.Build(context);
        // No response files: "@file" is this tool's syntax for "read this JSON file".
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is ParseErrorAction)
        {
            return ReportParseErrors(parse, stderr);
        }

        if (UnknownOption(parse) is { } unknown)
        {
            stderr.WriteLine($"{ToolName}: error: unknown option '{unknown}'.");
            stderr.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        int exit;
        try
        {
            exit = await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            exit = ExitCodes.Cancelled;
        }
        finally
        {
            await stdout.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }

        // Ctrl-C: whatever the command managed, the run was interrupted (System.CommandLine reports 1 for it).
        if (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine($"{ToolName}: cancelled");
            return ExitCodes.Cancelled;
        }

        return exit;
    }

    private static int ReportParseErrors(ParseResult parse, TextWriter stderr)
    {
        foreach (var error in parse.Errors)
        {
            stderr.WriteLine($"{ToolName}: error: {error.Message}");
        }

        stderr.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
        return ExitCodes.BadInput;
    }

    /// <summary>
    /// A positional argument spelled like an option (<c>asl validate --strict a.json</c>): System.CommandLine takes it
    /// as a file name; the user meant an option this command does not have.
    /// </summary>
    private static string? UnknownOption(ParseResult parse)
    {
        if (parse.Action is System.CommandLine.Help.HelpAction)
        {
            return null;
        }

        foreach (var child in parse.CommandResult.Children)
        {
            if (child is not ArgumentResult argument)
            {
                continue;
            }

            foreach (var token in argument.Tokens)
            {
                var value = token.Value;
                if (value.Length > 1 && value[0] == '-' && !char.IsAsciiDigit(value[1]) && value[1] != '.' && !File.Exists(value))
                {
                    return value;
                }
            }
        }

        return null;
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult command)
            {
                names.Add(command.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
