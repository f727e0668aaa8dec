using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;
using Airline.Pipeline.StateMachines.Local.Internal.Jsonata;
using Airline.Pipeline.StateMachines.Local.Internal.Paths;

namespace Airline.Pipeline.StateMachines.Local.Internal.Definition;

/// <summary>A field given as a constant, a JSONPath (the <c>...Path</c> twin field) or a JSONata expression.</summary>
internal sealed class DynamicValue
{
    public JData? Constant { get; init; }

    public JsonPath? Path { get; init; }

    public JsonataTemplate? Expression { get; init; }

    public string Field { get; init; } = string.Empty;

    public JData Evaluate(BranchContext branch, JData pathData, JData context, Func<JsonataEnvironment> jsonata)
    {
        if (Constant is not null)
        {
            return Constant;
        }

        if (Path is not null)
        {
            return branch.Run.PathScope(pathData, context, branch.Variables).Select(Path, Field);
        }

        return Expression!.EvaluateRequired(jsonata(), Field);
    }

    /// <summary>A non-negative whole number, or a States.Runtime error naming the field and the bad value.</summary>
    public long EvaluateCount(BranchContext branch, JData pathData, JData context, Func<JsonataEnvironment> jsonata)
    {
        var value = Evaluate(branch, pathData, context, jsonata);
        if (value is JNumber n && n.IsIntegral && n.Value >= 0)
        {
            return (long)n.Value;
        }

        var error = Expression is not null ? StatesErrors.QueryEvaluationError : StatesErrors.Runtime;
        throw new StatesErrorException(error, $"{Field} must be a non-negative integer, but it is {value.TypeName} {value.ToJson()}.");
    }

    public double EvaluateNumber(BranchContext branch, JData pathData, JData context, Func<JsonataEnvironment> jsonata)
    {
        var value = Evaluate(branch, pathData, context, jsonata);
        if (value is JNumber n && n.Value >= 0)
        {
            return n.Value;
        }

        var error = Expression is not null ? StatesErrors.QueryEvaluationError : StatesErrors.Runtime;
        throw new StatesErrorException(error, $"{Field} must be a non-negative number, but it is {value.TypeName} {value.ToJson()}.");
    }
}
