namespace Airline.Pipeline.StateMachines.Local;

/// <summary>How an execution ended, with Step Functions' status names.</summary>
public enum ExecutionStatus
{
    /// <summary>The execution reached a Succeed state or an End.</summary>
    Succeeded,

    /// <summary>An error was not caught, or a Fail state was reached.</summary>
    Failed,

    /// <summary>The state machine's TimeoutSeconds (or the runner's execution timeout) passed.</summary>
    TimedOut,

    /// <summary>The execution was cancelled through its cancellation token.</summary>
    Aborted,
}
