using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Model;

/// <summary>A <c>Pass</c> state: passes its input through, optionally injecting <see cref="Result"/>.</summary>
public sealed record PassState : FlowState
{
    /// <inheritdoc />
    public override StateType Type => StateType.Pass;

    /// <summary><c>Parameters</c>: the payload template (JSONPath states).</summary>
    public JsonElement? Parameters { get; init; }

    /// <summary><c>Result</c>: fixed data to output.</summary>
    public JsonElement? Result { get; init; }

    /// <summary><c>ResultPath</c>: where the result goes in the input.</summary>
    public OptionalPath? ResultPath { get; init; }
}
