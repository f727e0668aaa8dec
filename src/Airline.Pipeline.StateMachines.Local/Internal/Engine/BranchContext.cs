using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Engine;

/// <summary>One logical thread of an execution: the main path, a Parallel branch or a Map iteration.</summary>
internal sealed class BranchContext(ExecutionRun run, VariableScope variables, CancellationToken cancellationToken)
{
    public ExecutionRun Run { get; } = run;

    public VariableScope Variables { get; } = variables;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public long LastEventId { get; set; }

    public HistoryEvent Record(HistoryEventType type, string? stateName, JData? input = null, JData? output = null, string? error = null, string? cause = null, string? resource = null, int? index = null, int? length = null)
    {
        var e = Run.History.Add(LastEventId, type, stateName, input, output, error, cause, resource, index, length);
        LastEventId = e.Id;
        return e;
    }
}
