namespace Airline.Pipeline.StateMachines.Local.Internal.Engine;

/// <summary>The error names of the Amazon States Language (appendix A) that the interpreter raises.</summary>
internal static class StatesErrors
{
    public const string All = "States.ALL";
    public const string DataLimitExceeded = "States.DataLimitExceeded";
    public const string Runtime = "States.Runtime";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
    public const string Timeout = "States.Timeout";
    public const string TaskFailed = "States.TaskFailed";
    public const string Permissions = "States.Permissions";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string ParameterPathFailure = "States.ParameterPathFailure";
    public const string QueryEvaluationError = "States.QueryEvaluationError";
    public const string BranchFailed = "States.BranchFailed";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string IntrinsicFailure = "States.IntrinsicFailure";
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";
}

/// <summary>An error raised while a state runs: what Retry and Catch match on.</summary>
internal sealed class StatesErrorException(string error, string? cause) : Exception($"{error}: {cause}")
{
    public string Error { get; } = error;

    public string? Cause { get; } = cause;

    public static StatesErrorException Runtime(string cause) => new(StatesErrors.Runtime, cause);
}
