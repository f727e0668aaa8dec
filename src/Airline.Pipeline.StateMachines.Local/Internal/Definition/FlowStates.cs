using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;
using Airline.Pipeline.StateMachines.Local.Internal.Jsonata;
using Airline.Pipeline.StateMachines.Local.Internal.Paths;

namespace Airline.Pipeline.StateMachines.Local.Internal.Definition;

internal sealed class PassState : StateNode
{
    public JData? Result { get; init; }

    public Template? Parameters { get; init; }

    public ResultPathSpec ResultPath { get; init; } = ResultPathSpec.Replace;

    public override HistoryEventType EnteredEvent => HistoryEventType.PassStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.PassStateExited;

    public override ValueTask<StepResult> ExecuteAsync(BranchContext branch, JData input, DateTimeOffset entered)
    {
        var context = branch.Run.BuildContext(Name, entered, 0);
        if (Language == QueryLanguage.Jsonata)
        {
            var environment = branch.Run.Jsonata(input, null, null, context, branch.Variables);
            return ValueTask.FromResult(new StepResult(FinishJsonata(branch, environment, Output, AssignJsonata, input), Next));
        }

        var effective = ApplyInputPath(branch, input, context);
        var result = Result ?? Parameters?.Evaluate(branch.Run.PathScope(effective, context, branch.Variables)) ?? effective;
        ApplyAssign(branch, Assign, result, context);
        var output = ApplyOutputPath(branch, ResultPath.Apply(input, result), context);
        return ValueTask.FromResult(new StepResult(output, Next));
    }
}

internal sealed class WaitState : StateNode
{
    public DynamicValue? Seconds { get; init; }

    public DynamicValue? Timestamp { get; init; }

    public override HistoryEventType EnteredEvent => HistoryEventType.WaitStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.WaitStateExited;

    public override async ValueTask<StepResult> ExecuteAsync(BranchContext branch, JData input, DateTimeOffset entered)
    {
        var run = branch.Run;
        var context = run.BuildContext(Name, entered, 0);
        var effective = Language == QueryLanguage.JsonPath ? ApplyInputPath(branch, input, context) : input;
        JsonataEnvironment Environment() => run.Jsonata(input, null, null, context, branch.Variables);
        TimeSpan delay;
        if (Seconds is not null)
        {
            delay = TimeSpan.FromSeconds(Seconds.EvaluateCount(branch, effective, context, Environment));
        }
        else
        {
            var value = Timestamp!.Evaluate(branch, effective, context, Environment);
            if (value is not JString text || !ComparisonCondition.TryParseTimestamp(text.Value, out var until))
            {
                var error = Timestamp.Expression is not null ? StatesErrors.QueryEvaluationError : StatesErrors.Runtime;
                throw new StatesErrorException(error, $"{Timestamp.Field} of state '{Name}' must be an RFC 3339 timestamp such as 2024-01-01T00:00:00Z, but it is {value.ToJson()}.");
            }

            delay = until - run.Clock.UtcNow;
        }

        await run.Clock.DelayAsync(delay, branch.CancellationToken).ConfigureAwait(false);
        if (Language == QueryLanguage.Jsonata)
        {
            return new StepResult(FinishJsonata(branch, Environment(), Output, AssignJsonata, input), Next);
        }

        ApplyAssign(branch, Assign, effective, context);
        return new StepResult(ApplyOutputPath(branch, effective, context), Next);
    }
}

internal sealed class ChoiceRule(ChoiceCondition condition, string next, Template? assign, JsonataTemplate? assignJsonata, JsonataTemplate? output)
{
    /// <summary>Where in the Choices array the rule stood (items of the wrong type are skipped), and whether it had a
    /// Next: for the pointers of the definition's problems.</summary>
    public required (int Position, bool HasNext) Source { get; init; }

    public ChoiceCondition Condition { get; } = condition;

    public string Next { get; } = next;

    public Template? Assign { get; } = assign;

    public JsonataTemplate? AssignJsonata { get; } = assignJsonata;

    public JsonataTemplate? Output { get; } = output;
}

internal sealed class ChoiceState : StateNode
{
    public required ChoiceRule[] Rules { get; init; }

