using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Engine;

/// <summary>The execution's event list, shared by its branches; enforces the history size quota.</summary>
internal sealed class HistoryRecorder(IExecutionClock clock, int maxEvents)
{
    private readonly List<HistoryEvent> _events = [];
    private readonly object _gate = new();

    public IReadOnlyList<HistoryEvent> Events => _events;

    public int Count => _events.Count;

    public HistoryEvent Add(long previous, HistoryEventType type, string? stateName, JData? input, JData? output, string? error, string? cause, string? resource, int? index, int? length)
    {
        lock (_gate)
        {
            var isFinal = type is HistoryEventType.ExecutionFailed or HistoryEventType.ExecutionSucceeded or HistoryEventType.ExecutionTimedOut or HistoryEventType.ExecutionAborted;
            if (_events.Count >= maxEvents - 1 && !isFinal)
            {
                throw new HistoryLimitExceededException(maxEvents);
            }

            var e = new HistoryEvent(_events.Count + 1, previous, clock.UtcNow, type, stateName, input, output)
            {
                Error = error,
                Cause = cause,
                Resource = resource,
                Index = index,
                Length = length,
            };
            _events.Add(e);
            return e;
        }
    }
}

internal sealed class HistoryLimitExceededException(int max)
    : Exception($"The execution reached the limit of {max} events in its history; Step Functions fails such an execution. Split the work (a child execution or a Distributed Map) or loop less.")
{
}
