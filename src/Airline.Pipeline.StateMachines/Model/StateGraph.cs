using System.Collections.Immutable;
using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Model;

/// <summary>
/// A set of states with a start: the state machine itself, a Parallel branch or a Map processor.
/// Each is a closed world: its states' Next, Default and Catch targets name states of the same graph.
/// </summary>
public abstract record StateGraph
{
    private readonly ImmutableArray<State> _states = [];
    private Dictionary<string, State>? _index;

    /// <summary>The name of the first state (<c>StartAt</c>).</summary>
    public required string StartAt { get; init; }

    /// <summary>The states in document order (<c>States</c>).</summary>
    public ImmutableArray<State> States
    {
        get => _states;
        init
        {
            _states = value.IsDefault ? [] : value;
            _index = null;
        }
    }

    /// <summary>A human-readable description (<c>Comment</c>).</summary>
    public string? Comment { get; init; }

    /// <summary>Fields this model does not know, kept in order so that a round trip loses nothing.</summary>
    public ImmutableArray<KeyValuePair<string, JsonElement>> UnknownFields { get; init; } = [];

    /// <summary>The state called <paramref name="name"/> in this graph (not in nested graphs), or null.</summary>
    public State? FindState(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = _index;
        if (index is null)
        {
            index = new Dictionary<string, State>(_states.Length, StringComparer.Ordinal);
            foreach (var state in _states)
            {
                index.TryAdd(state.Name, state);
            }

            _index = index;
        }

        return index.GetValueOrDefault(name);
    }
}

/// <summary>One branch of a <see cref="ParallelState"/>.</summary>
public sealed record ParallelBranch : StateGraph;

/// <summary>The states a <see cref="MapState"/> runs for each item (<c>ItemProcessor</c> or legacy <c>Iterator</c>).</summary>
public sealed record ItemProcessor : StateGraph
{
    /// <summary><c>ProcessorConfig</c>: inline or distributed mode and the child execution type.</summary>
    public ProcessorConfig? ProcessorConfig { get; init; }
}

/// <summary><c>ProcessorConfig</c> of a Map state's ItemProcessor.</summary>
public sealed record ProcessorConfig
{
    /// <summary><c>Mode</c>: INLINE (default) or DISTRIBUTED.</summary>
    public MapMode? Mode { get; init; }

    /// <summary><c>ExecutionType</c> of the child workflows (distributed mode only).</summary>
    public MapExecutionType? ExecutionType { get; init; }

    /// <summary>Fields this model does not know.</summary>
    public ImmutableArray<KeyValuePair<string, JsonElement>> UnknownFields { get; init; } = [];
}

/// <summary>Processing mode of a Map state.</summary>
public enum MapMode
{
    /// <summary>Iterations run inside the parent execution (at most 40 concurrently).</summary>
    Inline,

    /// <summary>Iterations run as child workflow executions (up to 10,000 concurrently).</summary>
    Distributed,
}

/// <summary>Execution type of a distributed Map's child workflows.</summary>
public enum MapExecutionType
{
    /// <summary>Standard workflows.</summary>
    Standard,

    /// <summary>Express workflows.</summary>
    Express,
}
