using System.Collections.Immutable;
using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Model;

/// <summary>A <c>Choice</c> state: goes to the Next of the first rule that matches, else to <see cref="Default"/>.</summary>
public sealed record ChoiceState : State
{
    /// <inheritdoc />
    public override StateType Type => StateType.Choice;

    /// <summary><c>Choices</c>: the rules, tried in order.</summary>
    public ImmutableArray<ChoiceRule> Choices { get; init; } = [];

    /// <summary><c>Default</c>: where to go when no rule matches (else States.NoChoiceMatched).</summary>
    public string? Default { get; init; }

    /// <summary><c>InputPath</c>.</summary>
    public OptionalPath? InputPath { get; init; }

    /// <summary><c>OutputPath</c>.</summary>
    public OptionalPath? OutputPath { get; init; }

    /// <summary><c>Assign</c>: variables set when no rule matches and Default is taken.</summary>
    public JsonElement? Assign { get; init; }

    /// <summary><c>Output</c> (JSONata states).</summary>
    public JsonElement? Output { get; init; }

    /// <inheritdoc />
    public override IEnumerable<string> Transitions
    {
        get
        {
            foreach (var rule in Choices)
            {
                if (rule.Next is not null)
                {
                    yield return rule.Next;
                }
            }

            if (Default is not null)
            {
                yield return Default;
            }
        }
    }
}
