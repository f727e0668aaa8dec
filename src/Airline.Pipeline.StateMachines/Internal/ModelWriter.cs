using System.Collections.Immutable;
using System.Text.Json;
using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Internal;

internal static class ModelWriter
{
    public static void WriteMachine(Utf8JsonWriter w, StateMachine machine)
    {
        w.WriteStartObject();
        String(w, "Comment", machine.Comment);
        String(w, "Version", machine.Version);
        Language(w, machine.QueryLanguage);
        w.WriteString("StartAt", machine.StartAt);
        if (machine.TimeoutSeconds is { } timeout)
        {
            w.WriteNumber("TimeoutSeconds", timeout);
        }

        States(w, machine.States);
        Unknown(w, machine.UnknownFields);
        w.WriteEndObject();
        w.Flush();
    }

    private static void Graph(Utf8JsonWriter w, StateGraph graph)
    {
        w.WriteStartObject();
        String(w, "Comment", graph.Comment);
        if (graph is ItemProcessor { ProcessorConfig: { } config })
        {
            w.WriteStartObject("ProcessorConfig");
            if (config.Mode is { } mode)
            {
                w.WriteString("Mode", mode == MapMode.Inline ? "INLINE" : "DISTRIBUTED");
            }

            if (config.ExecutionType is { } type)
            {
                w.WriteString("ExecutionType", type == MapExecutionType.Standard ? "STANDARD" : "EXPRESS");
            }

            Unknown(w, config.UnknownFields);
            w.WriteEndObject();
        }

        w.WriteString("StartAt", graph.StartAt);
        States(w, graph.States);
        Unknown(w, graph.UnknownFields);
        w.WriteEndObject();
    }

    private static void States(Utf8JsonWriter w, ImmutableArray<State> states)
    {
        w.WriteStartObject("States");
        foreach (var state in states)
        {
            w.WritePropertyName(state.Name);
            State(w, state);
        }

        w.WriteEndObject();
    }

    private static void State(Utf8JsonWriter w, State state)
    {
        w.WriteStartObject();
        w.WriteString("Type", StateTypeName(state.Type));
        String(w, "Comment", state.Comment);
        Language(w, state.QueryLanguage);
        switch (state)
        {
            case TaskState task:
                if (task.ResourceTemplate is { } template)
                {
                    Raw(w, "Resource", template);
                }
                else
                {
                    w.WriteString("Resource", task.Resource);
                }

                Io(w, task);
                Number(w, "TimeoutSeconds", task.TimeoutSeconds);
                String(w, "TimeoutSecondsPath", task.TimeoutSecondsPath);
                Number(w, "HeartbeatSeconds", task.HeartbeatSeconds);
                String(w, "HeartbeatSecondsPath", task.HeartbeatSecondsPath);
                Raw(w, "Credentials", task.Credentials);
                Recovery(w, task);
                Transition(w, task);
                break;
            case PassState pass:
                Path(w, "InputPath", pass.InputPath);
                Raw(w, "Parameters", pass.Parameters);
                Raw(w, "Result", pass.Result);
                Path(w, "ResultPath", pass.ResultPath);
                Path(w, "OutputPath", pass.OutputPath);
                Raw(w, "Assign", pass.Assign);
                Raw(w, "Output", pass.Output);
                Transition(w, pass);
                break;
            case ChoiceState choice:
                Path(w, "InputPath", choice.InputPath);
                if (choice.Choices.Length > 0)
                {
                    w.WriteStartArray("Choices");
                    foreach (var rule in choice.Choices)
                    {
                        Rule(w, rule);
                    }

                    w.WriteEndArray();
                }

                String(w, "Default", choice.Default);
                Path(w, "OutputPath", choice.OutputPath);
                Raw(w, "Assign", choice.Assign);
                Raw(w, "Output", choice.Output);
                break;
            case WaitState wait:
                Path(w, "InputPath", wait.InputPath);
                Number(w, "Seconds", wait.Seconds);
                String(w, "SecondsPath", wait.SecondsPath);
                String(w, "Timestamp", wait.Timestamp);
                String(w, "TimestampPath", wait.TimestampPath);
                Path(w, "OutputPath", wait.OutputPath);
                Raw(w, "Assign", wait.Assign);
                Raw(w, "Output", wait.Output);
                Transition(w, wait);
                break;
            case SucceedState succeed:
                Path(w, "InputPath", succeed.InputPath);
                Path(w, "OutputPath", succeed.OutputPath);
                Raw(w, "Output", succeed.Output);
                break;
            case FailState fail:
                String(w, "Error", fail.Error);
                String(w, "ErrorPath", fail.ErrorPath);
                String(w, "Cause", fail.Cause);
                String(w, "CausePath", fail.CausePath);
                break;
            case ParallelState parallel:
                if (parallel.Branches.Length > 0)
                {
                    w.WriteStartArray("Branches");
                    foreach (var branch in parallel.Branches)
                    {
                        Graph(w, branch);
                    }

                    w.WriteEndArray();
                }

                Io(w, parallel);
                Recovery(w, parallel);
                Transition(w, parallel);
                break;
            case MapState map:
                Map(w, map);
                break;
        }

        Unknown(w, state.UnknownFields);
        w.WriteEndObject();
    }

