using System.CommandLine;
using System.Text.Json;

namespace Airline.Pipeline.Cli.Internal;

/// <summary>Runs command actions with the tool's error handling: messages and exit codes, never stack traces.</summary>
internal static class CommandActions
{
    public static void SetHandler(this Command command, CliContext context, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await action(parse, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return Report(context, e, cancellationToken);
            }
        });

    public static void SetHandler(this Command command, CliContext context, Func<ParseResult, int> action) =>
        command.SetAction(parse =>
        {
            try
            {
                return action(parse);
            }
            catch (Exception e)
            {
                return Report(context, e, CancellationToken.None);
            }
        });

    /// <summary>Adds <c>--format text|json</c>.</summary>
    public static Option<string> AddFormatOption(this Command command)
    {
        var option = new Option<string>("--format")
        {
            Description = "Output format: text (default) or json.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        option.AcceptOnlyFromAmong("text", "json");
        command.Add(option);
        return option;
    }

    public static bool IsJson(this ParseResult parse, Option<string> format) =>
        string.Equals(parse.GetValue(format), "json", StringComparison.Ordinal);

    private static int Report(CliContext context, Exception exception, CancellationToken cancellationToken)
    {
        var prefix = CliApp.ToolName + ": ";
        switch (exception)
        {
            case CliException cli:
                context.Error.WriteLine(prefix + cli.Message);
                return cli.ExitCode;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return ExitCodes.Cancelled; // CliApp says "cancelled"
            case IOException or UnauthorizedAccessException:
                context.Error.WriteLine(prefix + exception.Message);
                return ExitCodes.BadInput;
            case JsonException json:
                context.Error.WriteLine(prefix + "invalid JSON: " + Inputs.Describe(json));
                return ExitCodes.BadInput;
            default:
                context.Error.WriteLine(
                    $"{prefix}unexpected error ({exception.GetType().Name}): {exception.Message} " +
                    "This is a bug in the tool; please report it with the command line.");
                return ExitCodes.BadInput;
        }
    }
}
