namespace Airline.Pipeline.StateMachines.Model;

/// <summary>A <c>Wait</c> state: exactly one of Seconds, SecondsPath, Timestamp, TimestampPath.</summary>
public sealed record WaitState : FlowState
{
    /// <inheritdoc />
    public override StateType Type => StateType.Wait;

    /// <summary><c>Seconds</c>: a non-negative integer or a JSONata expression.</summary>
    public NumberOrExpression? Seconds { get; init; }

    /// <summary><c>SecondsPath</c>: a reference path to the seconds.</summary>
    public string? SecondsPath { get; init; }

    /// <summary><c>Timestamp</c>: an RFC 3339 time (e.g. <c>2026-01-01T00:00:00Z</c>) or a JSONata expression.</summary>
    public string? Timestamp { get; init; }

    /// <summary><c>TimestampPath</c>: a reference path to the timestamp.</summary>
    public string? TimestampPath { get; init; }
}
