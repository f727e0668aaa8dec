using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Jsonata;

/// <summary>What a JSONata expression sees: <c>$states</c>, the workflow variables and the execution's clock and randomness.</summary>
internal sealed class JsonataEnvironment(JData states, JData input, VariableScope variables, Random random, Func<DateTimeOffset> now)
{
    public JData States { get; } = states;

    public JData Input { get; } = input;

    public VariableScope Variables { get; } = variables;

    public Random Random { get; } = random;

    public Func<DateTimeOffset> Now { get; } = now;
}

/// <summary>A parsed JSONata expression; <see cref="Evaluate"/> returns null for JSONata's "undefined".</summary>
internal abstract class JsonataNode
{
    public int Position { get; init; }

    public abstract JData? Evaluate(JData? context, JsonataScope scope);
}

/// <summary>Bindings during evaluation: the environment plus local <c>$</c> names (not used by the subset beyond $states and variables).</summary>
internal sealed class JsonataScope(JsonataEnvironment environment)
{
    public JsonataEnvironment Environment { get; } = environment;
}

/// <summary>A JSONata expression text that the subset does not accept; Position is 0-based.</summary>
internal sealed class JsonataSyntaxException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}
