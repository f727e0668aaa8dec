using System.CommandLine;
using System.Text.Json.Nodes;
using Airline.Pipeline.EventPatterns;
using Airline.Pipeline.EventPatterns.Validation;

namespace Airline.Pipeline.Cli.Internal.Commands;

/// <summary><c>pattern validate | test | match</c>: EventBridge event patterns, with EventBridge's semantics.</summary>
internal static class PatternCommands
{
    public static Command Create(CliContext context)
    {
        var pattern = new Command("pattern", "EventBridge event patterns: validate them and test events against them, offline.");
        pattern.Add(Validate(context));
        pattern.Add(Test(context));
        pattern.Add(PatternMatchCommand.Create(context));
        return pattern;
    }

    private static Command Validate(CliContext context)
    {
        var value = new Argument<string>("FILE|JSON") { Description = "The pattern: a file, @file, or the JSON text itself." };
        var command = new Command(
            "validate",
            "Check a pattern as EventBridge's PutRule would: syntax, operators and AWS's limits, every problem with its " +
            "JSON pointer (or line and column). Exit 0 when valid, 1 when invalid (malformed JSON included), 2 when the file is missing.")
        {
            value,
        };
        var format = command.AddFormatOption();
        command.SetHandler(context, parse =>
        {
            var (json, source) = Inputs.JsonArgument(parse.GetValue(value)!, "pattern");
            var problems = EventPattern.Validate(json);
            if (parse.IsJson(format))
            {
                context.WriteJson(new JsonObject
                {
                    ["valid"] = problems.Count == 0,
                    ["problems"] = new JsonArray([.. problems.Select(ToJson)]),
                });
            }
            else if (problems.Count == 0)
            {
                context.Out.WriteLine("valid");
            }
            else
            {
                foreach (var problem in problems)
                {
                    context.Out.WriteLine($"{source}: {problem}");
                }

                context.Out.WriteLine($"invalid ({problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")})");
            }

            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.No;
        });
        return command;
    }

    private static Command Test(CliContext context)
    {
        var pattern = new Option<string>("--pattern")
        {
            Description = "The event pattern: JSON text, @file, or a file.",
            HelpName = "JSON|@file",
            Required = true,
        };
        var @event = new Option<string>("--event")
        {
            Description = "The event: JSON text, @file, or a file.",
            HelpName = "JSON|@file",
            Required = true,
        };
        var command = new Command(
            "test",
            "Tell whether the event matches the pattern, like AWS's TestEventPattern: prints true or false. Exit 0 for " +
            "true, 1 for false, 2 when the pattern is invalid or the event is not JSON.")
        {
            pattern,
            @event,
        };
        var format = command.AddFormatOption();
        command.SetHandler(context, parse =>
        {
            var (patternJson, patternSource) = Inputs.JsonArgument(parse.GetValue(pattern)!, "--pattern");
            var (eventJson, eventSource) = Inputs.JsonArgument(parse.GetValue(@event)!, "--event");
            if (!EventPattern.TryParse(patternJson, out var parsed, out var problems))
            {
                throw CliException.BadInput($"{patternSource} is not a valid event pattern:" + Environment.NewLine +
                    string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
            }

            Inputs.ParseJson(eventJson, eventSource).Dispose();
            bool matches;
            try
            {
                matches = parsed.Matches(eventJson);
            }
            catch (ArgumentException e)
            {
                throw CliException.BadInput($"{eventSource}: {e.Message}");
            }

            if (parse.IsJson(format))
            {
                context.WriteJson(new JsonObject { ["result"] = matches });
            }
            else
            {
                context.Out.WriteLine(matches ? "true" : "false");
            }

            return matches ? ExitCodes.Ok : ExitCodes.No;
        });
        return command;
    }

    internal static JsonObject ToJson(PatternProblem problem)
    {
        var node = new JsonObject { ["pointer"] = problem.Pointer, ["message"] = problem.Message };
        if (problem.Line is { } line)
        {
            node["line"] = line;
            node["column"] = problem.Column;
        }

        return node;
    }
}
