using System.Text.Json.Nodes;
using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local;

/// <summary>How an execution ended: status, output or error and cause, and the whole event history.</summary>
public sealed class ExecutionResult
{
    private readonly JData? _output;

    internal ExecutionResult(
        string executionArn,
        ExecutionStatus status,
        JData? output,
        string? error,
        string? cause,
        IReadOnlyList<HistoryEvent> history,
        DateTimeOffset startDate,
        DateTimeOffset stopDate)
    {
        ExecutionArn = executionArn;
        Status = status;
        _output = output;
        Error = error;
        Cause = cause;
        History = history;
        StartDate = startDate;
        StopDate = stopDate;
    }

    /// <summary>The execution ARN, as <c>$$.Execution.Id</c> showed it.</summary>
    public string ExecutionArn { get; }

    /// <summary>SUCCEEDED, FAILED, TIMED_OUT or ABORTED.</summary>
    public ExecutionStatus Status { get; }

    /// <summary>True when <see cref="Status"/> is Succeeded.</summary>
    public bool Succeeded => Status == ExecutionStatus.Succeeded;

    /// <summary>The output JSON of a succeeded execution; null otherwise.</summary>
    public string? Output => _output?.ToJson();

    /// <summary>The output parsed; null when the execution did not succeed or its output is JSON null.</summary>
    public JsonNode? OutputNode => _output is null ? null : JDataNodes.ToNode(_output);

    /// <summary>The error name of a failed, timed-out or aborted execution.</summary>
    public string? Error { get; }

    /// <summary>The cause of a failed, timed-out or aborted execution.</summary>
    public string? Cause { get; }

    /// <summary>The event history in order.</summary>
    public IReadOnlyList<HistoryEvent> History { get; }

    /// <summary>When the execution started, on the runner's clock.</summary>
    public DateTimeOffset StartDate { get; }

    /// <summary>When the execution stopped, on the runner's clock (virtual waits included).</summary>
    public DateTimeOffset StopDate { get; }

    /// <summary>The names of the states entered, in order (branches and iterations included): the path taken.</summary>
    public IReadOnlyList<string> StatesEntered =>
        [.. History.Where(e => e.Type.ToString().EndsWith("StateEntered", StringComparison.Ordinal)).Select(e => e.StateName!)];

    /// <summary>The events of one type, in order.</summary>
    public IReadOnlyList<HistoryEvent> EventsOf(HistoryEventType type) => [.. History.Where(e => e.Type == type)];

    internal JData? OutputData => _output;

    /// <inheritdoc />
    public override string ToString() => Status == ExecutionStatus.Succeeded ? $"SUCCEEDED {Output}" : $"{Status} {Error}: {Cause}";
}
