using System.Collections.Immutable;
using System.Text.Json;
using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>Writes the model. Field names are UTF-8 literals and operator names pre-encoded, so the writer
/// neither transcodes nor checks them for escaping.</summary>
internal static class ModelWriter
{
    private static readonly JsonEncodedText[] OperatorNames =
        [.. Enum.GetValues<ChoiceOperator>().Select(op => JsonEncodedText.Encode(op.JsonName()))];

    public static void WriteMachine(Utf8JsonWriter w, StateMachine machine)
    {
        w.WriteStartObject();
        String(w, "Comment"u8, machine.Comment);
        String(w, "Version"u8, machine.Version);
        Language(w, machine.QueryLanguage);
        w.WriteString("StartAt"u8, machine.StartAt);
        if (machine.TimeoutSeconds is { } timeout)
        {
            w.WriteNumber("TimeoutSeconds"u8, timeout);
        }

        States(w, machine.States);
        Unknown(w, machine.UnknownFields);
        w.WriteEndObject();
        w.Flush();
    }

    private static void Graph(Utf8JsonWriter w, StateGraph graph)
    {
        w.WriteStartObject();
        String(w, "Comment"u8, graph.Comment);
        if (graph is ItemProcessor { ProcessorConfig: { } config })
        {
            w.WriteStartObject("ProcessorConfig"u8);
            if (config.Mode is { } mode)
            {
                w.WriteString("Mode"u8, mode == MapMode.Inline ? "INLINE" : "DISTRIBUTED");
            }

            if (config.ExecutionType is { } type)
            {
                w.WriteString("ExecutionType"u8, type == MapExecutionType.Standard ? "STANDARD" : "EXPRESS");
            }

            Unknown(w, config.UnknownFields);
            w.WriteEndObject();
        }

        w.WriteString("StartAt"u8, graph.StartAt);
        States(w, graph.States);
        Unknown(w, graph.UnknownFields);
        w.WriteEndObject();
    }

