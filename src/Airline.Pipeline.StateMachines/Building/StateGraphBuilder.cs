using System.Collections.Immutable;
using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Building;

/// <summary>
/// Adds states to a graph (the state machine, a Parallel branch, a Map processor). The first state added is
/// StartAt unless <see cref="StartAt"/> says otherwise. A Task, Pass, Wait, Parallel or Map given neither
/// Next nor End continues with the state added after it, so a straight line needs no Next at all.
/// </summary>
/// <typeparam name="TSelf">The concrete builder, returned by every method.</typeparam>
public abstract class StateGraphBuilder<TSelf>
    where TSelf : StateGraphBuilder<TSelf>
{
    private readonly List<State> _states = [];
    private string? _startAt;
    private string? _comment;

    private protected StateGraphBuilder()
    {
    }

    private TSelf Self => (TSelf)this;

    /// <summary>Names the first state (default: the first one added).</summary>
    public TSelf StartAt(string stateName)
    {
        _startAt = stateName;
        return Self;
    }

    /// <summary>Sets the graph's Comment.</summary>
    public TSelf Comment(string comment)
    {
        _comment = comment;
        return Self;
    }

    /// <summary>Adds a Task calling a typed integration (see the Integrations namespace).</summary>
    public TSelf Task(string name, TaskIntegration integration, Action<TaskStateBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(integration);
        var builder = new TaskStateBuilder(name, integration.Resource);
        if (integration.Parameters is { } parameters)
        {
            builder.Parameters(parameters);
        }

        configure?.Invoke(builder);
        return Add(builder.Build());
    }

    /// <summary>Adds a Task calling a Resource ARN (a Lambda function, an activity, a service integration).</summary>
    public TSelf Task(string name, string resource, Action<TaskStateBuilder>? configure = null)
    {
        var builder = new TaskStateBuilder(name, resource);
        configure?.Invoke(builder);
        return Add(builder.Build());
    }

    /// <summary>Adds a Pass state.</summary>
    public TSelf Pass(string name, Action<PassStateBuilder>? configure = null)
    {
        var builder = new PassStateBuilder(name);
        configure?.Invoke(builder);
        return Add(builder.Build());
    }

    /// <summary>Adds a Choice state.</summary>
    public TSelf Choice(string name, Action<ChoiceStateBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ChoiceStateBuilder(name);
        configure(builder);
        return Add(builder.Build());
    }

    /// <summary>Adds a Wait of <paramref name="duration"/> (whole seconds) that goes to <paramref name="next"/>: a poll loop in one line.</summary>
    public TSelf Wait(string name, TimeSpan duration, string next) =>
        Wait(name, w => w.Seconds((int)Math.Ceiling(duration.TotalSeconds)).Next(next));

    /// <summary>Adds a Wait state.</summary>
    public TSelf Wait(string name, Action<WaitStateBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new WaitStateBuilder(name);
        configure(builder);
        return Add(builder.Build());
    }

    /// <summary>Adds a Succeed state.</summary>
    public TSelf Succeed(string name, string? comment = null) => Add(new SucceedState { Name = name, Comment = comment });

    /// <summary>Adds a Fail state with an error name and cause.</summary>
    public TSelf Fail(string name, string? error = null, string? cause = null) =>
        Add(new FailState { Name = name, Error = error, Cause = cause });

    /// <summary>Adds a Parallel state.</summary>
    public TSelf Parallel(string name, Action<ParallelStateBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ParallelStateBuilder(name);
        configure(builder);
        return Add(builder.Build());
    }

    /// <summary>Adds a Map state.</summary>
    public TSelf Map(string name, Action<MapStateBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new MapStateBuilder(name);
        configure(builder);
        return Add(builder.Build());
    }

    /// <summary>Adds a state made elsewhere (any model record).</summary>
    public TSelf State(State state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Add(state);
    }

    private protected string ResolvedStartAt => _startAt ?? (_states.Count > 0 ? _states[0].Name : string.Empty);

    private protected string? GraphComment => _comment;

    private protected ImmutableArray<State> BuildStates()
    {
        var states = ImmutableArray.CreateBuilder<State>(_states.Count);
        for (var i = 0; i < _states.Count; i++)
        {
            var state = _states[i];
            if (state is FlowState { Next: null, End: null } flow && i + 1 < _states.Count)
            {
                state = flow with { Next = _states[i + 1].Name };
            }

            states.Add(state);
        }

        return states.MoveToImmutable();
    }

    private TSelf Add(State state)
    {
        _states.Add(state);
        return Self;
    }
}

/// <summary>Builds one branch of a Parallel state.</summary>
public sealed class BranchBuilder : StateGraphBuilder<BranchBuilder>
{
    internal BranchBuilder()
    {
    }

    internal ParallelBranch Build() => new() { StartAt = ResolvedStartAt, States = BuildStates(), Comment = GraphComment };
}

/// <summary>Builds the ItemProcessor of a Map state.</summary>
public sealed class ItemProcessorBuilder : StateGraphBuilder<ItemProcessorBuilder>
{
    internal ItemProcessorBuilder()
    {
    }

    internal ProcessorConfig? Config { get; set; }

    internal ItemProcessor Build() => new() { StartAt = ResolvedStartAt, States = BuildStates(), Comment = GraphComment, ProcessorConfig = Config };
}
