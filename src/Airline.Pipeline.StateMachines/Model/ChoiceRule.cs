using System.Collections.Immutable;
using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Model;

/// <summary>
/// A rule of a Choice state. A JSONPath rule is a comparison (<see cref="Variable"/> + <see cref="Operator"/> +
/// <see cref="Operand"/>) or a combination (<see cref="And"/>, <see cref="Or"/>, <see cref="Not"/>);
/// a JSONata rule is a <see cref="Condition"/>. Only top-level rules have <see cref="Next"/>.
/// </summary>
public sealed record ChoiceRule
{
    /// <summary><c>Next</c>: where to go when the rule matches (top-level rules only).</summary>
    public string? Next { get; init; }

    /// <summary><c>Comment</c>.</summary>
    public string? Comment { get; init; }

    /// <summary><c>Condition</c>: a JSONata <c>{% ... %}</c> expression (JSONata states).</summary>
    public JsonElement? Condition { get; init; }

    /// <summary><c>Variable</c>: the path of the value to test (JSONPath states).</summary>
    public string? Variable { get; init; }

    /// <summary>The comparison operator, e.g. StringEquals.</summary>
    public ChoiceOperator? Operator { get; init; }

    /// <summary>The operator's value as written (a string, number, boolean or path).</summary>
    public JsonElement? Operand { get; init; }

    /// <summary><c>And</c>: all rules must match.</summary>
    public ImmutableArray<ChoiceRule>? And { get; init; }

    /// <summary><c>Or</c>: any rule must match.</summary>
    public ImmutableArray<ChoiceRule>? Or { get; init; }

    /// <summary><c>Not</c>: the rule must not match.</summary>
    public ChoiceRule? Not { get; init; }

    /// <summary><c>Assign</c>: variables set when this rule is taken.</summary>
    public JsonElement? Assign { get; init; }

    /// <summary><c>Output</c> (JSONata states): the state output when this rule is taken.</summary>
    public JsonElement? Output { get; init; }

    /// <summary>Fields this model does not know (or a second comparison operator).</summary>
    public ImmutableArray<KeyValuePair<string, JsonElement>> UnknownFields { get; init; } = [];
}
