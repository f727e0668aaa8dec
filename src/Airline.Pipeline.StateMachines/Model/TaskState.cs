using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Model;

/// <summary>A <c>Task</c> state: calls <see cref="Resource"/> (a Lambda ARN, an activity or a service integration).</summary>
public sealed record TaskState : RecoverableState
{
    /// <inheritdoc />
    public override StateType Type => StateType.Task;

    /// <summary><c>Resource</c>: the ARN, e.g. <c>arn:aws:states:::glue:startJobRun.sync</c>.</summary>
    public required string Resource { get; init; }

    /// <summary>
    /// A CloudFormation intrinsic written instead of an ARN string (<c>{"Ref": "MyFunction"}</c>,
    /// <c>{"Fn::GetAtt": [...]}</c>), as templates allow; <see cref="Resource"/> is then empty.
    /// </summary>
    public JsonElement? ResourceTemplate { get; init; }

    /// <summary><c>TimeoutSeconds</c>: a positive integer, or a JSONata expression.</summary>
    public NumberOrExpression? TimeoutSeconds { get; init; }

    /// <summary><c>TimeoutSecondsPath</c>: a reference path to the timeout.</summary>
    public string? TimeoutSecondsPath { get; init; }

    /// <summary><c>HeartbeatSeconds</c>: less than the timeout.</summary>
    public NumberOrExpression? HeartbeatSeconds { get; init; }

    /// <summary><c>HeartbeatSecondsPath</c>: a reference path to the heartbeat.</summary>
    public string? HeartbeatSecondsPath { get; init; }

    /// <summary><c>Credentials</c>: the role to assume, e.g. <c>{"RoleArn": "..."}</c>.</summary>
    public JsonElement? Credentials { get; init; }
}