    public string? Default { get; init; }

    public override HistoryEventType EnteredEvent => HistoryEventType.ChoiceStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.ChoiceStateExited;

    public override ValueTask<StepResult> ExecuteAsync(BranchContext branch, JData input, DateTimeOffset entered)
    {
        var run = branch.Run;
        var context = run.BuildContext(Name, entered, 0);
        var jsonata = Language == QueryLanguage.Jsonata;
        var effective = jsonata ? input : ApplyInputPath(branch, input, context);
        JsonataEnvironment? environment = jsonata ? run.Jsonata(input, null, null, context, branch.Variables) : null;
        var scope = new ChoiceScope(run.PathScope(effective, context, branch.Variables), jsonata ? node => Jsonata.ExpressionRunner.Run(node, environment!) : null);
        foreach (var rule in Rules)
        {
            if (rule.Condition.Evaluate(scope))
            {
                return ValueTask.FromResult(new StepResult(Finish(branch, effective, context, environment, rule.Output ?? Output, rule.AssignJsonata ?? AssignJsonata, rule.Assign), rule.Next));
            }
        }

        if (Default is null)
        {
            throw new StatesErrorException(StatesErrors.NoChoiceMatched, $"No Choice rule of state '{Name}' matched the input and the state has no Default.");
        }

        return ValueTask.FromResult(new StepResult(Finish(branch, effective, context, environment, Output, AssignJsonata, null), Default));
    }

    private JData Finish(BranchContext branch, JData effective, JData context, JsonataEnvironment? environment, JsonataTemplate? output, JsonataTemplate? assignJsonata, Template? ruleAssign)
    {
        if (environment is not null)
        {
            return FinishJsonata(branch, environment, output, assignJsonata, effective);
        }

        ApplyAssign(branch, ruleAssign ?? Assign, effective, context);
        return ApplyOutputPath(branch, effective, context);
    }
}

internal sealed class SucceedState : StateNode
{
    public override HistoryEventType EnteredEvent => HistoryEventType.SucceedStateEntered;

    public override HistoryEventType? ExitedEvent => HistoryEventType.SucceedStateExited;

    public override ValueTask<StepResult> ExecuteAsync(BranchContext branch, JData input, DateTimeOffset entered)
    {
        var context = branch.Run.BuildContext(Name, entered, 0);
        if (Language == QueryLanguage.Jsonata)
        {
            var environment = branch.Run.Jsonata(input, null, null, context, branch.Variables);
            return ValueTask.FromResult(new StepResult(FinishJsonata(branch, environment, Output, null, input), null));
        }

        var effective = ApplyInputPath(branch, input, context);
        return ValueTask.FromResult(new StepResult(ApplyOutputPath(branch, effective, context), null));
    }
}

internal sealed class FailState : StateNode
{
    public DynamicValue? Error { get; init; }

    public DynamicValue? Cause { get; init; }

    public IntrinsicCall? ErrorCall { get; init; }

    public IntrinsicCall? CauseCall { get; init; }

    public override HistoryEventType EnteredEvent => HistoryEventType.FailStateEntered;

    public override HistoryEventType? ExitedEvent => null;

    public override ValueTask<StepResult> ExecuteAsync(BranchContext branch, JData input, DateTimeOffset entered)
    {
        var run = branch.Run;
        var context = run.BuildContext(Name, entered, 0);
        JsonataEnvironment Environment() => run.Jsonata(input, null, null, context, branch.Variables);
        var scope = run.PathScope(input, context, branch.Variables);
        var error = ErrorCall?.Evaluate(scope) ?? Error?.Evaluate(branch, input, context, Environment);
        var cause = CauseCall?.Evaluate(scope) ?? Cause?.Evaluate(branch, input, context, Environment);
        throw new StatesErrorException(error is null ? string.Empty : Text(error, "Error"), cause is null ? null : Text(cause, "Cause"));
    }

    private string Text(JData value, string field) => value is JString s
        ? s.Value
        : throw StatesErrorException.Runtime($"The {field} of Fail state '{Name}' must resolve to a string, not {value.TypeName} {value.ToJson()}.");
}
