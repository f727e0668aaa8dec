using System.Text.Json.Nodes;
using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local;

/// <summary>One event of the execution history, as Step Functions records it.</summary>
public sealed class HistoryEvent
{
    private readonly JData? _input;
    private readonly JData? _output;

    internal HistoryEvent(long id, long previousEventId, DateTimeOffset timestamp, HistoryEventType type, string? stateName, JData? input, JData? output)
    {
        Id = id;
        PreviousEventId = previousEventId;
        Timestamp = timestamp;
        Type = type;
        StateName = stateName;
        _input = input;
        _output = output;
    }

    /// <summary>The event id, from 1 in the order events happened.</summary>
    public long Id { get; }

    /// <summary>The id of the event before it in the same branch (0 for the first).</summary>
    public long PreviousEventId { get; }

    /// <summary>When the event happened, on the runner's clock.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The event type.</summary>
    public HistoryEventType Type { get; }

    /// <summary>The state the event belongs to (null for execution events).</summary>
    public string? StateName { get; }

    /// <summary>The state, task or execution input as JSON, where the event has one.</summary>
    public string? Input => _input?.ToJson();

    /// <summary>The state, task or execution output as JSON, where the event has one.</summary>
    public string? Output => _output?.ToJson();

    /// <summary>The input parsed, or null.</summary>
    public JsonNode? InputNode => _input is null ? null : JDataNodes.ToNode(_input);

    /// <summary>The output parsed, or null.</summary>
    public JsonNode? OutputNode => _output is null ? null : JDataNodes.ToNode(_output);

    /// <summary>The error name of a failure event.</summary>
    public string? Error { get; init; }

    /// <summary>The cause of a failure event.</summary>
    public string? Cause { get; init; }

    /// <summary>The task resource ARN of TaskScheduled events.</summary>
    public string? Resource { get; init; }

    /// <summary>The iteration index of Map iteration events.</summary>
    public int? Index { get; init; }

    /// <summary>The item count of MapStateStarted events.</summary>
    public int? Length { get; init; }

    internal JData? InputData => _input;

    internal JData? OutputData => _output;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Id} {Type}{(StateName is null ? string.Empty : " " + StateName)}{(Error is null ? string.Empty : $" {Error}: {Cause}")}";
}
