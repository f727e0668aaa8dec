using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Model;

/// <summary>A <c>Succeed</c> state: ends its graph successfully.</summary>
public sealed record SucceedState : State
{
    /// <inheritdoc />
    public override StateType Type => StateType.Succeed;

    /// <summary><c>InputPath</c>.</summary>
    public OptionalPath? InputPath { get; init; }

    /// <summary><c>OutputPath</c>.</summary>
    public OptionalPath? OutputPath { get; init; }

    /// <summary><c>Output</c> (JSONata states).</summary>
    public JsonElement? Output { get; init; }

    /// <inheritdoc />
    public override bool IsTerminal => true;
}
