using System.Collections.Immutable;

namespace Airline.Pipeline.StateMachines.Model;

/// <summary>A <c>Parallel</c> state: runs every branch with the same input; the output is the array of results.</summary>
public sealed record ParallelState : RecoverableState
{
    /// <inheritdoc />
    public override StateType Type => StateType.Parallel;

    /// <summary><c>Branches</c>: closed worlds of states.</summary>
    public ImmutableArray<ParallelBranch> Branches { get; init; } = [];
}
