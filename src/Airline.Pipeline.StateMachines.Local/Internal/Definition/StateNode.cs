using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;
using Airline.Pipeline.StateMachines.Local.Internal.Jsonata;
using Airline.Pipeline.StateMachines.Local.Internal.Paths;

namespace Airline.Pipeline.StateMachines.Local.Internal.Definition;

/// <summary>What a state produced: its output and the next state (null at an End or a Succeed state).</summary>
internal readonly record struct StepResult(JData Output, string? Next);

/// <summary>A compiled state: the common fields and the input/output processing every state type shares.</summary>
internal abstract class StateNode
{
    public required string Name { get; init; }

    public QueryLanguage Language { get; private set; }

    public string? Next { get; private set; }

    public JsonPath? InputPath { get; private set; }

    public bool InputPathNull { get; private set; }

    public JsonPath? OutputPath { get; private set; }

    public bool OutputPathNull { get; private set; }

    public Template? Assign { get; private set; }

    public JsonataTemplate? AssignJsonata { get; private set; }

    public JsonataTemplate? Output { get; private set; }

    public void SetCommon(QueryLanguage language, string? next, JsonPath? inputPath, bool inputPathNull, JsonPath? outputPath, bool outputPathNull, Template? assign, JsonataTemplate? assignJsonata, JsonataTemplate? output)
    {
        Language = language;
        Next = next;
        InputPath = inputPath;
        InputPathNull = inputPathNull;
        OutputPath = outputPath;
        OutputPathNull = outputPathNull;
        Assign = assign;
        AssignJsonata = assignJsonata;
        Output = output;
    }

    public abstract HistoryEventType EnteredEvent { get; }

    public abstract HistoryEventType? ExitedEvent { get; }

    public abstract ValueTask<StepResult> ExecuteAsync(BranchContext branch, JData input, DateTimeOffset entered);

    protected JData ApplyInputPath(BranchContext branch, JData input, JData context)
    {
        if (InputPathNull)
        {
            return JData.EmptyObject;
        }

        return InputPath is null ? input : branch.Run.PathScope(input, context, branch.Variables).Select(InputPath, $"the InputPath of state '{Name}'");
    }

    protected JData ApplyOutputPath(BranchContext branch, JData output, JData context)
    {
        if (OutputPathNull)
        {
            return JData.EmptyObject;
        }

        return OutputPath is null ? output : branch.Run.PathScope(output, context, branch.Variables).Select(OutputPath, $"the OutputPath of state '{Name}'");
    }

    /// <summary>JSONPath Assign: evaluated against <paramref name="data"/>, all fields before any variable changes.</summary>
    protected void ApplyAssign(BranchContext branch, Template? assign, JData data, JData context)
    {
        if (assign is null)
        {
            return;
        }

        var values = (JObject)assign.Evaluate(branch.Run.PathScope(data, context, branch.Variables));
        SetVariables(branch, values);
    }

    protected static void SetVariables(BranchContext branch, JObject values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            branch.Run.CheckSize(values.ValueAt(i), $"variable '{values.KeyAt(i)}'", null);
            branch.Variables.Set(values.KeyAt(i), values.ValueAt(i));
        }
    }

    /// <summary>JSONata Output and Assign: both see the variables as they were before this state assigns.</summary>
    protected JData FinishJsonata(BranchContext branch, JsonataEnvironment environment, JsonataTemplate? output, JsonataTemplate? assign, JData defaultOutput)
    {
        var result = output is null ? defaultOutput : output.EvaluateRequired(environment, $"the Output of state '{Name}'");
        if (assign is not null)
        {
            if (assign.EvaluateRequired(environment, $"the Assign of state '{Name}'") is JObject values)
            {
                SetVariables(branch, values);
            }
        }

        return result;
    }
}

/// <summary>A state with Retry and Catch (Task, Parallel, Map) and the result processing they share.</summary>
internal abstract class RecoverableStateNode : StateNode
{
    public Retrier[] Retry { get; init; } = [];

    public Catcher[] Catch { get; init; } = [];

    public Template? ResultSelector { get; init; }

    public ResultPathSpec ResultPath { get; init; } = ResultPathSpec.Replace;

    protected virtual JObject? ExtraContext() => null;

    /// <summary>Runs attempts, retrying and catching as the Retry and Catch fields say.</summary>
    protected async ValueTask<StepResult> RunWithRecoveryAsync(BranchContext branch, JData input, DateTimeOffset entered, Func<JObject, int, ValueTask<StepResult>> attempt)
    {
        int[]? attempts = null;
        var retryCount = 0;
        while (true)
        {
            var context = branch.Run.BuildContext(Name, entered, retryCount, ExtraContext());
            try
            {
                return await attempt(context, retryCount).ConfigureAwait(false);
            }
            catch (StatesErrorException ex) when (!branch.CancellationToken.IsCancellationRequested)
            {
                var retrier = Array.FindIndex(Retry, r => ErrorMatcher.Matches(r.ErrorEquals, ex.Error));
                attempts ??= new int[Retry.Length];
                if (retrier >= 0 && attempts[retrier] < Retry[retrier].MaxAttempts)
                {
                    var delay = Retry[retrier].DelaySeconds(attempts[retrier]);
                    if (Retry[retrier].FullJitter)
                    {
                        delay *= branch.Run.Random.NextDouble();
                    }

                    attempts[retrier]++;
                    retryCount++;
                    await branch.Run.Clock.DelayAsync(TimeSpan.FromSeconds(delay), branch.CancellationToken).ConfigureAwait(false);
                    continue;
                }

                var catcher = Array.Find(Catch, c => ErrorMatcher.Matches(c.ErrorEquals, ex.Error));
                if (catcher is null)
                {
                    throw;
                }

                return ApplyCatcher(branch, catcher, input, context, ex);
            }
        }
    }

    private StepResult ApplyCatcher(BranchContext branch, Catcher catcher, JData input, JObject context, StatesErrorException ex)
    {
        var errorOutput = new JObjectBuilder().Set("Error", new JString(ex.Error));
        if (ex.Cause is not null)
        {
            errorOutput.Set("Cause", new JString(ex.Cause));
        }

        var error = errorOutput.Build();
        if (Language == QueryLanguage.Jsonata)
        {
            var environment = branch.Run.Jsonata(input, null, error, context, branch.Variables);
            return new StepResult(FinishJsonata(branch, environment, catcher.Output, catcher.AssignJsonata, error), catcher.Next);
        }

        var output = catcher.ResultPath.Apply(input, error);
        ApplyAssign(branch, catcher.Assign, error, context);
        return new StepResult(output, catcher.Next);
    }

    /// <summary>ResultSelector, Assign, ResultPath and OutputPath (JSONPath), or Output and Assign (JSONata).</summary>
    protected JData ProcessResult(BranchContext branch, JData input, JData result, JObject context)
    {
        if (Language == QueryLanguage.Jsonata)
        {
            var environment = branch.Run.Jsonata(input, result, null, context, branch.Variables);
            return FinishJsonata(branch, environment, Output, AssignJsonata, result);
        }

        if (ResultSelector is not null)
        {
            result = ResultSelector.Evaluate(branch.Run.PathScope(result, context, branch.Variables));
        }

        ApplyAssign(branch, Assign, result, context);
        var output = ResultPath.Apply(input, result);
        return ApplyOutputPath(branch, output, context);
    }
}
