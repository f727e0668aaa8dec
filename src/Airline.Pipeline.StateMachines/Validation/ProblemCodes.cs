namespace Airline.Pipeline.StateMachines.Validation;

/// <summary>The stable codes of <see cref="AslProblem"/>. Codes never change meaning; new ones are added.</summary>
public static class ProblemCodes
{
    /// <summary>The text is not JSON (or has a duplicate key); the message gives line and column.</summary>
    public const string InvalidJson = "ASL001";

    /// <summary>A field has the wrong JSON type; the message names the expected type.</summary>
    public const string WrongType = "ASL002";

    /// <summary>A required field is missing.</summary>
    public const string MissingField = "ASL003";

    /// <summary>A field is not part of ASL, or not allowed in this state type.</summary>
    public const string UnknownField = "ASL004";

    /// <summary>The state Type is not one of the eight ASL types.</summary>
    public const string UnknownStateType = "ASL005";

    /// <summary>A field has a value outside its allowed set or range.</summary>
    public const string InvalidValue = "ASL006";

    /// <summary>StartAt, Next, Default or a Catch Next names a state that does not exist in its graph.</summary>
    public const string UnknownTarget = "ASL010";

    /// <summary>No path from StartAt reaches the state.</summary>
    public const string Unreachable = "ASL011";

    /// <summary>From this state no terminal state (End, Succeed, Fail) can be reached.</summary>
    public const string NoTerminal = "ASL012";

    /// <summary>A state has both Next and End, or neither.</summary>
    public const string NextOrEnd = "ASL013";

    /// <summary>Two states share a name (across the whole definition).</summary>
    public const string DuplicateStateName = "ASL014";

    /// <summary>A state name is empty or longer than 80 characters.</summary>
    public const string StateNameLength = "ASL015";

    /// <summary>Fields that exclude each other are both present (e.g. Seconds and SecondsPath).</summary>
    public const string ExclusiveFields = "ASL016";

    /// <summary>A Choice state has no Choices, or a rule is malformed.</summary>
    public const string InvalidChoiceRule = "ASL020";

    /// <summary>A Wait state has not exactly one of Seconds, SecondsPath, Timestamp, TimestampPath.</summary>
    public const string WaitDuration = "ASL021";

    /// <summary>Retry or Catch breaks a rule (States.ALL alone and last, BackoffRate &gt;= 1, ...).</summary>
    public const string RetryCatch = "ASL022";

    /// <summary>HeartbeatSeconds is not less than TimeoutSeconds, or a timeout is not positive.</summary>
    public const string Timeouts = "ASL023";

    /// <summary>A JSONPath (InputPath, ResultPath, Variable, a <c>.$</c> value...) does not parse.</summary>
    public const string InvalidPath = "ASL030";

    /// <summary>An intrinsic function call does not parse, is unknown or has the wrong arity.</summary>
    public const string InvalidIntrinsic = "ASL031";

    /// <summary>A JSONata string lacks <c>{% %}</c> or does not parse.</summary>
    public const string InvalidJsonata = "ASL032";

    /// <summary>A field of the other query language is used (Parameters in JSONata, Arguments in JSONPath).</summary>
    public const string QueryLanguageField = "ASL033";

    /// <summary>A resource ARN is malformed.</summary>
    public const string InvalidArn = "ASL040";

    /// <summary>A service integration pattern AWS does not offer (e.g. <c>.sync</c> on an aws-sdk call).</summary>
    public const string UnsupportedIntegration = "ASL041";

    /// <summary>The definition is larger than 1 MB.</summary>
    public const string TooLarge = "ASL050";

    /// <summary>A Map field is out of range (Label length, tolerated failure percentage...).</summary>
    public const string MapConfiguration = "ASL051";

    /// <summary>Lint: a Choice tests the job state after a <c>.sync</c> Glue task (a failed job fails the task).</summary>
    public const string LintChoiceAfterSync = "ASL901";

    /// <summary>Lint: a poll loop has no exit on failure.</summary>
    public const string LintPollLoopWithoutFailureExit = "ASL902";

    /// <summary>Lint: a Task calls a throttling-prone service with no Retry.</summary>
    public const string LintTaskWithoutRetry = "ASL903";
}
