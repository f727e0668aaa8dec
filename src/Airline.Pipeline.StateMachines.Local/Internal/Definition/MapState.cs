using System.Globalization;
using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;
using Airline.Pipeline.StateMachines.Local.Internal.Jsonata;
using Airline.Pipeline.StateMachines.Local.Internal.Paths;

namespace Airline.Pipeline.StateMachines.Local.Internal.Definition;

/// <summary>An inline Map state: runs its item processor for every item, up to MaxConcurrency at a time.</summary>
internal sealed class MapState : RecoverableStateNode
{
    public required MachineDefinition Processor { get; init; }

    public JsonPath? ItemsPath { get; init; }

    public JsonataTemplate? Items { get; init; }

    public Template? ItemSelector { get; init; }

    public JsonataTemplate? ItemSelectorJsonata { get; init; }

    public DynamicValue? MaxConcurrency { get; init; }

    public DynamicValue? ToleratedFailureCount { get; init; }

    public DynamicValue? ToleratedFailurePercentage { get; init; }

    public override HistoryEventType EnteredEvent => HistoryEventType.MapStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.MapStateExited;

    public override ValueTask<StepResult> ExecuteAsync(BranchContext branch, JData input, DateTimeOffset entered)
    {
        var effective = Language == QueryLanguage.JsonPath ? ApplyInputPath(branch, input, branch.Run.BuildContext(Name, entered, 0)) : input;
        return RunWithRecoveryAsync(branch, input, entered, (context, _) => AttemptAsync(branch, input, effective, context));
    }

    private async ValueTask<StepResult> AttemptAsync(BranchContext branch, JData input, JData effective, JObject context)
    {
        var run = branch.Run;
        var jsonata = Language == QueryLanguage.Jsonata;
        JsonataEnvironment Environment() => run.Jsonata(input, null, null, context, branch.Variables);
        JData itemsValue;
        if (jsonata)
        {
            itemsValue = Items?.EvaluateRequired(Environment(), $"the Items of state '{Name}'") ?? input;
        }
        else
        {
            itemsValue = ItemsPath is null ? effective : run.PathScope(effective, context, branch.Variables).Select(ItemsPath, $"the ItemsPath of state '{Name}'");
        }

        if (itemsValue is not JArray items)
        {
            throw new StatesErrorException(
                jsonata ? StatesErrors.QueryEvaluationError : StatesErrors.Runtime,
                $"The items of Map state '{Name}' must be a JSON array, but {(jsonata ? "Items" : $"ItemsPath '{ItemsPath?.Text ?? "$"}'")} gave {itemsValue.TypeName}.");
        }

        var concurrency = (int)(MaxConcurrency?.EvaluateCount(branch, effective, context, Environment) ?? 0);
        var toleratedCount = ToleratedFailureCount?.EvaluateCount(branch, effective, context, Environment);
        var toleratedPercentage = ToleratedFailurePercentage?.EvaluateNumber(branch, effective, context, Environment);
        if (toleratedPercentage > 100)
        {
            throw StatesErrorException.Runtime($"ToleratedFailurePercentage of state '{Name}' must be between 0 and 100, not {toleratedPercentage.Value.ToString(CultureInfo.InvariantCulture)}.");
        }

        branch.Record(HistoryEventType.MapStateStarted, Name, length: items.Count);
        var failures = 0;
        Func<int, StatesErrorException, StatesErrorException?>? onFailure = toleratedCount is null && toleratedPercentage is null ? null : (_, ex) =>
        {
            var failed = Interlocked.Increment(ref failures);
            var overCount = toleratedCount is { } c && failed > c;
            var overPercentage = toleratedPercentage is { } p && failed * 100.0 / items.Count > p;
            if (toleratedCount is not null && toleratedPercentage is not null ? overCount && overPercentage : overCount || overPercentage)
            {
                return new StatesErrorException(StatesErrors.ExceedToleratedFailureThreshold, $"Map state '{Name}': {failed} of {items.Count} iterations failed, more than tolerated. Last error {ex.Error}: {ex.Cause}");
            }

            return null;
        };

        JData[] results;
        try
        {
            results = await ConcurrentRunner.RunAsync(
                branch,
                items.Count,
                concurrency,
                (child, index) =>
                {
                    var itemInput = SelectItem(branch, input, effective, context, items[index], index);
                    return run.RunMachineAsync(Processor, itemInput, child);
                },
                onFailure,
                (child, index) => child.Record(HistoryEventType.MapIterationStarted, Name, index: index),
                (child, index, error) =>
                {
                    if (error is null)
                    {
                        child.Record(HistoryEventType.MapIterationSucceeded, Name, index: index);
                    }
                    else
                    {
                        child.Record(HistoryEventType.MapIterationFailed, Name, index: index, error: error.Error, cause: error.Cause);
                    }
                }).ConfigureAwait(false);
        }
        catch (StatesErrorException ex) when (!branch.CancellationToken.IsCancellationRequested)
        {
            branch.Record(HistoryEventType.MapStateFailed, Name, error: ex.Error, cause: ex.Cause);
            throw;
        }

        branch.Record(HistoryEventType.MapStateSucceeded, Name);
        return new StepResult(ProcessResult(branch, input, new JArray(results), context), Next);
    }

    private JData SelectItem(BranchContext branch, JData input, JData effective, JObject context, JData item, int index)
    {
        if (ItemSelector is null && ItemSelectorJsonata is null)
        {
            return item;
        }

        var mapContext = new JObjectBuilder().Set("Item", new JObjectBuilder().Set("Index", JNumber.Of(index)).Set("Value", item).Build()).Build();
        var itemContext = context.With("Map", mapContext);
        if (ItemSelectorJsonata is not null)
        {
            return ItemSelectorJsonata.EvaluateRequired(branch.Run.Jsonata(input, null, null, itemContext, branch.Variables), $"the ItemSelector of state '{Name}'");
        }

        return ItemSelector!.Evaluate(branch.Run.PathScope(effective, itemContext, branch.Variables));
    }
}
