using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Airline.Pipeline.StateMachines.Local;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Serialization;

namespace Airline.Pipeline.Cli.Internal.Commands;

/// <summary><c>asl run</c>: one execution in the in-process interpreter with scripted task results.</summary>
internal static class AslRunCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The state machine definition (ASL JSON)." };
        var input = new Option<string>("--input")
        {
            Description = "The execution input: JSON text, or @file.json. Default {}.",
            HelpName = "JSON|@file",
            DefaultValueFactory = _ => "{}",
        };
        var tasks = new Option<string[]>("--task")
        {
            Description =
                "Script a Task state: STATE=@result.json (its JSON result), STATE=error:Name:Cause (it fails), or " +
                "STATE=<JSON>. Repeat the option; several values for one state play in order, one per call, the last " +
                "repeating (e.g. a crawler poll RUNNING then READY). A Task state with no script fails with States.Runtime.",
            HelpName = "STATE=@result.json|error:Name:Cause",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var history = new Option<bool>("--history") { Description = "Also print the execution history (every event)." };
        var seed = new Option<int?>("--seed") { Description = "Seed for States.UUID, random functions and retry jitter, for repeatable runs." };
        var command = new Command(
            "run",
            "Run the state machine once in the in-process interpreter (virtual time: waits cost nothing) and print the " +
            "status and output. Exit 0 when the execution succeeds, 1 when it fails or times out, 2 for bad input.")
        {
            file,
            input,
            tasks,
            history,
            seed,
        };
        var format = command.AddFormatOption();
        command.SetHandler(context, async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var definition = Inputs.ReadText(path, "state machine file");
            var (inputJson, inputSource) = Inputs.JsonArgument(parse.GetValue(input)!, "--input");
            Inputs.ParseJson(inputJson, inputSource).Dispose();
            var scripts = ParseTasks(parse.GetValue(tasks) ?? []);
            CheckTaskNames(definition, scripts.Keys, path);

            var registry = new TaskHandlerRegistry();
            foreach (var (state, steps) in scripts)
            {
                registry.ForState(state, TaskHandlers.Sequence([.. steps]));
            }

            StateMachineRunner runner;
            try
            {
                runner = StateMachineRunner.FromJson(definition, new StateMachineRunnerOptions
                {
                    Handlers = registry,
                    RandomSeed = parse.GetValue(seed),
                });
            }
            catch (StateMachineDefinitionException e)
            {
                throw CliException.BadInput($"'{path}' cannot be run:" + Environment.NewLine +
                    string.Join(Environment.NewLine, e.Problems.Select(p => "  " + p)));
            }

            var result = await runner.RunAsync(inputJson, cancellationToken).ConfigureAwait(false);
            if (parse.IsJson(format))
            {
                context.WriteJson(ToJson(result, parse.GetValue(history)));
            }
            else
            {
                WriteText(context, result, parse.GetValue(history));
            }

            return result.Succeeded ? ExitCodes.Ok : ExitCodes.No;
        });
        return command;
    }

    /// <summary>Groups the <c>--task</c> values by state, in order; checks every JSON result up front.</summary>
    private static Dictionary<string, List<string>> ParseTasks(string[] values)
    {
        var scripts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw CliException.BadInput(
                    $"--task '{value}' is not STATE=@result.json, STATE=error:Name:Cause or STATE=<JSON>; name the Task state before '='");
            }

            var state = value[..equals];
            var spec = value[(equals + 1)..];
            string step;
            if (spec.StartsWith("error:", StringComparison.Ordinal))
            {
                if (spec.Length == "error:".Length || spec["error:".Length] == ':')
                {
                    throw CliException.BadInput($"--task '{value}' has no error name; write {state}=error:Name:Cause");
                }

                step = spec;
            }
            else
            {
                var (json, source) = spec.StartsWith('@')
                    ? (Inputs.ReadText(spec[1..], $"--task {state} result file"), $"--task {state} result file '{spec[1..]}'")
                    : (spec, $"--task {state} result");
                Inputs.ParseJson(json, source).Dispose();
                step = json;
            }

            if (!scripts.TryGetValue(state, out var steps))
            {
                scripts[state] = steps = [];
            }

            steps.Add(step);
        }

        return scripts;
    }

    private static void CheckTaskNames(string definition, IEnumerable<string> names, string path)
    {
        var read = AslReader.Read(definition);
        if (read.Machine is null)
        {
            return; // the runner reports why it cannot be read
        }

        var taskStates = new List<string>();
        Collect(read.Machine, taskStates);
        foreach (var name in names)
        {
            if (!taskStates.Contains(name, StringComparer.Ordinal))
            {
                var known = taskStates.Count == 0 ? "it has none" : "its Task states are: " + string.Join(", ", taskStates);
                throw CliException.BadInput($"--task '{name}': '{path}' has no Task state named '{name}'; {known}");
            }
        }
    }

    private static void Collect(StateGraph graph, List<string> taskStates)
    {
        foreach (var state in graph.States)
        {
            switch (state)
            {
                case TaskState task:
                    taskStates.Add(task.Name);
                    break;
                case ParallelState parallel:
                    foreach (var branch in parallel.Branches)
                    {
                        Collect(branch, taskStates);
                    }

                    break;
                case StateMachines.Model.MapState { Processor: { } processor }:
                    Collect(processor, taskStates);
                    break;
            }
        }
    }

    private static string StatusName(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        ExecutionStatus.Aborted => "ABORTED",
        _ => status.ToString().ToUpperInvariant(),
    };

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void WriteText(CliContext context, ExecutionResult result, bool withHistory)
    {
        if (withHistory)
        {
            context.Out.WriteLine("history:");
            foreach (var e in result.History)
            {
                var line = string.Create(CultureInfo.InvariantCulture, $"  {e.Id,4}  {Time(e.Timestamp)}  {e.Type}");
                if (e.StateName is not null)
                {
                    line += "  " + e.StateName;
                }

                if (e.Error is not null)
                {
                    line += $"  {e.Error}: {e.Cause}";
                }
                else if (e.Output is not null)
                {
                    line += "  output " + e.Output;
                }

                context.Out.WriteLine(line);
            }
        }

        context.Out.WriteLine("status: " + StatusName(result.Status));
        if (result.Succeeded)
        {
            context.Out.WriteLine("output: " + result.Output);
            return;
        }

        context.Out.WriteLine("error: " + result.Error);
        context.Out.WriteLine("cause: " + result.Cause);
        if (result.Cause?.Contains("No task handler", StringComparison.Ordinal) == true)
        {
            context.Error.WriteLine($"{CliApp.ToolName}: hint: script the Task state with --task STATE=@result.json or --task STATE=error:Name:Cause");
        }
    }

    private static JsonObject ToJson(ExecutionResult result, bool withHistory)
    {
        var node = new JsonObject
        {
            ["status"] = StatusName(result.Status),
            ["executionArn"] = result.ExecutionArn,
            ["startDate"] = Time(result.StartDate),
            ["stopDate"] = Time(result.StopDate),
        };
        if (result.Succeeded)
        {
            node["output"] = result.OutputNode?.DeepClone();
        }
        else
        {
            node["error"] = result.Error;
            node["cause"] = result.Cause;
        }

        if (withHistory)
        {
            node["history"] = new JsonArray([.. result.History.Select(HistoryJson)]);
        }

        return node;
    }

    private static JsonObject HistoryJson(HistoryEvent e)
    {
        var node = new JsonObject
        {
            ["id"] = e.Id,
            ["previousEventId"] = e.PreviousEventId,
            ["timestamp"] = Time(e.Timestamp),
            ["type"] = e.Type.ToString(),
        };
        AddIfPresent(node, "stateName", e.StateName);
        AddIfPresent(node, "resource", e.Resource);
        AddIfPresent(node, "error", e.Error);
        AddIfPresent(node, "cause", e.Cause);
        if (e.InputNode is { } inputNode)
        {
            node["input"] = inputNode.DeepClone();
        }

        if (e.OutputNode is { } outputNode)
        {
            node["output"] = outputNode.DeepClone();
        }

        return node;
    }

    private static void AddIfPresent(JsonObject node, string name, string? value)
    {
        if (value is not null)
        {
            node[name] = value;
        }
    }
}
