using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Building;

/// <summary>Configures a Task state.</summary>
public sealed class TaskStateBuilder : RecoverableStateBuilder<TaskStateBuilder, TaskState>
{
    internal TaskStateBuilder(string name, string resource)
        : base(new TaskState { Name = name, Resource = resource })
    {
    }

    /// <summary>Sets TimeoutSeconds.</summary>
    public TaskStateBuilder Timeout(TimeSpan timeout) => Recoverable(s => s with { TimeoutSeconds = (int)Math.Ceiling(timeout.TotalSeconds) });

    /// <summary>Sets TimeoutSecondsPath.</summary>
    public TaskStateBuilder TimeoutPath(string path) => Recoverable(s => s with { TimeoutSecondsPath = path });

    /// <summary>Sets HeartbeatSeconds (less than the timeout).</summary>
    public TaskStateBuilder Heartbeat(TimeSpan heartbeat) => Recoverable(s => s with { HeartbeatSeconds = (int)Math.Ceiling(heartbeat.TotalSeconds) });

    /// <summary>Sets HeartbeatSecondsPath.</summary>
    public TaskStateBuilder HeartbeatPath(string path) => Recoverable(s => s with { HeartbeatSecondsPath = path });

    /// <summary>Sets Credentials: the role to assume, e.g. <c>new { RoleArn = "arn:aws:iam::123456789012:role/x" }</c>.</summary>
    public TaskStateBuilder Credentials(object credentials) => Recoverable(s => s with { Credentials = Json.From(credentials) });
}

/// <summary>Configures a Pass state.</summary>
public sealed class PassStateBuilder : FlowStateBuilder<PassStateBuilder, PassState>
{
    internal PassStateBuilder(string name)
        : base(new PassState { Name = name })
    {
    }

    /// <summary>Sets Result: fixed output data.</summary>
    public PassStateBuilder Result(object result) => Pass(s => s with { Result = Json.From(result) });

    /// <summary>Sets Parameters.</summary>
    public PassStateBuilder Parameters(object parameters) => Pass(s => s with { Parameters = Json.From(parameters) });

    /// <summary>Sets ResultPath (null: discard).</summary>
    public PassStateBuilder ResultPath(string? path) => Pass(s => s with { ResultPath = new OptionalPath(path) });

    private PassStateBuilder Pass(Func<PassState, PassState> change)
    {
        Current = change(Current);
        return this;
    }
}

/// <summary>Configures a Wait state: exactly one of Seconds, SecondsPath, Timestamp, TimestampPath.</summary>
public sealed class WaitStateBuilder : FlowStateBuilder<WaitStateBuilder, WaitState>
{
    internal WaitStateBuilder(string name)
        : base(new WaitState { Name = name })
    {
    }

    /// <summary>Waits a number of seconds (or a JSONata expression).</summary>
    public WaitStateBuilder Seconds(NumberOrExpression seconds) => Wait(s => s with { Seconds = seconds });

    /// <summary>Waits the seconds found at a path.</summary>
    public WaitStateBuilder SecondsPath(string path) => Wait(s => s with { SecondsPath = path });