    private static void States(Utf8JsonWriter w, ImmutableArray<State> states)
    {
        w.WriteStartObject("States"u8);
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
        w.WriteString("Type"u8, StateTypeName(state.Type));
        String(w, "Comment"u8, state.Comment);
        Language(w, state.QueryLanguage);
        switch (state)
        {
            case TaskState task:
                if (task.ResourceTemplate is { } template)
                {
                    Raw(w, "Resource"u8, template);
                }
                else
                {
                    w.WriteString("Resource"u8, task.Resource);
                }

                Io(w, task);
                Number(w, "TimeoutSeconds"u8, task.TimeoutSeconds);
                String(w, "TimeoutSecondsPath"u8, task.TimeoutSecondsPath);
                Number(w, "HeartbeatSeconds"u8, task.HeartbeatSeconds);
                String(w, "HeartbeatSecondsPath"u8, task.HeartbeatSecondsPath);
                Raw(w, "Credentials"u8, task.Credentials);
                Recovery(w, task);
                Transition(w, task);
                break;
            case PassState pass:
                Path(w, "InputPath"u8, pass.InputPath);
                Raw(w, "Parameters"u8, pass.Parameters);
                Raw(w, "Result"u8, pass.Result);
                Path(w, "ResultPath"u8, pass.ResultPath);
                Path(w, "OutputPath"u8, pass.OutputPath);
                Raw(w, "Assign"u8, pass.Assign);
                Raw(w, "Output"u8, pass.Output);
                Transition(w, pass);
                break;
            case ChoiceState choice:
                Path(w, "InputPath"u8, choice.InputPath);
                if (choice.Choices.Length > 0)
                {
                    w.WriteStartArray("Choices"u8);
                    foreach (var rule in choice.Choices)
                    {
                        Rule(w, rule);
                    }

                    w.WriteEndArray();
                }

                String(w, "Default"u8, choice.Default);
                Path(w, "OutputPath"u8, choice.OutputPath);
                Raw(w, "Assign"u8, choice.Assign);
                Raw(w, "Output"u8, choice.Output);
                break;
            case WaitState wait:
                Path(w, "InputPath"u8, wait.InputPath);
                Number(w, "Seconds"u8, wait.Seconds);
                String(w, "SecondsPath"u8, wait.SecondsPath);
                String(w, "Timestamp"u8, wait.Timestamp);
                String(w, "TimestampPath"u8, wait.TimestampPath);
                Path(w, "OutputPath"u8, wait.OutputPath);
                Raw(w, "Assign"u8, wait.Assign);
                Raw(w, "Output"u8, wait.Output);
                Transition(w, wait);
                break;
            case SucceedState succeed:
                Path(w, "InputPath"u8, succeed.InputPath);
                Path(w, "OutputPath"u8, succeed.OutputPath);
                Raw(w, "Output"u8, succeed.Output);
                break;
            case FailState fail:
                String(w, "Error"u8, fail.Error);
                String(w, "ErrorPath"u8, fail.ErrorPath);
                String(w, "Cause"u8, fail.Cause);
                String(w, "CausePath"u8, fail.CausePath);
                break;
            case ParallelState parallel:
                if (parallel.Branches.Length > 0)
                {
                    w.WriteStartArray("Branches"u8);
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
            w.WritePropertyName("ItemProcessor"u8);
            Graph(w, processor);
        }

        if (map.Iterator is { } iterator)
        {
            w.WritePropertyName("Iterator"u8);
            Graph(w, iterator);
        }

        if (map.ItemReader is { } reader)
        {
            w.WriteStartObject("ItemReader"u8);
            w.WriteString("Resource"u8, reader.Resource);
            Raw(w, "ReaderConfig"u8, reader.ReaderConfig);
            Raw(w, "Parameters"u8, reader.Parameters);
            Raw(w, "Arguments"u8, reader.Arguments);
            Unknown(w, reader.UnknownFields);
            w.WriteEndObject();
        }

        Path(w, "ItemsPath"u8, map.ItemsPath);
        Raw(w, "Items"u8, map.Items);
        Raw(w, "ItemSelector"u8, map.ItemSelector);
        Raw(w, "ItemBatcher"u8, map.ItemBatcher);
        Number(w, "MaxConcurrency"u8, map.MaxConcurrency);
        String(w, "MaxConcurrencyPath"u8, map.MaxConcurrencyPath);
        Number(w, "ToleratedFailureCount"u8, map.ToleratedFailureCount);
        String(w, "ToleratedFailureCountPath"u8, map.ToleratedFailureCountPath);
        Number(w, "ToleratedFailurePercentage"u8, map.ToleratedFailurePercentage);
        String(w, "ToleratedFailurePercentagePath"u8, map.ToleratedFailurePercentagePath);
        String(w, "Label"u8, map.Label);
        Io(w, map);
        Raw(w, "ResultWriter"u8, map.ResultWriter);
        Recovery(w, map);
        Transition(w, map);
    }

    private static void Io(Utf8JsonWriter w, RecoverableState state)
    {
        Path(w, "InputPath"u8, state.InputPath);
        Raw(w, "Parameters"u8, state.Parameters);
        Raw(w, "Arguments"u8, state.Arguments);
        Raw(w, "ResultSelector"u8, state.ResultSelector);
        Path(w, "ResultPath"u8, state.ResultPath);
        Path(w, "OutputPath"u8, state.OutputPath);
        Raw(w, "Assign"u8, state.Assign);
        Raw(w, "Output"u8, state.Output);
    }

    private static void Recovery(Utf8JsonWriter w, RecoverableState state)
    {
        if (!state.Retry.IsDefaultOrEmpty)
        {
            w.WriteStartArray("Retry"u8);
            foreach (var retrier in state.Retry)
            {
                w.WriteStartObject();
                String(w, "Comment"u8, retrier.Comment);
                Errors(w, retrier.ErrorEquals);
                if (retrier.IntervalSeconds is { } interval)
                {
                    w.WriteNumber("IntervalSeconds"u8, interval);
                }

                if (retrier.MaxAttempts is { } attempts)
                {
                    w.WriteNumber("MaxAttempts"u8, attempts);
                }

                if (retrier.BackoffRate is { } rate)
                {
                    w.WriteNumber("BackoffRate"u8, rate);
                }

                if (retrier.MaxDelaySeconds is { } delay)
                {
                    w.WriteNumber("MaxDelaySeconds"u8, delay);
                }

                if (retrier.JitterStrategy is { } jitter)
                {
                    w.WriteString("JitterStrategy"u8, jitter == JitterStrategy.Full ? "FULL" : "NONE");
                }

                Unknown(w, retrier.UnknownFields);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (!state.Catch.IsDefaultOrEmpty)
        {
            w.WriteStartArray("Catch"u8);
            foreach (var catcher in state.Catch)
            {
                w.WriteStartObject();
                String(w, "Comment"u8, catcher.Comment);
                Errors(w, catcher.ErrorEquals);
                Path(w, "ResultPath"u8, catcher.ResultPath);
                Raw(w, "Output"u8, catcher.Output);
                Raw(w, "Assign"u8, catcher.Assign);
                w.WriteString("Next"u8, catcher.Next);
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

        w.WriteStartArray("ErrorEquals"u8);
        foreach (var error in errors)
        {
            w.WriteStringValue(error);
        }

        w.WriteEndArray();
    }

    private static void Rule(Utf8JsonWriter w, ChoiceRule rule)
    {
        w.WriteStartObject();
        String(w, "Comment"u8, rule.Comment);
        Raw(w, "Condition"u8, rule.Condition);
        String(w, "Variable"u8, rule.Variable);
        if (rule.Operator is { } op && rule.Operand is { } operand)
        {
            w.WritePropertyName(OperatorNames[(int)op]);
            operand.WriteTo(w);
        }

        RuleArray(w, "And"u8, rule.And);
        RuleArray(w, "Or"u8, rule.Or);
        if (rule.Not is { } not)
        {
            w.WritePropertyName("Not"u8);
            Rule(w, not);
        }

        Raw(w, "Assign"u8, rule.Assign);
        Raw(w, "Output"u8, rule.Output);
        String(w, "Next"u8, rule.Next);
        Unknown(w, rule.UnknownFields);
        w.WriteEndObject();
    }

    private static void RuleArray(Utf8JsonWriter w, ReadOnlySpan<byte> name, ImmutableArray<ChoiceRule>? rules)
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
        String(w, "Next"u8, state.Next);
        if (state.End is { } end)
        {
            w.WriteBoolean("End"u8, end);
        }
    }

    private static void Language(Utf8JsonWriter w, QueryLanguage? language)
    {
        if (language is { } value)
        {
            w.WriteString("QueryLanguage"u8, value == QueryLanguage.Jsonata ? "JSONata" : "JSONPath");
        }
    }

    private static void String(Utf8JsonWriter w, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Path(Utf8JsonWriter w, ReadOnlySpan<byte> name, OptionalPath? path)
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

    private static void Number(Utf8JsonWriter w, ReadOnlySpan<byte> name, NumberOrExpression? value)
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

    private static void Raw(Utf8JsonWriter w, ReadOnlySpan<byte> name, JsonElement? value)
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