    private static void Map(Utf8JsonWriter w, MapState map)
    {
        if (map.ItemProcessor is { } processor)
        {
            w.WritePropertyName("ItemProcessor");
            Graph(w, processor);
        }

        if (map.Iterator is { } iterator)
        {
            w.WritePropertyName("Iterator");
            Graph(w, iterator);
        }

        if (map.ItemReader is { } reader)
        {
            w.WriteStartObject("ItemReader");
            w.WriteString("Resource", reader.Resource);
            Raw(w, "ReaderConfig", reader.ReaderConfig);
            Raw(w, "Parameters", reader.Parameters);
            Raw(w, "Arguments", reader.Arguments);
            Unknown(w, reader.UnknownFields);
            w.WriteEndObject();
        }

        Path(w, "ItemsPath", map.ItemsPath);
        Raw(w, "Items", map.Items);
        Raw(w, "ItemSelector", map.ItemSelector);
        Raw(w, "ItemBatcher", map.ItemBatcher);
        Number(w, "MaxConcurrency", map.MaxConcurrency);
        String(w, "MaxConcurrencyPath", map.MaxConcurrencyPath);
        Number(w, "ToleratedFailureCount", map.ToleratedFailureCount);
        String(w, "ToleratedFailureCountPath", map.ToleratedFailureCountPath);
        Number(w, "ToleratedFailurePercentage", map.ToleratedFailurePercentage);
        String(w, "ToleratedFailurePercentagePath", map.ToleratedFailurePercentagePath);
        String(w, "Label", map.Label);
        Io(w, map);
        Raw(w, "ResultWriter", map.ResultWriter);
        Recovery(w, map);
        Transition(w, map);
    }

    private static void Io(Utf8JsonWriter w, RecoverableState state)
    {
        Path(w, "InputPath", state.InputPath);
        Raw(w, "Parameters", state.Parameters);
        Raw(w, "Arguments", state.Arguments);
        Raw(w, "ResultSelector", state.ResultSelector);
        Path(w, "ResultPath", state.ResultPath);
        Path(w, "OutputPath", state.OutputPath);
        Raw(w, "Assign", state.Assign);
        Raw(w, "Output", state.Output);
    }

