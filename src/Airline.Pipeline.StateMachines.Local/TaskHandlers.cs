using System.Text.Json.Nodes;
using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local;

/// <summary>Ready-made task handlers: fixed results, scripted sequences, errors and delegates.</summary>
public static class TaskHandlers
{
    /// <summary>Returns the same JSON result every time.</summary>
    public static ITaskHandler Returns(string resultJson) => new SequenceHandler([ParseResult(resultJson, nameof(resultJson))]);

    /// <summary>Returns the same result every time.</summary>
    public static ITaskHandler Returns(JsonNode? result) => new SequenceHandler([JDataNodes.FromNode(result)]);

    /// <summary>
    /// Returns the results in order, one per call within an execution (the crawler poll: first
    /// <c>{"Crawler":{"State":"RUNNING"}}</c>, then READY); the last result repeats. Entries written
    /// <c>error:Name:Cause</c> fail that call instead. Each execution starts the sequence again.
    /// </summary>
    public static ITaskHandler Sequence(params string[] results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Length == 0)
        {
            throw new ArgumentException("A sequence needs at least one result.", nameof(results));
        }

        return new SequenceHandler([.. results.Select(r => ParseStep(r, nameof(results)))]);
    }

    /// <summary>Fails every call with <paramref name="error"/> and <paramref name="cause"/>.</summary>
    public static ITaskHandler Fails(string error, string? cause = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new SequenceHandler([new TaskFailure(error, cause)]);
    }

    /// <summary>Returns the effective input unchanged.</summary>
    public static ITaskHandler Echo { get; } = new EchoHandler();

    /// <summary>Runs <paramref name="handler"/> asynchronously.</summary>
    public static ITaskHandler From(Func<TaskInvocation, CancellationToken, ValueTask<JsonNode?>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new DelegateHandler(handler);
    }

    /// <summary>Runs <paramref name="handler"/> on the effective input.</summary>
    public static ITaskHandler From(Func<JsonNode?, JsonNode?> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new DelegateHandler((invocation, _) => ValueTask.FromResult(handler(invocation.Input)));
    }

    /// <summary>
    /// Parses the CLI's task spec: <c>error:Name:Cause</c> fails, anything else is a JSON result
    /// (the CLI reads <c>@file.json</c> itself).
    /// </summary>
    public static ITaskHandler Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SequenceHandler([ParseStep(spec, nameof(spec))]);
    }

    private static object ParseStep(string text, string parameter)
    {
        if (text.StartsWith("error:", StringComparison.Ordinal))
        {
            var rest = text["error:".Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? new TaskFailure(rest, null) : new TaskFailure(rest[..colon], rest[(colon + 1)..]);
        }

        return ParseResult(text, parameter);
    }

    private static JData ParseResult(string json, string parameter)
    {
        try
        {
            return JData.Parse(json);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ArgumentException($"Task result '{json}' is not JSON: {ex.Message}", parameter, ex);
        }
    }

    private sealed record TaskFailure(string Error, string? Cause);

    private sealed class SequenceHandler(object[] steps) : InternalTaskHandler
    {
        internal override ValueTask<JData> InvokeCoreAsync(TaskInvocation invocation, CancellationToken cancellationToken)
        {
            var step = steps[Math.Min(invocation.CallNumber, steps.Length) - 1];
            return step is TaskFailure failure
                ? ValueTask.FromException<JData>(new TaskFailedException(failure.Error, failure.Cause))
                : ValueTask.FromResult((JData)step);
        }
    }

    private sealed class EchoHandler : InternalTaskHandler
    {
        internal override ValueTask<JData> InvokeCoreAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
            ValueTask.FromResult(invocation.InputData);
    }

    private sealed class DelegateHandler(Func<TaskInvocation, CancellationToken, ValueTask<JsonNode?>> handler) : ITaskHandler
    {
        public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) => handler(invocation, cancellationToken);
    }
}