    /// <summary>Waits until a time.</summary>
    public WaitStateBuilder Until(DateTimeOffset timestamp) =>
        Wait(s => s with { Timestamp = timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Waits until a timestamp string (RFC 3339) or JSONata expression.</summary>
    public WaitStateBuilder Timestamp(string timestamp) => Wait(s => s with { Timestamp = timestamp });

    /// <summary>Waits until the timestamp found at a path.</summary>
    public WaitStateBuilder TimestampPath(string path) => Wait(s => s with { TimestampPath = path });

    private WaitStateBuilder Wait(Func<WaitState, WaitState> change)
    {
        Current = change(Current);
        return this;
    }
}

/// <summary>Configures a Choice state: rules tried in order, then Default.</summary>
public sealed class ChoiceStateBuilder
{
    private ChoiceState _state;

    internal ChoiceStateBuilder(string name) => _state = new ChoiceState { Name = name };

    /// <summary>Goes to <paramref name="next"/> when <paramref name="condition"/> matches (see <see cref="Condition"/>).</summary>
    public ChoiceStateBuilder When(ChoiceRule condition, string next, object? assign = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var rule = condition with { Next = next, Assign = assign is null ? condition.Assign : Json.From(assign) };
        _state = _state with { Choices = _state.Choices.Add(rule) };
        return this;
    }

    /// <summary>Goes to <paramref name="next"/> when no rule matches (Default).</summary>
    public ChoiceStateBuilder Otherwise(string next)
    {
        _state = _state with { Default = next };
        return this;
    }

    /// <summary>Sets Comment.</summary>
    public ChoiceStateBuilder Comment(string comment)
    {
        _state = _state with { Comment = comment };
        return this;
    }

    /// <summary>Sets this state's QueryLanguage.</summary>
    public ChoiceStateBuilder QueryLanguage(QueryLanguage language)
    {
        _state = _state with { QueryLanguage = language };
        return this;
    }

    /// <summary>Sets InputPath.</summary>
    public ChoiceStateBuilder InputPath(string? path)
    {
        _state = _state with { InputPath = new OptionalPath(path) };
        return this;
    }

    /// <summary>Sets OutputPath.</summary>
    public ChoiceStateBuilder OutputPath(string? path)
    {
        _state = _state with { OutputPath = new OptionalPath(path) };
        return this;
    }

    /// <summary>Sets Output (JSONata).</summary>
    public ChoiceStateBuilder Output(object output)
    {
        _state = _state with { Output = Json.From(output) };
        return this;
    }

    internal ChoiceState Build() => _state;
}

/// <summary>Configures a Parallel state.</summary>
public sealed class ParallelStateBuilder : RecoverableStateBuilder<ParallelStateBuilder, ParallelState>
{
    internal ParallelStateBuilder(string name)
        : base(new ParallelState { Name = name })
    {
    }

    /// <summary>Adds a branch: a closed world of states.</summary>
    public ParallelStateBuilder Branch(Action<BranchBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var branch = new BranchBuilder();
        configure(branch);
        return Recoverable(s => s with { Branches = s.Branches.Add(branch.Build()) });
    }
}

/// <summary>Configures a Map state (inline by default; <see cref="Distributed"/> for child executions).</summary>
public sealed class MapStateBuilder : RecoverableStateBuilder<MapStateBuilder, MapState>
{
    private ProcessorConfig? _config;

    internal MapStateBuilder(string name)
        : base(new MapState { Name = name })
    {
    }

    /// <summary>Sets the states run for each item.</summary>
    public MapStateBuilder ItemProcessor(Action<ItemProcessorBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var processor = new ItemProcessorBuilder { Config = _config };
        configure(processor);
        return Recoverable(s => s with { ItemProcessor = processor.Build() });
    }

    /// <summary>Runs iterations as child workflow executions (distributed Map).</summary>
    public MapStateBuilder Distributed(MapExecutionType executionType = MapExecutionType.Standard)
    {
        _config = new ProcessorConfig { Mode = MapMode.Distributed, ExecutionType = executionType };
        return Recoverable(s => s.ItemProcessor is null ? s : s with { ItemProcessor = s.ItemProcessor with { ProcessorConfig = _config } });
    }

    /// <summary>Sets ItemsPath (JSONPath).</summary>
    public MapStateBuilder ItemsPath(string path) => Recoverable(s => s with { ItemsPath = path });

    /// <summary>Sets Items (JSONata): an array or an expression.</summary>
    public MapStateBuilder Items(object items) => Recoverable(s => s with { Items = Json.From(items) });

    /// <summary>Sets ItemSelector: the template each item goes through.</summary>
    public MapStateBuilder ItemSelector(object selector) => Recoverable(s => s with { ItemSelector = Json.From(selector) });

    /// <summary>Sets ItemReader (distributed).</summary>
    public MapStateBuilder ItemReader(ItemReader reader) => Recoverable(s => s with { ItemReader = reader });

    /// <summary>Sets ItemBatcher, e.g. <c>new { MaxItemsPerBatch = 100 }</c>.</summary>
    public MapStateBuilder ItemBatcher(object batcher) => Recoverable(s => s with { ItemBatcher = Json.From(batcher) });

    /// <summary>Sets ResultWriter, e.g. <c>new { Resource = "arn:aws:states:::s3:putObject", Parameters = new { Bucket = "b", Prefix = "p" } }</c>.</summary>
    public MapStateBuilder ResultWriter(object writer) => Recoverable(s => s with { ResultWriter = Json.From(writer) });

    /// <summary>Sets MaxConcurrency (0: no limit).</summary>
    public MapStateBuilder MaxConcurrency(NumberOrExpression maxConcurrency) => Recoverable(s => s with { MaxConcurrency = maxConcurrency });

    /// <summary>Sets MaxConcurrencyPath.</summary>
    public MapStateBuilder MaxConcurrencyPath(string path) => Recoverable(s => s with { MaxConcurrencyPath = path });

    /// <summary>Sets ToleratedFailureCount.</summary>
    public MapStateBuilder ToleratedFailureCount(NumberOrExpression count) => Recoverable(s => s with { ToleratedFailureCount = count });

    /// <summary>Sets ToleratedFailureCountPath.</summary>
    public MapStateBuilder ToleratedFailureCountPath(string path) => Recoverable(s => s with { ToleratedFailureCountPath = path });

    /// <summary>Sets ToleratedFailurePercentage (0 to 100).</summary>
    public MapStateBuilder ToleratedFailurePercentage(NumberOrExpression percentage) => Recoverable(s => s with { ToleratedFailurePercentage = percentage });

    /// <summary>Sets ToleratedFailurePercentagePath.</summary>
    public MapStateBuilder ToleratedFailurePercentagePath(string path) => Recoverable(s => s with { ToleratedFailurePercentagePath = path });

    /// <summary>Sets Label (distributed, up to 40 characters).</summary>
    public MapStateBuilder Label(string label) => Recoverable(s => s with { Label = label });

    /// <summary>Sets the legacy Iterator instead of ItemProcessor (older definitions; prefer ItemProcessor).</summary>
    public MapStateBuilder LegacyIterator(Action<ItemProcessorBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var processor = new ItemProcessorBuilder();
        configure(processor);
        return Recoverable(s => s with { Iterator = processor.Build() });
    }
}