    private static void Recovery(Utf8JsonWriter w, RecoverableState state)
    {
        if (!state.Retry.IsDefaultOrEmpty)
        {
            w.WriteStartArray("Retry");
            foreach (var retrier in state.Retry)
            {
                w.WriteStartObject();
                String(w, "Comment", retrier.Comment);
                Errors(w, retrier.ErrorEquals);
                if (retrier.IntervalSeconds is { } interval)
                {
                    w.WriteNumber("IntervalSeconds", interval);
                }

                if (retrier.MaxAttempts is { } attempts)
                {
                    w.WriteNumber("MaxAttempts", attempts);
                }

                if (retrier.BackoffRate is { } rate)
                {
                    w.WriteNumber("BackoffRate", rate);
                }

                if (retrier.MaxDelaySeconds is { } delay)
                {
                    w.WriteNumber("MaxDelaySeconds", delay);
                }

                if (retrier.JitterStrategy is { } jitter)
                {
                    w.WriteString("JitterStrategy", jitter == JitterStrategy.Full ? "FULL" : "NONE");
                }

                Unknown(w, retrier.UnknownFields);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (!state.Catch.IsDefaultOrEmpty)
        {
            w.WriteStartArray("Catch");
            foreach (var catcher in state.Catch)
            {
                w.WriteStartObject();
                String(w, "Comment", catcher.Comment);
                Errors(w, catcher.ErrorEquals);
                Path(w, "ResultPath", catcher.ResultPath);
                Raw(w, "Output", catcher.Output);
                Raw(w, "Assign", catcher.Assign);
                w.WriteString("Next", catcher.Next);
                Unknown(w, catcher.UnknownFields);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
    }

    private static void Errors(Utf8JsonWriter w, ImmutableArray<string> errors)
    {
        if (errors.IsDefault)
        {
            return;
        }

        w.WriteStartArray("ErrorEquals");
        foreach (var error in errors)
        {
            w.WriteStringValue(error);
        }

        w.WriteEndArray();
    }

    private static void Rule(Utf8JsonWriter w, ChoiceRule rule)
    {
        w.WriteStartObject();
        String(w, "Comment", rule.Comment);
        Raw(w, "Condition", rule.Condition);
        String(w, "Variable", rule.Variable);
        if (rule.Operator is { } op && rule.Operand is { } operand)
        {
            w.WritePropertyName(op.JsonName());
            operand.WriteTo(w);
        }

        RuleArray(w, "And", rule.And);
        RuleArray(w, "Or", rule.Or);
        if (rule.Not is { } not)
        {
            w.WritePropertyName("Not");
            Rule(w, not);
        }

        Raw(w, "Assign", rule.Assign);
        Raw(w, "Output", rule.Output);
        String(w, "Next", rule.Next);
        Unknown(w, rule.UnknownFields);
        w.WriteEndObject();
    }

    private static void RuleArray(Utf8JsonWriter w, string name, ImmutableArray<ChoiceRule>? rules)
    {
        if (rules is not { IsDefault: false } list)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var rule in list)
        {
            Rule(w, rule);
        }

        w.WriteEndArray();
    }

    private static void Transition(Utf8JsonWriter w, FlowState state)
    {
        String(w, "Next", state.Next);
        if (state.End is { } end)
        {
            w.WriteBoolean("End", end);
        }
    }

    private static void Language(Utf8JsonWriter w, QueryLanguage? language)
    {
        if (language is { } value)
        {
            w.WriteString("QueryLanguage", value == QueryLanguage.Jsonata ? "JSONata" : "JSONPath");
        }
    }

    private static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Path(Utf8JsonWriter w, string name, OptionalPath? path)
    {
        if (path is not { } value)
        {
            return;
        }

        if (value.Path is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value.Path);
        }
    }

    private static void Number(Utf8JsonWriter w, string name, NumberOrExpression? value)
    {
        if (value is not { } field)
        {
            return;
        }

        if (field.Number is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteString(name, field.Expression);
        }
    }

    private static void Raw(Utf8JsonWriter w, string name, JsonElement? value)
    {
        if (value is { } element)
        {
            w.WritePropertyName(name);
            element.WriteTo(w);
        }
    }

    private static void Unknown(Utf8JsonWriter w, ImmutableArray<KeyValuePair<string, JsonElement>> fields)
    {
        if (fields.IsDefault)
        {
            return;
        }

        foreach (var (name, value) in fields)
        {
            w.WritePropertyName(name);
            value.WriteTo(w);
        }
    }

    internal static string StateTypeName(StateType type) => type switch
    {
        StateType.Task => "Task",
        StateType.Pass => "Pass",
        StateType.Choice => "Choice",
        StateType.Wait => "Wait",
        StateType.Succeed => "Succeed",
        StateType.Fail => "Fail",
        StateType.Parallel => "Parallel",
        _ => "Map",
    };
}
