using System.Text.Json.Nodes;
using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local;

/// <summary>One call of a task handler: the state, the resource, the effective input and the context object.</summary>
public sealed class TaskInvocation
{
    private readonly IExecutionClock _clock;
    private readonly Action? _heartbeat;
    private JsonNode? _input;
    private bool _inputMade;

    internal TaskInvocation(string stateName, string resource, JData input, JData context, int retryCount, int callNumber, IExecutionClock clock, Action? heartbeat)
    {
        StateName = stateName;
        Resource = resource;
        InputData = input;
        ContextData = context;
        RetryCount = retryCount;
        CallNumber = callNumber;
        _clock = clock;
        _heartbeat = heartbeat;
    }

    /// <summary>The Task state's name.</summary>
    public string StateName { get; }

    /// <summary>The state's Resource ARN.</summary>
    public string Resource { get; }

    /// <summary>The effective input (a fresh copy the handler may change).</summary>
    public JsonNode? Input
    {
        get
        {
            if (!_inputMade)
            {
                _input = JDataNodes.ToNode(InputData);
                _inputMade = true;
            }

            return _input;
        }
    }

    /// <summary>The effective input as JSON text.</summary>
    public string InputJson => InputData.ToJson();

    /// <summary>The context object (<c>$$</c>): Execution, State, StateMachine, Task.</summary>
    public JsonNode Context => JDataNodes.ToNode(ContextData)!;

    /// <summary>How many times this state has been retried before this call (0 on the first attempt).</summary>
    public int RetryCount { get; }

    /// <summary>1 for this handler's first call in this execution, 2 for the second, ... (retries and loops count).</summary>
    public int CallNumber { get; }

    /// <summary>The current time on the runner's clock.</summary>
    public DateTimeOffset Now => _clock.UtcNow;

    /// <summary>Lets the task take time on the runner's clock (virtual time: free in tests), as a long job would.</summary>
    public ValueTask DelayAsync(TimeSpan delay, CancellationToken cancellationToken = default) => _clock.DelayAsync(delay, cancellationToken);

    /// <summary>Reports progress, restarting the HeartbeatSeconds countdown (SendTaskHeartbeat).</summary>
    public void SendHeartbeat() => _heartbeat?.Invoke();

    internal JData InputData { get; }

    internal JData ContextData { get; }
}
