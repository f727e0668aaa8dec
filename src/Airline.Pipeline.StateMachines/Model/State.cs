using System.Collections.Immutable;
using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Model;

/// <summary>A state of a <see cref="StateGraph"/>. The concrete records are sealed, one per <see cref="StateType"/>.</summary>
public abstract record State
{
    private protected State()
    {
    }

    /// <summary>The state's name: its key in <c>States</c> (1 to 80 characters).</summary>
    public required string Name { get; init; }

    /// <summary>The state's <c>Type</c>.</summary>
    public abstract StateType Type { get; }

    /// <summary>A human-readable description (<c>Comment</c>).</summary>
    public string? Comment { get; init; }

    /// <summary>This state's query language, overriding the state machine's (<c>QueryLanguage</c>).</summary>
    public QueryLanguage? QueryLanguage { get; init; }

    /// <summary>
    /// Fields this model does not know or that this state type does not allow, kept in input order so a
    /// round trip loses nothing; the validator reports them.
    /// </summary>
    public ImmutableArray<KeyValuePair<string, JsonElement>> UnknownFields { get; init; } = [];

    /// <summary>The names of the states this state can go to next, in order (Next, Choices, Default, Catch).</summary>
    public virtual IEnumerable<string> Transitions => [];

    /// <summary>True when the state ends its graph (End: true, Succeed, Fail).</summary>
    public virtual bool IsTerminal => false;
}

/// <summary>A state that continues with <c>Next</c> or ends with <c>End: true</c>.</summary>
public abstract record FlowState : State
{
    private protected FlowState()
    {
    }

    /// <summary>The state to run next (<c>Next</c>); exclusive with <see cref="End"/>.</summary>
    public string? Next { get; init; }

    /// <summary><c>End</c>: true ends the graph here.</summary>
    public bool? End { get; init; }

    /// <summary><c>InputPath</c>: selects part of the input (JSONPath states).</summary>
    public OptionalPath? InputPath { get; init; }

    /// <summary><c>OutputPath</c>: selects part of the output (JSONPath states).</summary>
    public OptionalPath? OutputPath { get; init; }

    /// <summary><c>Assign</c>: variables to set, a JSON object.</summary>
    public JsonElement? Assign { get; init; }

    /// <summary><c>Output</c>: the state output (JSONata states).</summary>
    public JsonElement? Output { get; init; }

    /// <inheritdoc />
    public override IEnumerable<string> Transitions => Next is null ? [] : [Next];

    /// <inheritdoc />
    public override bool IsTerminal => End == true;
}

/// <summary>A state that can retry and catch errors (Task, Parallel, Map).</summary>
public abstract record RecoverableState : FlowState
{
    private protected RecoverableState()
    {
    }

    /// <summary><c>Parameters</c>: the payload template (JSONPath states).</summary>
    public JsonElement? Parameters { get; init; }

    /// <summary><c>Arguments</c>: the payload (JSONata states).</summary>
    public JsonElement? Arguments { get; init; }

    /// <summary><c>ResultSelector</c>: reshapes the result before ResultPath (JSONPath states).</summary>
    public JsonElement? ResultSelector { get; init; }

    /// <summary><c>ResultPath</c>: where the result goes in the input (JSONPath states).</summary>
    public OptionalPath? ResultPath { get; init; }

    /// <summary><c>Retry</c>: retriers, tried in order.</summary>
    public ImmutableArray<Retrier> Retry { get; init; } = [];

    /// <summary><c>Catch</c>: catchers, tried in order after retries are exhausted.</summary>
    public ImmutableArray<Catcher> Catch { get; init; } = [];

    /// <inheritdoc />
    public override IEnumerable<string> Transitions
    {
        get
        {
            if (Next is not null)
            {
                yield return Next;
            }

            foreach (var catcher in Catch)
            {
                yield return catcher.Next;
            }
        }
    }
}
