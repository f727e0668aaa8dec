using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Building;

/// <summary>Fields shared by Task, Pass, Wait, Parallel and Map builders.</summary>
/// <typeparam name="TSelf">The concrete builder.</typeparam>
/// <typeparam name="TState">The state record it builds.</typeparam>
public abstract class FlowStateBuilder<TSelf, TState>
    where TSelf : FlowStateBuilder<TSelf, TState>
    where TState : FlowState
{
    private protected FlowStateBuilder(TState state) => Current = state;

    private protected TState Current { get; set; }

    private protected TSelf Self => (TSelf)this;

    /// <summary>Goes to <paramref name="stateName"/> next.</summary>
    public TSelf Next(string stateName) => Flow(s => s with { Next = stateName, End = null });

    /// <summary>Ends the graph here (<c>End: true</c>).</summary>
    public TSelf End() => Flow(s => s with { Next = null, End = true });

    /// <summary>Sets Comment.</summary>
    public TSelf Comment(string comment) => Flow(s => s with { Comment = comment });

    /// <summary>Sets this state's QueryLanguage.</summary>
    public TSelf QueryLanguage(QueryLanguage language) => Flow(s => s with { QueryLanguage = language });

    /// <summary>Sets InputPath (null: JSON null, the state gets <c>{}</c>).</summary>
    public TSelf InputPath(string? path) => Flow(s => s with { InputPath = new OptionalPath(path) });

    /// <summary>Sets OutputPath (null: JSON null, the state outputs <c>{}</c>).</summary>
    public TSelf OutputPath(string? path) => Flow(s => s with { OutputPath = new OptionalPath(path) });

    /// <summary>Sets Assign: variables (an object; see <see cref="Json.From"/>).</summary>
    public TSelf Assign(object variables) => Flow(s => s with { Assign = Json.From(variables) });

    /// <summary>Sets Output (JSONata).</summary>
    public TSelf Output(object output) => Flow(s => s with { Output = Json.From(output) });

    private protected TSelf Flow(Func<FlowState, FlowState> change)
    {
        Current = (TState)change(Current);
        return Self;
    }

    internal TState Build() => Current;
}

/// <summary>Fields shared by Task, Parallel and Map builders: payloads, results, Retry and Catch.</summary>
/// <typeparam name="TSelf">The concrete builder.</typeparam>
/// <typeparam name="TState">The state record it builds.</typeparam>
public abstract class RecoverableStateBuilder<TSelf, TState> : FlowStateBuilder<TSelf, TState>
    where TSelf : RecoverableStateBuilder<TSelf, TState>
    where TState : RecoverableState
{
    private protected RecoverableStateBuilder(TState state)
        : base(state)
    {
    }

    /// <summary>Sets Parameters (JSONPath): keys ending in <c>.$</c> take paths or intrinsic functions.</summary>
    public TSelf Parameters(object parameters) => Recoverable(s => s with { Parameters = Json.From(parameters) });

    /// <summary>Sets Arguments (JSONata).</summary>
    public TSelf Arguments(object arguments) => Recoverable(s => s with { Arguments = Json.From(arguments) });

    /// <summary>Sets ResultSelector: reshapes the result.</summary>
    public TSelf ResultSelector(object selector) => Recoverable(s => s with { ResultSelector = Json.From(selector) });

    /// <summary>Sets ResultPath (null: discard the result and pass the input on).</summary>
    public TSelf ResultPath(string? path) => Recoverable(s => s with { ResultPath = new OptionalPath(path) });

    /// <summary>Adds a retrier.</summary>
    public TSelf Retry(Retrier retrier) => Recoverable(s => s with { Retry = s.Retry.Add(retrier) });

    /// <summary>Adds a retrier for <paramref name="errors"/>.</summary>
    public TSelf Retry(IEnumerable<string> errors, int? intervalSeconds = null, int? maxAttempts = null, decimal? backoffRate = null,
        int? maxDelaySeconds = null, JitterStrategy? jitter = null) =>
        Retry(new Retrier
        {
            ErrorEquals = [.. errors],
            IntervalSeconds = intervalSeconds,
            MaxAttempts = maxAttempts,
            BackoffRate = backoffRate,
            MaxDelaySeconds = maxDelaySeconds,
            JitterStrategy = jitter,
        });

    /// <summary>Adds a catcher.</summary>
    public TSelf Catch(Catcher catcher) => Recoverable(s => s with { Catch = s.Catch.Add(catcher) });

    /// <summary>Adds a catcher for <paramref name="errors"/> going to <paramref name="next"/>, the error put at <paramref name="resultPath"/>.</summary>
    public TSelf Catch(IEnumerable<string> errors, string next, string? resultPath = "$.error") =>
        Catch(new Catcher { ErrorEquals = [.. errors], Next = next, ResultPath = new OptionalPath(resultPath) });

    /// <summary>Catches every error (<c>States.ALL</c>) and goes to <paramref name="next"/>; the error goes to <paramref name="resultPath"/>.</summary>
    public TSelf CatchAll(string next, string? resultPath = "$.error") => Catch([ErrorNames.All], next, resultPath);

    private protected TSelf Recoverable(Func<TState, TState> change)
    {
        Current = change(Current);
        return Self;
    }
}
