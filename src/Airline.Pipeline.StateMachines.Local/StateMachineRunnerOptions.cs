namespace Airline.Pipeline.StateMachines.Local;

/// <summary>How a <see cref="StateMachineRunner"/> runs executions.</summary>
public sealed record StateMachineRunnerOptions
{
    /// <summary>The task handlers, by state name or resource ARN.</summary>
    public TaskHandlerRegistry Handlers { get; init; } = new();

    /// <summary>
    /// The clock. Null (the default) gives each execution its own <see cref="VirtualTimeProvider"/> starting at
    /// 2024-01-01T00:00:00Z: waits, retry intervals and timeouts cost no real time. Pass a
    /// <see cref="VirtualTimeProvider"/> to choose the start and read the clock afterwards, or
    /// <see cref="TimeProvider.System"/> to really wait.
    /// </summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Seeds the execution's randomness (States.UUID, States.MathRandom, $uuid(), $random(), retry jitter) for repeatable runs; null: unseeded.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Overrides the state machine's TimeoutSeconds; measured on <see cref="TimeProvider"/>.</summary>
    public TimeSpan? ExecutionTimeout { get; init; }

    /// <summary>The state machine name in ARNs and <c>$$.StateMachine.Name</c>.</summary>
    public string StateMachineName { get; init; } = "LocalStateMachine";

    /// <summary>The execution name; null: a UUID (from the seed when <see cref="RandomSeed"/> is set).</summary>
    public string? ExecutionName { get; init; }

    /// <summary>The region in ARNs.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The account id in ARNs.</summary>
    public string AccountId { get; init; } = "123456789012";

    /// <summary>The history quota: Step Functions fails an execution at 25,000 events.</summary>
    public int MaxHistoryEvents { get; init; } = 25_000;

    /// <summary>The payload quota for inputs, outputs, results and variables: 256 KiB, over which States.DataLimitExceeded.</summary>
    public int MaxPayloadBytes { get; init; } = 256 * 1024;
}
