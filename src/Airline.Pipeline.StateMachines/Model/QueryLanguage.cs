namespace Airline.Pipeline.StateMachines.Model;

/// <summary>The language a state uses to select and transform data (<c>QueryLanguage</c>).</summary>
public enum QueryLanguage
{
    /// <summary><c>JSONPath</c>: InputPath, Parameters, ResultSelector, ResultPath, OutputPath (the default).</summary>
    JsonPath,

    /// <summary><c>JSONata</c>: Arguments, Output, Condition, Items with <c>{% expression %}</c> strings.</summary>
    Jsonata,
}
