using System.Globalization;
using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;
using Airline.Pipeline.StateMachines.Local.Internal.Jsonata;

namespace Airline.Pipeline.StateMachines.Local.Internal.Definition;

/// <summary>A Task state: runs its handler with timeouts and heartbeats, then Retry/Catch and result processing.</summary>
internal sealed class TaskState : RecoverableStateNode
{
    public required string Resource { get; init; }

    public Template? Parameters { get; init; }

    public JsonataTemplate? Arguments { get; init; }

    public DynamicValue? TimeoutSeconds { get; init; }

    public DynamicValue? HeartbeatSeconds { get; init; }

    public override HistoryEventType EnteredEvent => HistoryEventType.TaskStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.TaskStateExited;

    private bool WaitsForToken => Resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal);

    protected override JObject? ExtraContext() => null;

    public override ValueTask<StepResult> ExecuteAsync(BranchContext branch, JData input, DateTimeOffset entered)
    {
        var effective = input;
        if (Language == QueryLanguage.JsonPath && (InputPath is not null || InputPathNull))
        {
            effective = ApplyInputPath(branch, input, branch.Run.BuildContext(Name, entered, 0));
        }

        return RunWithRecoveryAsync(branch, input, entered, (context, retryCount) => AttemptAsync(branch, input, effective, context, retryCount));
    }

    private async ValueTask<StepResult> AttemptAsync(BranchContext branch, JData input, JData effective, JObject context, int retryCount)
    {
        var run = branch.Run;
        if (WaitsForToken)
        {
            var token = IntrinsicTokens.TaskToken(run.Random);
            context = context.With("Task", new JObjectBuilder().Set("Token", new JString(token)).Build());
        }

        JData parameters;
        if (Language == QueryLanguage.Jsonata)
        {
            parameters = Arguments is null ? input : Arguments.EvaluateRequired(run.Jsonata(input, null, null, context, branch.Variables), $"the Arguments of state '{Name}'");
        }
        else
        {
            parameters = Parameters is null ? effective : Parameters.Evaluate(run.PathScope(effective, context, branch.Variables));
        }

        run.CheckSize(parameters, $"the parameters of state '{Name}'", Name);
        var handler = run.Handlers.Find(Name, Resource)
            ?? throw StatesErrorException.Runtime(
                $"No task handler is registered for Task state '{Name}' (resource '{Resource}'). Register one with handlers.ForState(\"{Name}\", ...) or handlers.ForResource(\"{Resource}\", ...).");

        branch.Record(HistoryEventType.TaskScheduled, Name, input: parameters, resource: Resource);
        JData Environment() => Language == QueryLanguage.Jsonata ? JData.Null : effective;
        JsonataEnvironment JsonataEnvironment() => run.Jsonata(input, null, null, context, branch.Variables);
        var timeout = TimeoutSeconds?.EvaluateNumber(branch, Environment(), context, JsonataEnvironment);
        var heartbeat = HeartbeatSeconds?.EvaluateNumber(branch, Environment(), context, JsonataEnvironment);
        branch.Record(HistoryEventType.TaskStarted, Name, resource: Resource);

        JData result;
        try
        {
            result = await InvokeAsync(branch, handler, parameters, context, retryCount, timeout, heartbeat).ConfigureAwait(false);
        }
        catch (TaskFailedException ex)
        {
            branch.Record(HistoryEventType.TaskFailed, Name, error: ex.Error, cause: ex.Cause, resource: Resource);
            throw new StatesErrorException(ex.Error, ex.Cause);
        }
        catch (StatesErrorException ex) when (ex.Error is StatesErrors.Timeout or StatesErrors.HeartbeatTimeout)
        {
            branch.Record(HistoryEventType.TaskTimedOut, Name, error: ex.Error, cause: ex.Cause, resource: Resource);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not StatesErrorException && ex is not HistoryLimitExceededException)
        {
            branch.Record(HistoryEventType.TaskFailed, Name, error: ex.GetType().Name, cause: ex.Message, resource: Resource);
            throw new StatesErrorException(ex.GetType().Name, ex.Message);
        }
        catch (OperationCanceledException) when (!branch.CancellationToken.IsCancellationRequested)
        {
            const string cause = "The task handler was cancelled.";
            branch.Record(HistoryEventType.TaskFailed, Name, error: StatesErrors.TaskFailed, cause: cause, resource: Resource);
            throw new StatesErrorException(StatesErrors.TaskFailed, cause);
        }

        try
        {
            run.CheckSize(result, $"the result of task '{Name}'", Name);
        }
        catch (StatesErrorException ex)
        {
            branch.Record(HistoryEventType.TaskFailed, Name, error: ex.Error, cause: ex.Cause, resource: Resource);
            throw;
        }

        branch.Record(HistoryEventType.TaskSucceeded, Name, output: result, resource: Resource);
        return new StepResult(ProcessResult(branch, input, result, context), Next);
    }

    private async ValueTask<JData> InvokeAsync(BranchContext branch, ITaskHandler handler, JData parameters, JObject context, int retryCount, double? timeout, double? heartbeat)
    {
        var run = branch.Run;
        if (timeout is null && heartbeat is null)
        {
            var invocation = new TaskInvocation(Name, Resource, parameters, context, retryCount, run.NextCallNumber(handler), run.Clock, null);
            return await Call(handler, invocation, branch.CancellationToken).ConfigureAwait(false);
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(branch.CancellationToken);
        var fired = new TaskCompletionSource<StatesErrorException>(TaskCreationOptions.RunContinuationsAsynchronously);
        IDisposable? heartbeatTimer = null;
        var gate = new object();

        // Cancelling inside the timer callback stops the handler's own sleeps before virtual time moves on.
        void Fire(StatesErrorException error)
        {
            if (fired.TrySetResult(error))
            {
                try
                {
                    cancel.Cancel();
                }
                catch (ObjectDisposedException)
                {
                }
            }
        }

        void StartHeartbeat()
        {
            lock (gate)
            {
                heartbeatTimer?.Dispose();
                heartbeatTimer = run.Clock.StartTimer(TimeSpan.FromSeconds(heartbeat!.Value), () => Fire(new StatesErrorException(
                    StatesErrors.HeartbeatTimeout,
                    $"Task '{Name}' sent no heartbeat for {heartbeat.Value.ToString(CultureInfo.InvariantCulture)} seconds (HeartbeatSeconds).")));
            }
        }

        using var timeoutTimer = timeout is { } seconds
            ? run.Clock.StartTimer(TimeSpan.FromSeconds(seconds), () => Fire(new StatesErrorException(
                StatesErrors.Timeout,
                $"Task '{Name}' ran longer than its TimeoutSeconds of {seconds.ToString(CultureInfo.InvariantCulture)} seconds.")))
            : null;
        if (heartbeat is not null)
        {
            StartHeartbeat();
        }

        try
        {
            var invocation = new TaskInvocation(Name, Resource, parameters, context, retryCount, run.NextCallNumber(handler), run.Clock, heartbeat is null ? null : StartHeartbeat);
            var work = Call(handler, invocation, cancel.Token).AsTask();
            if (!fired.Task.IsCompleted)
            {
                await Task.WhenAny(work, fired.Task).ConfigureAwait(false);
            }

            if (!fired.Task.IsCompleted)
            {
                return await work.ConfigureAwait(false);
            }

            _ = work.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw await fired.Task.ConfigureAwait(false);
        }
        finally
        {
            lock (gate)
            {
                heartbeatTimer?.Dispose();
            }
        }
    }

    private static async ValueTask<JData> Call(ITaskHandler handler, TaskInvocation invocation, CancellationToken cancellationToken)
    {
        if (handler is InternalTaskHandler fast)
        {
            return await fast.InvokeCoreAsync(invocation, cancellationToken).ConfigureAwait(false);
        }

        return JDataNodes.FromNode(await handler.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false));
    }
}

internal static class IntrinsicTokens
{
    public static string TaskToken(Random random)
    {
        Span<byte> bytes = stackalloc byte[48];
        random.NextBytes(bytes);
        return Convert.ToBase64String(bytes);
    }
}
