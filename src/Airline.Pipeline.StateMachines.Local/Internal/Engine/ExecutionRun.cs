using System.Globalization;
using Airline.Pipeline.StateMachines.Local.Internal.Definition;
using Airline.Pipeline.StateMachines.Local.Internal.Json;
using Airline.Pipeline.StateMachines.Local.Internal.Jsonata;
using Airline.Pipeline.StateMachines.Local.Internal.Paths;

namespace Airline.Pipeline.StateMachines.Local.Internal.Engine;

/// <summary>One execution: its clock, randomness, history, handlers and context object.</summary>
internal sealed class ExecutionRun
{
    private readonly MachineDefinition _machine;
    private readonly StateMachineRunnerOptions _options;
    private readonly Dictionary<ITaskHandler, int> _calls = new(ReferenceEqualityComparer.Instance);
    private JObject? _executionContext;
    private JObject? _stateMachineContext;

    public ExecutionRun(MachineDefinition machine, StateMachineRunnerOptions options, IExecutionClock clock, Random random, string executionName)
    {
        _machine = machine;
        _options = options;
        Clock = clock;
        Random = random;
        ExecutionName = executionName;
        History = new HistoryRecorder(clock, options.MaxHistoryEvents);
        StateMachineArn = $"arn:aws:states:{options.Region}:{options.AccountId}:stateMachine:{options.StateMachineName}";
        ExecutionArn = $"arn:aws:states:{options.Region}:{options.AccountId}:execution:{options.StateMachineName}:{executionName}";
    }

    public IExecutionClock Clock { get; }

    public Random Random { get; }

    public string ExecutionName { get; }

    public string ExecutionArn { get; }

    public string StateMachineArn { get; }

    public HistoryRecorder History { get; }

    public TaskHandlerRegistry Handlers => _options.Handlers;

    public int MaxPayloadBytes => _options.MaxPayloadBytes;

