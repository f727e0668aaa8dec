using System.Collections.Immutable;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Internal;

internal sealed partial class SemanticChecks(ImmutableArray<AslProblem>.Builder problems, ValidationOptions options, bool fromJson)
{
    public void Check(StateMachine machine)
    {
        _ = options;
        _ = fromJson;
        _ = machine;
        _ = problems;
    }
}
