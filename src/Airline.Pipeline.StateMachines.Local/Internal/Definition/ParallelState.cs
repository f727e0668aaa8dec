using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;
using Airline.Pipeline.StateMachines.Local.Internal.Jsonata;

namespace Airline.Pipeline.StateMachines.Local.Internal.Definition;

/// <summary>A Parallel state: every branch gets the same input and runs concurrently; the output is their outputs in order.</summary>
internal sealed class ParallelState : RecoverableStateNode
{
    public required MachineDefinition[] Branches { get; init; }

    public Template? Parameters { get; init; }

    public JsonataTemplate? Arguments { get; init; }

    public override HistoryEventType EnteredEvent => HistoryEventType.ParallelStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.ParallelStateExited;

    public override ValueTask<StepResult> ExecuteAsync(BranchContext branch, JData input, DateTimeOffset entered)
    {
        var effective = Language == QueryLanguage.JsonPath ? ApplyInputPath(branch, input, branch.Run.BuildContext(Name, entered, 0)) : input;
        return RunWithRecoveryAsync(branch, input, entered, (context, _) => AttemptAsync(branch, input, effective, context));
    }

    private async ValueTask<StepResult> AttemptAsync(BranchContext branch, JData input, JData effective, JObject context)
    {
        var run = branch.Run;
        var branchInput = Language == QueryLanguage.Jsonata
            ? Arguments?.EvaluateRequired(run.Jsonata(input, null, null, context, branch.Variables), $"the Arguments of state '{Name}'") ?? input
            : Parameters?.Evaluate(run.PathScope(effective, context, branch.Variables)) ?? effective;
        branch.Record(HistoryEventType.ParallelStateStarted, Name);
        JData[] results;
        try
        {
            results = await ConcurrentRunner.RunAsync(branch, Branches.Length, Branches.Length, (child, i) => run.RunMachineAsync(Branches[i], branchInput, child), null).ConfigureAwait(false);
        }
        catch (StatesErrorException ex) when (!branch.CancellationToken.IsCancellationRequested)
        {
            branch.Record(HistoryEventType.ParallelStateFailed, Name, error: ex.Error, cause: ex.Cause);
            throw;
        }

        branch.Record(HistoryEventType.ParallelStateSucceeded, Name);
        return new StepResult(ProcessResult(branch, input, new JArray(results), context), Next);
    }
}

/// <summary>
/// Runs work items on up to <c>concurrency</c> child branches. Each child is a clock worker; the parent
/// gives up its worker slot while it waits and the last child hands its slot back, so virtual time
/// never jumps while someone could still act.
/// </summary>
internal static class ConcurrentRunner
{
    // onFailure: given a failed item, returns the error that fails the whole run, or null to tolerate it
    // (its slot gets the error output); without it every failure is fatal.
    public static async Task<JData[]> RunAsync(
        BranchContext parent,
        int count,
        int concurrency,
        Func<BranchContext, int, ValueTask<JData>> work,
        Func<int, StatesErrorException, StatesErrorException?>? onFailure,
        Action<BranchContext, int>? onStart = null,
        Action<BranchContext, int, StatesErrorException?>? onEnd = null)
    {
        var results = new JData[count];
        if (count == 0)
        {
            return results;
        }

        var workers = Math.Max(1, Math.Min(concurrency <= 0 ? count : concurrency, count));
        var clock = parent.Run.Clock;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(parent.CancellationToken);
        StatesErrorException? firstError = null;
        var next = -1;
        var remaining = workers;

        async Task Worker()
        {
            try
            {
                int index;
                while (!cancel.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < count)
                {
                    var child = new BranchContext(parent.Run, new VariableScope(parent.Variables), cancel.Token) { LastEventId = parent.LastEventId };
                    onStart?.Invoke(child, index);
                    try
                    {
                        results[index] = await work(child, index).ConfigureAwait(false);
                        onEnd?.Invoke(child, index, null);
                    }
                    catch (StatesErrorException ex) when (!cancel.IsCancellationRequested)
                    {
                        onEnd?.Invoke(child, index, ex);
                        var fatal = onFailure is null ? ex : onFailure(index, ex);
                        if (fatal is not null)
                        {
                            Interlocked.CompareExchange(ref firstError, fatal, null);
                            await cancel.CancelAsync().ConfigureAwait(false);
                            return;
                        }

                        results[index] = ErrorOutput(ex);
                    }
                }
            }
            finally
            {
                if (Interlocked.Decrement(ref remaining) != 0)
                {
                    clock.RemoveWorker();
                }
            }
        }

        clock.AddWorkers(workers);
        var tasks = new Task[workers];
        for (var i = 0; i < workers; i++)
        {
            tasks[i] = Worker();
        }

        clock.RemoveWorker();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception) when (firstError is not null)
        {
        }

        if (firstError is not null)
        {
            throw firstError;
        }

        parent.CancellationToken.ThrowIfCancellationRequested();
        return results;
    }

    public static JObject ErrorOutput(StatesErrorException ex)
    {
        var builder = new JObjectBuilder().Set("Error", new JString(ex.Error));
        if (ex.Cause is not null)
        {
            builder.Set("Cause", new JString(ex.Cause));
        }

        return builder.Build();
    }
}
