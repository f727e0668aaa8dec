using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Jsonata;

internal static class ExpressionRunner
{
    public static JData Run(JsonataNode node, JsonataEnvironment environment)
    {
        try
        {
            var value = node.Evaluate(environment.Input, new JsonataScope(environment));
            if (value is JsonataSequence seq)
            {
                value = seq.Collapse();
            }

            return value ?? throw new StatesErrorException(StatesErrors.QueryEvaluationError, "The JSONata Condition returned nothing (undefined).");
        }
        catch (JsonataEvaluationException ex)
        {
            throw new StatesErrorException(StatesErrors.QueryEvaluationError, $"JSONata expression failed at position {ex.Position + 1}: {ex.Message}");
        }
    }
}
