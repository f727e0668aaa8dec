using System.Collections.Immutable;
using System.Text.Json;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>Warnings for mistakes AWS accepts; the seeds' workflow makes all three.</summary>
internal sealed class Lints(ImmutableArray<AslProblem>.Builder problems, Func<StateGraph, GraphEdges> edgesOf)
{
    private static readonly string[] FailureWords = ["FAIL", "ERROR", "CANCEL", "STOP", "TIMEOUT", "TIMED_OUT", "ABORT"];

    private static readonly string[] ThrottlingProne =
    [
        "arn:aws:states:::aws-sdk:", "arn:aws:states:::lambda:", "arn:aws:states:::glue:", "arn:aws:states:::sns:",
        "arn:aws:states:::sqs:", "arn:aws:states:::dynamodb:", "arn:aws:states:::events:", "arn:aws:states:::athena:",
        "arn:aws:states:::batch:", "arn:aws:states:::ecs:", "arn:aws:states:::states:", "arn:aws:states:::bedrock:",
    ];

    private const int NestedGraphSteps = 5;

    public void Check(StateGraph graph, LazyPointer pointer)
    {
        var statesPointer = (pointer + "/States").WithAtMost(NestedGraphSteps);
        GraphEdges? edges = null;
        int[]? components = null;
        HashSet<int>? componentsWithWait = null;
        for (var position = 0; position < graph.States.Length; position++)
        {
            var state = graph.States[position];

            // The state's pointer is built only for a warning (most states get none).
            switch (state)
            {
                case TaskState task:
                    CheckRetry(task, statesPointer);
                    break;
                case ChoiceState choice:
                    CheckJobStateChoice(graph, choice, statesPointer);
                    if (components is null)
                    {
                        edges = edgesOf(graph);
                        components = edges.Components();
                        componentsWithWait = [];
                        for (var i = 0; i < graph.States.Length; i++)
                        {
                            if (graph.States[i] is WaitState)
                            {
                                componentsWithWait.Add(components[edges.Canonical[i]]);
                            }
                        }
                    }

                    CheckPollLoop(choice, components[edges!.Canonical[position]], statesPointer, componentsWithWait!);
                    break;
                case ParallelState parallel:
                    for (var i = 0; i < parallel.Branches.Length; i++)
                    {
                        Check(parallel.Branches[i], LazyPointer.Child(LazyPointer.Child(statesPointer, state.Name) + "/Branches", ReadFacts.SourcePosition(parallel.Branches, i)));
                    }

                    break;
                case MapState map:
                    if (map.ItemProcessor is { } processor)
                    {
                        Check(processor, LazyPointer.Child(statesPointer, state.Name) + "/ItemProcessor");
                    }

                    if (map.Iterator is { } iterator)
                    {
                        Check(iterator, LazyPointer.Child(statesPointer, state.Name) + "/Iterator");
                    }

                    break;
            }
        }
    }

    private void CheckRetry(TaskState task, LazyPointer statesPointer)
    {
        if (!task.Retry.IsEmpty)
        {
            return;
        }

        var resource = task.Resource;
        var prone = IsThrottlingProne(resource)
            || resource.Contains(":lambda:", StringComparison.Ordinal) && resource.Contains(":function:", StringComparison.Ordinal);
        if (prone)
        {
            Warn(LazyPointer.Child(statesPointer, task.Name), ProblemCodes.LintTaskWithoutRetry,
                $"Task '{task.Name}' calls {resource} with no Retry; throttling and transient service errors will fail the execution. " +
                "Add a Retry for the service's throttling errors (e.g. Lambda.TooManyRequestsException, Glue.ThrottlingException) with BackoffRate and JitterStrategy FULL.");
        }
    }

    /// <summary>
    /// A Choice that tests JobRunState right after a Glue start: after <c>.sync</c> a failed job already failed the Task
    /// (only a Catch sees it); after a plain start the result has only JobRunId, so JobRunState is never there.
    /// </summary>
    private void CheckJobStateChoice(StateGraph graph, ChoiceState choice, LazyPointer statesPointer)
    {
        if (!AnyRule(choice.Choices, static r => r.Variable?.Contains("JobRunState", StringComparison.Ordinal) == true))
        {
            return;
        }

        var pointer = LazyPointer.Child(statesPointer, choice.Name);
        foreach (var source in graph.States.OfType<TaskState>().Where(t => t.Next == choice.Name))
        {
            if (source.Resource.StartsWith("arn:aws:states:::glue:startJobRun.sync", StringComparison.Ordinal))
            {
                Warn(pointer, ProblemCodes.LintChoiceAfterSync,
                    $"Choice '{choice.Name}' tests JobRunState after the .sync task '{source.Name}', but a failed job fails that task " +
                    "(States.TaskFailed) before this Choice runs; add a Catch on the task that goes to the failure handling and drop the test.");
            }
            else if (source.Resource is "arn:aws:states:::glue:startJobRun" or "arn:aws:states:::aws-sdk:glue:startJobRun")
            {
                Warn(pointer, ProblemCodes.LintChoiceAfterSync,
                    $"Choice '{choice.Name}' tests JobRunState after '{source.Name}', which starts the job without .sync and returns only JobRunId; " +
                    "use arn:aws:states:::glue:startJobRun.sync with a Catch, or poll aws-sdk:glue:getJobRun in a Wait loop.");
            }
        }
    }

    /// <summary>A Choice in a loop with a Wait that never tests for a failure value can spin until the execution times out.</summary>
    private void CheckPollLoop(ChoiceState choice, int component, LazyPointer statesPointer, HashSet<int> componentsWithWait)
    {
        if (!componentsWithWait.Contains(component))
        {
            return;
        }

        var testsFailure = AnyRule(choice.Choices, static r =>
            r.Operand is { ValueKind: JsonValueKind.String } operand
            && FailureWords.Any(w => operand.GetString()!.Contains(w, StringComparison.OrdinalIgnoreCase)));
        if (!testsFailure)
        {
            Warn(LazyPointer.Child(statesPointer, choice.Name), ProblemCodes.LintPollLoopWithoutFailureExit,
                $"Choice '{choice.Name}' polls in a loop with a Wait but never tests for a failure (FAILED, CANCELLED, ERROR...), " +
                "so a failed run loops until the execution times out; add a rule that goes to the failure handling.");
        }
    }

    private static bool IsThrottlingProne(string resource)
    {
        foreach (var prefix in ThrottlingProne)
        {
            if (resource.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a rule, or a rule nested in it by And, Or or Not, matches (depth first, no iterators).</summary>
    private static bool AnyRule(ImmutableArray<ChoiceRule> rules, Func<ChoiceRule, bool> predicate)
    {
        foreach (var rule in rules)
        {
            if (AnyRule(rule, predicate))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyRule(ChoiceRule rule, Func<ChoiceRule, bool> predicate) =>
        predicate(rule)
        || rule.And is { } allOf && AnyRule(allOf, predicate)
        || rule.Or is { } anyOf && AnyRule(anyOf, predicate)
        || rule.Not is { } negated && AnyRule(negated, predicate);

    private void Warn(LazyPointer pointer, string code, string message) =>
        problems.Add(new AslProblem(pointer.ToString(), code, message, ProblemSeverity.Warning));
}
