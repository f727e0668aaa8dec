using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Airline.Pipeline.StateMachines.Diagrams;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Serialization;
using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.Cli.Internal.Commands;

/// <summary><c>asl validate | render | format | run</c>: Amazon States Language definitions.</summary>
internal static class AslCommands
{
    public static Command Create(CliContext context)
    {
        var asl = new Command("asl", "Amazon States Language (Step Functions) definitions: validate, render, format and run them locally.");
        asl.Add(Validate(context));
        asl.Add(Render(context));
        asl.Add(Format(context));
        asl.Add(AslRunCommand.Create(context));
        return asl;
    }

    private static Command Validate(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "State machine definitions (ASL JSON) to check.",
            Arity = ArgumentArity.OneOrMore,
        };
        var noLints = new Option<bool>("--no-lints") { Description = "Report errors only, not lints (warnings)." };
        var command = new Command(
            "validate",
            "Check definitions as Step Functions would, reporting every problem with its JSON pointer, code and message; " +
            "lints (likely mistakes AWS accepts) are warnings. Exit 0 when every file is valid, 1 when one is invalid " +
            "(malformed JSON included), 2 when a file is missing.")
        {
            files,
            noLints,
        };
        var format = command.AddFormatOption();
        command.SetHandler(context, parse =>
        {
            var options = ValidationOptions.Default with { Lints = !parse.GetValue(noLints) };
            var json = parse.IsJson(format);
            var exit = ExitCodes.Ok;
            var reports = new JsonArray();
            foreach (var file in parse.GetValue(files)!)
            {
                byte[] bytes;
                try
                {
                    bytes = Inputs.ReadFile(file, "state machine file");
                }
                catch (CliException e)
                {
                    context.Error.WriteLine(CliApp.ToolName + ": " + e.Message);
                    reports.Add(new JsonObject { ["file"] = file, ["valid"] = false, ["error"] = e.Message });
                    exit = ExitCodes.BadInput;
                    continue;
                }

                var result = AslValidator.Validate(bytes, options);
                if (!result.IsValid && exit == ExitCodes.Ok)
                {
                    exit = ExitCodes.No;
                }

                if (json)
                {
                    reports.Add(new JsonObject
                    {
                        ["file"] = file,
                        ["valid"] = result.IsValid,
                        ["problems"] = new JsonArray([.. result.Problems.Select(ToJson)]),
                    });
                }
                else
                {
                    foreach (var problem in result.Problems)
                    {
                        context.Out.WriteLine($"{file}: {problem}");
                    }

                    context.Out.WriteLine($"{file}: {Summary(result)}");
                }
            }

            if (json)
            {
                context.WriteJson(new JsonObject { ["valid"] = exit == ExitCodes.Ok, ["files"] = reports });
            }

            return exit;
        });
        return command;
    }

    private static Command Render(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The state machine definition (ASL JSON)." };
        var mermaid = new Option<bool>("--mermaid") { Description = "Render a Mermaid flowchart (the default and, for now, only format)." };
        var direction = new Option<string>("--direction")
        {
            Description = "Flowchart direction: TB (top to bottom, default), LR, BT or RL.",
            HelpName = "TB|LR|BT|RL",
            DefaultValueFactory = _ => "TB",
        };
        direction.AcceptOnlyFromAmong("TB", "LR", "BT", "RL");
        var noResources = new Option<bool>("--no-resources") { Description = "Leave out each Task's resource ARN." };
        var command = new Command(
            "render",
            "Draw the state machine as a Mermaid flowchart (paste it into a Markdown ```mermaid block): Choice as diamonds " +
            "with their rules, Catch edges dashed, Parallel branches and Map processors as subgraphs.")
        {
            file,
            mermaid,
            direction,
            noResources,
        };
        command.SetHandler(context, parse =>
        {
            var machine = ReadMachine(context, parse.GetValue(file)!);
            context.Out.Write(MermaidRenderer.Render(machine, new MermaidOptions
            {
                Direction = parse.GetValue(direction)!,
                ShowResources = !parse.GetValue(noResources),
            }));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Reads a definition for render and format: unreadable is exit 2; what the reader kept but flagged is a note.</summary>
    private static StateMachine ReadMachine(CliContext context, string path)
    {
        var read = AslReader.Read(Inputs.ReadFile(path, "state machine file"));
        if (read.Machine is null)
        {
            throw CliException.BadInput($"'{path}' cannot be read as ASL:" + Environment.NewLine +
                string.Join(Environment.NewLine, read.Problems.Select(p => "  " + p)));
        }

        foreach (var problem in read.Problems)
        {
            context.Error.WriteLine($"{path}: {problem}");
        }

        return read.Machine;
    }

    private static Command Format(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The state machine definition (ASL JSON)." };
        var check = new Option<bool>("--check") { Description = "Print nothing; exit 1 when FILE is not already in canonical form (for CI)." };
        var write = new Option<bool>("--write") { Description = "Rewrite FILE in canonical form instead of printing it." };
        var command = new Command(
            "format",
            "Print the definition as canonical JSON: two-space indents, a stable property order (Type, Comment, the type's " +
            "fields, Retry, Catch, Next/End), numbers as written, unknown fields kept.")
        {
            file,
            check,
            write,
        };
        command.SetHandler(context, parse =>
        {
            var path = parse.GetValue(file)!;
            var machine = ReadMachine(context, path);
            var canonical = AslWriter.Write(machine, indented: true) + "\n";
            if (parse.GetValue(check))
            {
                var current = Encoding.UTF8.GetString(Inputs.ReadFile(path, "state machine file")).Replace("\r\n", "\n", StringComparison.Ordinal);
                if (string.Equals(current, canonical, StringComparison.Ordinal))
                {
                    return ExitCodes.Ok;
                }

                context.Error.WriteLine($"{path}: not in canonical form; run '{CliApp.ToolName} asl format --write {path}'");
                return ExitCodes.No;
            }

            if (parse.GetValue(write))
            {
                File.WriteAllText(path, canonical, new UTF8Encoding(false));
                return ExitCodes.Ok;
            }

            context.Out.Write(canonical);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Summary(ValidationResult result)
    {
        var errors = result.Errors.Count();
        var warnings = result.Warnings.Count();
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}");
        return result.IsValid ? (warnings == 0 ? "valid" : $"valid ({counts})") : $"invalid ({counts})";
    }

    private static JsonObject ToJson(AslProblem problem)
    {
        var node = new JsonObject
        {
            ["severity"] = problem.Severity == ProblemSeverity.Error ? "error" : "warning",
            ["code"] = problem.Code,
            ["pointer"] = problem.Pointer,
            ["message"] = problem.Message,
        };
        if (problem.Line is { } line)
        {
            node["line"] = line;
            node["column"] = problem.Column;
        }

        return node;
    }
}
