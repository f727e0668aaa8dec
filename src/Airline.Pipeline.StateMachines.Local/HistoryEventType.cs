namespace Airline.Pipeline.StateMachines.Local;

/// <summary>The execution history event types, named as Step Functions' GetExecutionHistory names them.</summary>
public enum HistoryEventType
{
    /// <summary>The execution started; Input holds the execution input.</summary>
    ExecutionStarted,

    /// <summary>The execution succeeded; Output holds its output.</summary>
    ExecutionSucceeded,

    /// <summary>The execution failed; Error and Cause say why.</summary>
    ExecutionFailed,

    /// <summary>The execution passed its timeout.</summary>
    ExecutionTimedOut,

    /// <summary>The execution was cancelled.</summary>
    ExecutionAborted,

    /// <summary>A Task state was entered.</summary>
    TaskStateEntered,

    /// <summary>A Task state was exited.</summary>
    TaskStateExited,

    /// <summary>A task was scheduled: Resource and Input (the effective parameters).</summary>
    TaskScheduled,

    /// <summary>The task handler started.</summary>
    TaskStarted,

    /// <summary>The task returned: Output holds its raw result.</summary>
    TaskSucceeded,

    /// <summary>The task failed: Error and Cause.</summary>
    TaskFailed,

    /// <summary>The task passed TimeoutSeconds or HeartbeatSeconds.</summary>
    TaskTimedOut,

    /// <summary>A Pass state was entered.</summary>
    PassStateEntered,

    /// <summary>A Pass state was exited.</summary>
    PassStateExited,

    /// <summary>A Choice state was entered.</summary>
    ChoiceStateEntered,

    /// <summary>A Choice state was exited.</summary>
    ChoiceStateExited,

    /// <summary>A Wait state was entered.</summary>
    WaitStateEntered,

    /// <summary>A Wait state was exited.</summary>
    WaitStateExited,

    /// <summary>A Succeed state was entered.</summary>
    SucceedStateEntered,

    /// <summary>A Succeed state was exited.</summary>
    SucceedStateExited,

    /// <summary>A Fail state was entered.</summary>
    FailStateEntered,

    /// <summary>A Parallel state was entered.</summary>
    ParallelStateEntered,

    /// <summary>A Parallel state started its branches.</summary>
    ParallelStateStarted,

    /// <summary>All branches of a Parallel state succeeded.</summary>
    ParallelStateSucceeded,

    /// <summary>A branch of a Parallel state failed.</summary>
    ParallelStateFailed,

    /// <summary>A Parallel state was exited.</summary>
    ParallelStateExited,

    /// <summary>A Map state was entered.</summary>
    MapStateEntered,

    /// <summary>A Map state started its iterations: Length holds the item count.</summary>
    MapStateStarted,

    /// <summary>A Map iteration started (Index).</summary>
    MapIterationStarted,

    /// <summary>A Map iteration succeeded (Index).</summary>
    MapIterationSucceeded,

    /// <summary>A Map iteration failed (Index, Error, Cause).</summary>
    MapIterationFailed,

    /// <summary>All Map iterations finished within the tolerated failures.</summary>
    MapStateSucceeded,

    /// <summary>The Map state failed.</summary>
    MapStateFailed,

    /// <summary>A Map state was exited.</summary>
    MapStateExited,
}