    public async Task<ExecutionResult> RunAsync(JData input, CancellationToken cancellationToken)
    {
        var start = Clock.UtcNow;
        _executionContext = new JObjectBuilder()
            .Set("Id", new JString(ExecutionArn))
            .Set("Input", input)
            .Set("Name", new JString(ExecutionName))
            .Set("RoleArn", new JString($"arn:aws:iam::{_options.AccountId}:role/StepFunctionsLocalRole"))
            .Set("StartTime", new JString(FormatTime(start)))
            .Set("RedriveCount", JNumber.Of(0))
            .Build();
        _stateMachineContext = new JObjectBuilder()
            .Set("Id", new JString(StateMachineArn))
            .Set("Name", new JString(_options.StateMachineName))
            .Build();

        using var execution = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timedOut = false;
        var timeout = _options.ExecutionTimeout ?? (_machine.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
        using var timer = timeout is { } t ? Clock.StartTimer(t, () =>
        {
            timedOut = true;
            execution.Cancel();
        }) : null;

        var main = new BranchContext(this, new VariableScope(null), execution.Token);
        try
        {
            main.Record(HistoryEventType.ExecutionStarted, null, input: input);
            CheckSize(input, "the execution input", null);
            var output = await RunMachineAsync(_machine, input, main).ConfigureAwait(false);
            CheckSize(output, "the execution output", null);
            main.Record(HistoryEventType.ExecutionSucceeded, null, output: output);
            return Result(ExecutionStatus.Succeeded, output, null, null, start);
        }
        catch (StatesErrorException ex) when (!execution.IsCancellationRequested)
        {
            // A Fail state without Error fails the execution with no error name.
            var error = ex.Error.Length == 0 ? null : ex.Error;
            main.Record(HistoryEventType.ExecutionFailed, null, error: error, cause: ex.Cause);
            return Result(ExecutionStatus.Failed, null, error, ex.Cause, start);
        }
        catch (HistoryLimitExceededException ex)
        {
            main.Record(HistoryEventType.ExecutionFailed, null, error: StatesErrors.Runtime, cause: ex.Message);
            return Result(ExecutionStatus.Failed, null, StatesErrors.Runtime, ex.Message, start);
        }
        catch (Exception ex) when (execution.IsCancellationRequested && ex is OperationCanceledException or StatesErrorException)
        {
            if (timedOut)
            {
                var cause = $"The execution ran longer than its timeout of {timeout!.Value.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds.";
                main.Record(HistoryEventType.ExecutionTimedOut, null, error: StatesErrors.Timeout, cause: cause);
                return Result(ExecutionStatus.TimedOut, null, StatesErrors.Timeout, cause, start);
            }

            const string aborted = "The execution was cancelled.";
            main.Record(HistoryEventType.ExecutionAborted, null, error: "States.Aborted", cause: aborted);
            return Result(ExecutionStatus.Aborted, null, "States.Aborted", aborted, start);
        }
    }

    private ExecutionResult Result(ExecutionStatus status, JData? output, string? error, string? cause, DateTimeOffset start) =>
        new(ExecutionArn, status, output, error, cause, History.Events, start, Clock.UtcNow);

    /// <summary>Runs a machine or branch from its StartAt to an end; an uncaught error propagates.</summary>
    public async ValueTask<JData> RunMachineAsync(MachineDefinition machine, JData input, BranchContext branch)
    {
        var state = machine.States[machine.StartAt];
        while (true)
        {
            branch.CancellationToken.ThrowIfCancellationRequested();
            var entered = Clock.UtcNow;
            branch.Record(state.EnteredEvent, state.Name, input: input);
            var step = await state.ExecuteAsync(branch, input, entered).ConfigureAwait(false);
            CheckSize(step.Output, $"the output of state '{state.Name}'", state.Name);
            if (state.ExitedEvent is { } exited)
            {
                branch.Record(exited, state.Name, output: step.Output);
            }

            if (step.Next is null)
            {
                return step.Output;
            }

            input = step.Output;
            state = machine.States[step.Next];
        }
    }

    public JObject BuildContext(string stateName, DateTimeOffset entered, int retryCount, JObject? extra = null)
    {
        var state = new JObject(["EnteredTime", "Name", "RetryCount"], [TimeText(entered), new JString(stateName), retryCount == 0 ? Zero : JNumber.Of(retryCount)]);
        var context = new JObject(["Execution", "State", "StateMachine"], [_executionContext!, state, _stateMachineContext!]);
        if (extra is not null)
        {
            for (var i = 0; i < extra.Count; i++)
            {
                context = context.With(extra.KeyAt(i), extra.ValueAt(i));
            }
        }

        return context;
    }

    private static readonly JNumber Zero = JNumber.Of(0);
    private CachedTime? _lastTime;

    /// <summary>Virtual time rarely moves between states: format each instant once (one reference swap, so branches never see a torn pair).</summary>
    private JString TimeText(DateTimeOffset time)
    {
        var cached = _lastTime;
        if (cached is not null && cached.Time == time)
        {
            return cached.Text;
        }

        cached = new CachedTime(time, new JString(FormatTime(time)));
        _lastTime = cached;
        return cached.Text;
    }

    private sealed record CachedTime(DateTimeOffset Time, JString Text);

    public PathScope PathScope(JData data, JData context, VariableScope variables) => new(data, context, variables, Random);

    public JsonataEnvironment Jsonata(JData input, JData? result, JData? errorOutput, JData context, VariableScope variables)
    {
        var states = new JObjectBuilder().Set("input", input);
        if (result is not null)
        {
            states.Set("result", result);
        }

        if (errorOutput is not null)
        {
            states.Set("errorOutput", errorOutput);
        }

        states.Set("context", context);
        return new JsonataEnvironment(states.Build(), input, variables, Random, () => Clock.UtcNow);
    }

    public void CheckSize(JData value, string what, string? stateName)
    {
        var size = PayloadSize.Measure(value, MaxPayloadBytes);
        if (size > MaxPayloadBytes)
        {
            throw new StatesErrorException(
                StatesErrors.DataLimitExceeded,
                $"The state/task '{stateName ?? "(execution)"}' returned a result with a size exceeding the maximum number of bytes service limit: {what} is {size}+ bytes, over {MaxPayloadBytes}.");
        }
    }

    public int NextCallNumber(ITaskHandler handler)
    {
        lock (_calls)
        {
            _calls.TryGetValue(handler, out var count);
            _calls[handler] = ++count;
            return count;
        }
    }

    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
