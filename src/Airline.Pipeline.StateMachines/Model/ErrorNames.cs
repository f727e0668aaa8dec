namespace Airline.Pipeline.StateMachines.Model;

/// <summary>The predefined error names of the Amazon States Language.</summary>
public static class ErrorNames
{
    /// <summary>Matches any error name (alone, in the last retrier or catcher).</summary>
    public const string All = "States.ALL";

    /// <summary>A Task sent no heartbeat within HeartbeatSeconds.</summary>
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";

    /// <summary>A Task ran longer than TimeoutSeconds or missed a heartbeat.</summary>
    public const string Timeout = "States.Timeout";

    /// <summary>A Task failed during execution.</summary>
    public const string TaskFailed = "States.TaskFailed";

    /// <summary>Insufficient privileges to run the Task.</summary>
    public const string Permissions = "States.Permissions";

    /// <summary>ResultPath cannot be applied to the input.</summary>
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";

    /// <summary>A field in Parameters could not be resolved.</summary>
    public const string ParameterPathFailure = "States.ParameterPathFailure";

    /// <summary>A branch of a Parallel state failed.</summary>
    public const string BranchFailed = "States.BranchFailed";

    /// <summary>No Choice rule matched and there is no Default.</summary>
    public const string NoChoiceMatched = "States.NoChoiceMatched";

    /// <summary>An intrinsic function failed.</summary>
    public const string IntrinsicFailure = "States.IntrinsicFailure";

    /// <summary>Output larger than the quota (not retriable).</summary>
    public const string DataLimitExceeded = "States.DataLimitExceeded";

    /// <summary>A Map state failed more items than tolerated.</summary>
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";

    /// <summary>A Map state's ItemReader failed.</summary>
    public const string ItemReaderFailed = "States.ItemReaderFailed";

    /// <summary>A Map state's ResultWriter failed.</summary>
    public const string ResultWriterFailed = "States.ResultWriterFailed";

    /// <summary>A runtime error (not retriable): e.g. an invalid path in InputPath.</summary>
    public const string Runtime = "States.Runtime";

    /// <summary>A JSONata expression failed.</summary>
    public const string QueryEvaluationError = "States.QueryEvaluationError";

    /// <summary>Every predefined name, for validation of <c>States.*</c> names in ErrorEquals.</summary>
    public static IReadOnlySet<string> Predefined { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        All, HeartbeatTimeout, Timeout, TaskFailed, Permissions, ResultPathMatchFailure, ParameterPathFailure,
        BranchFailed, NoChoiceMatched, IntrinsicFailure, DataLimitExceeded, ExceedToleratedFailureThreshold,
        ItemReaderFailed, ResultWriterFailed, Runtime, QueryEvaluationError,
    };
}
