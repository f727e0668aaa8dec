namespace Airline.Pipeline.StateMachines.Model;

/// <summary>A <c>Fail</c> state: ends the execution with an error name and a cause.</summary>
public sealed record FailState : State
{
    /// <inheritdoc />
    public override StateType Type => StateType.Fail;

    /// <summary><c>Error</c>: the error name (or a JSONata expression).</summary>
    public string? Error { get; init; }

    /// <summary><c>ErrorPath</c>: a path or intrinsic function giving the error name.</summary>
    public string? ErrorPath { get; init; }

    /// <summary><c>Cause</c>: a human-readable cause (or a JSONata expression).</summary>
    public string? Cause { get; init; }

    /// <summary><c>CausePath</c>: a path or intrinsic function giving the cause.</summary>
    public string? CausePath { get; init; }

    /// <inheritdoc />
    public override bool IsTerminal => true;
}
