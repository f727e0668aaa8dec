using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>The language rules, checked on the model; pointers are computed while walking.</summary>
internal sealed partial class SemanticChecks(ImmutableArray<AslProblem>.Builder problems, ValidationOptions options, bool fromJson)
{
    private static readonly HashSet<string> TopLevelFields = new(StringComparer.Ordinal)
    {
        "StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage",
    };

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    // The graph checks and the lints walk the same large graphs: their edges are built once.
    private readonly Dictionary<StateGraph, GraphEdges> _largeGraphEdges = new(ReferenceEqualityComparer.Instance);

    private StateGraph? _root;

    private char[] _chars = new char[256];

    // Large machines repeat a handful of Resource ARNs: each distinct one goes through the regexes once per validation.
    private readonly Dictionary<string, (ResourceKind Kind, string? Reason)> _resourceVerdicts = new(StringComparer.Ordinal);

    private enum ResourceKind
    {
        Valid,
        Substitution,
        BadFormat,
        UnsupportedIntegration,
    }

    private (ResourceKind Kind, string? Reason) ResourceVerdict(string resource)
    {
        if (!_resourceVerdicts.TryGetValue(resource, out var verdict))
        {
            verdict = ResourceArn.IsSubstitution(resource) ? (ResourceKind.Substitution, null)
                : ResourceArn.CheckFormat(resource) is { } formatError ? (ResourceKind.BadFormat, formatError)
                : ResourceArn.CheckIntegration(resource) is { } integrationError ? (ResourceKind.UnsupportedIntegration, integrationError)
                : (ResourceKind.Valid, null);
            _resourceVerdicts[resource] = verdict;
        }

        return verdict;
    }

    public void Check(StateMachine machine)
    {
        _root = machine;
        _names.EnsureCapacity(CountStates(machine));
        var language = machine.QueryLanguage ?? QueryLanguage.JsonPath;
        foreach (var (name, _) in machine.UnknownFields)
        {
            if (!TopLevelFields.Contains(name) || !fromJson)
            {
                Error(LazyPointer.Child(string.Empty, name), ProblemCodes.UnknownField,
                    $"'{name}' is not a top-level ASL field; remove it (top-level fields: {string.Join(", ", TopLevelFields)}).");
            }
        }

        if (machine.TimeoutSeconds is <= 0)
        {
            Error("/TimeoutSeconds", ProblemCodes.Timeouts, $"TimeoutSeconds is {machine.TimeoutSeconds}; use a positive integer.");
        }

        if (machine.Version is { } version && version != "1.0")
        {
            Error("/Version", ProblemCodes.InvalidValue, $"Version is '{version}'; the only ASL version is \"1.0\".");
        }

        CheckGraph(machine, string.Empty, language);
        if (options.Lints)
        {
            new Lints(problems, EdgesOf).Check(machine, string.Empty);
        }
    }

    private void CheckGraph(StateGraph graph, in LazyPointer pointer, QueryLanguage language)
    {
        foreach (var (name, _) in graph.UnknownFields)
        {
            if (name is "StartAt" or "States" or "Comment" && fromJson)
            {
                continue;
            }

            Error(LazyPointer.Child(pointer, name), ProblemCodes.UnknownField,
                $"'{name}' is not allowed here; a {(pointer.IsRoot ? "state machine" : "branch or processor")} has StartAt, States and Comment" +
                (graph is ItemProcessor ? " (and ProcessorConfig)." : "."));
        }

        var statesPointer = (pointer + "/States").WithAtMost(NestedGraphSteps);
        if (graph.States.IsEmpty && !(fromJson && ReadFacts.IsMissing(graph, "States")))
        {
            Error(statesPointer, ProblemCodes.MissingField, "States is empty; add at least one state.");
        }

        if (graph.StartAt.Length == 0)
        {
            if (!fromJson)
            {
                Error(pointer + "/StartAt", ProblemCodes.MissingField, "StartAt is empty; name the first state.");
            }
        }
        else if (graph.FindState(graph.StartAt) is null)
        {
            Error(pointer + "/StartAt", ProblemCodes.UnknownTarget,
                $"StartAt names '{graph.StartAt}', which is not a state of this graph; use one of: {Names(graph)}.");
        }

        foreach (var state in graph.States)
        {
            var statePointer = LazyPointer.Child(statesPointer, state.Name);
            CheckState(state, statePointer, state.QueryLanguage ?? language);
            CheckTargets(graph, state, statePointer);
        }

        CheckReachability(graph, statesPointer);
    }

    private void CheckTargets(StateGraph graph, State state, LazyPointer pointer)
    {
        // The pointer of the field is built only when the target is unknown: index < 0 means a field of the state itself.
        void Target(string? target, string list, int index, string field)
        {
            if (target is not null && graph.FindState(target) is null)
            {
                var at = index < 0 ? pointer + list : LazyPointer.Child(pointer + list, index) + "/Next";
                Error(at, ProblemCodes.UnknownTarget,
                    $"{field} names '{target}', which is not a state of this graph (a branch or Map processor cannot leave itself); use one of: {Names(graph)}.");
            }
        }

        switch (state)
        {
            case FlowState flow:
                Target(flow.Next, "/Next", -1, "Next");
                if (flow is RecoverableState recoverable)
                {
                    for (var i = 0; i < recoverable.Catch.Length; i++)
                    {
                        // A catcher without Next was reported by the reader.
                        if (!(fromJson && ReadFacts.IsMissing(recoverable.Catch[i], "Next")))
                        {
                            Target(recoverable.Catch[i].Next, "/Catch", ReadFacts.SourcePosition(recoverable.Catch, i), "Catch Next");
                        }
                    }
                }

                break;
            case ChoiceState choice:
                for (var i = 0; i < choice.Choices.Length; i++)
                {
                    Target(choice.Choices[i].Next, "/Choices", ReadFacts.SourcePosition(choice.Choices, i), "Next");
                }

                Target(choice.Default, "/Default", -1, "Default");
                break;
        }
    }

    private void CheckReachability(StateGraph graph, in LazyPointer statesPointer)
    {
        if (graph.FindState(graph.StartAt) is not { } start)
        {
            return;
        }

        var states = graph.States;
        var startIndex = 0;
        while (!ReferenceEquals(states[startIndex], start))
        {
            startIndex++;
        }

        if (states.Length <= GraphEdges.SmallReachLimit)
        {
            var (reachedMask, endingMask) = GraphEdges.SmallReach(graph, startIndex);
            for (var i = 0; i < states.Length; i++)
            {
                var bit = 1UL << GraphEdges.Scan(states, states[i].Name);
                ReportReach(graph, statesPointer, i, (reachedMask & bit) != 0, (endingMask & bit) != 0);
            }

            return;
        }

        var edges = EdgesOf(graph);
        var canonical = edges.Canonical;
        var reached = edges.Reach([startIndex]);
        var terminals = new int[states.Length];
        var terminalCount = 0;
        for (var i = 0; i < states.Length; i++)
        {
            if (reached[canonical[i]] && states[i].IsTerminal)
            {
                terminals[terminalCount++] = canonical[i];
            }
        }

        var ending = edges.Reversed().Reach(terminals.AsSpan(0, terminalCount));
        for (var i = 0; i < states.Length; i++)
        {
            ReportReach(graph, statesPointer, i, reached[canonical[i]], ending[canonical[i]]);
        }
    }

    private void ReportReach(StateGraph graph, in LazyPointer statesPointer, int position, bool reached, bool ending)
    {
        var name = graph.States[position].Name;
        if (!reached)
        {
            Error(LazyPointer.Child(statesPointer, name), ProblemCodes.Unreachable,
                $"State '{name}' cannot be reached from StartAt '{graph.StartAt}'; go to it with a Next, Default or Catch, or remove it.");
        }
        else if (!ending)
        {
            Error(LazyPointer.Child(statesPointer, name), ProblemCodes.NoTerminal,
                $"From state '{name}' no End, Succeed or Fail state can be reached, so the execution can never finish; " +
                "give the loop an exit (a Choice rule or Catch that leads to a terminal state).");
        }
    }

    private GraphEdges EdgesOf(StateGraph graph)
    {
        if (graph.States.Length <= LargeGraph)
        {
            return GraphEdges.Of(graph);
        }

        if (!_largeGraphEdges.TryGetValue(graph, out var edges))
        {
            edges = GraphEdges.Of(graph);
            _largeGraphEdges.Add(graph, edges);
        }

        return edges;
    }

    private const int LargeGraph = 16;

    // A branch's States is 5 steps from the machine's (/States/P/Branches/0/States): deeper ones are built once per graph.
    private const int NestedGraphSteps = 5;

    private static int CountStates(StateGraph graph)
    {
        var count = graph.States.Length;
        foreach (var state in graph.States)
        {
            switch (state)
            {
                case ParallelState parallel:
                    foreach (var branch in parallel.Branches)
                    {
                        count += CountStates(branch);
                    }

                    break;
                case MapState map:
                    count += (map.ItemProcessor is { } processor ? CountStates(processor) : 0) + (map.Iterator is { } iterator ? CountStates(iterator) : 0);
                    break;
            }
        }

        return count;
    }

    /// <summary>The pointer of the first state named <paramref name="name"/>, in the order <see cref="CheckGraph"/> visits
    /// states (each state before the graphs nested in it): only a duplicate name needs it.</summary>
    private static string? FirstPointerOf(StateGraph graph, string pointer, string name)
    {
        var statesPointer = pointer + "/States";
        foreach (var state in graph.States)
        {
            var statePointer = Pointer.Child(statesPointer, state.Name);
            if (state.Name == name)
            {
                return statePointer;
            }

            var nested = new List<(StateGraph Graph, string Pointer)>();
            switch (state)
            {
                case ParallelState parallel:
                    for (var i = 0; i < parallel.Branches.Length; i++)
                    {
                        nested.Add((parallel.Branches[i], Pointer.Child(statePointer + "/Branches", ReadFacts.SourcePosition(parallel.Branches, i))));
                    }

                    break;
                case MapState map:
                    if (map.ItemProcessor is { } processor)
                    {
                        nested.Add((processor, statePointer + "/ItemProcessor"));
                    }

                    if (map.Iterator is { } iterator)
                    {
                        nested.Add((iterator, statePointer + "/Iterator"));
                    }

                    break;
            }

            foreach (var (child, childPointer) in nested)
            {
                if (FirstPointerOf(child, childPointer, name) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static string Names(StateGraph graph) =>
        graph.States.Length <= 12
            ? string.Join(", ", graph.States.Select(s => $"'{s.Name}'"))
            : string.Join(", ", graph.States.Take(12).Select(s => $"'{s.Name}'")) + ", ...";

    private void CheckState(State state, in LazyPointer pointer, QueryLanguage language)
    {
        if (state.Name.Length is 0 or > Limits.MaxStateNameLength)
        {
            Error(pointer, ProblemCodes.StateNameLength,
                $"State name '{Short(state.Name)}' is {state.Name.Length} characters; use 1 to {Limits.MaxStateNameLength}.");
        }

        if (!_names.Add(state.Name))
        {
            Error(pointer, ProblemCodes.DuplicateStateName,
                $"State name '{state.Name}' is also used at {FirstPointerOf(_root!, string.Empty, state.Name)}; state names must be unique across the whole definition, nested graphs included.");
        }

        CheckUnknownFields(state, pointer);
        CheckLanguageFields(state, pointer, language);

        switch (state)
        {
            case TaskState task:
                CheckTask(task, pointer, language);
                break;
            case PassState pass:
                CheckTemplate(pass.Parameters, pointer, "/Parameters", language);
                CheckPath(pass.ResultPath, pointer, "/ResultPath", PathKind.Result);
                break;
            case ChoiceState choice:
                CheckChoice(choice, pointer, language);
                break;
            case WaitState wait:
                CheckWait(wait, pointer, language);
                break;
            case FailState fail:
                CheckFail(fail, pointer, language);
                break;
            case ParallelState parallel:
                if (parallel.Branches.IsEmpty)
                {
                    Error(pointer, ProblemCodes.MissingField, "A Parallel state needs Branches: add at least one branch with StartAt and States.");
                }

                for (var i = 0; i < parallel.Branches.Length; i++)
                {
                    CheckGraph(parallel.Branches[i], LazyPointer.Child(pointer + "/Branches", ReadFacts.SourcePosition(parallel.Branches, i)), language);
                }

                break;
            case MapState map:
                CheckMap(map, pointer, language);
                break;
        }

        switch (state)
        {
            case FlowState flow:
                CheckFlow(flow, pointer, language);
                break;
            case SucceedState succeed:
                CheckPath(succeed.InputPath, pointer, "/InputPath", PathKind.Path);
                CheckPath(succeed.OutputPath, pointer, "/OutputPath", PathKind.Path);
                CheckJsonataTemplate(succeed.Output, pointer, "/Output", language);
                break;
            case ChoiceState choice:
                CheckPath(choice.InputPath, pointer, "/InputPath", PathKind.Path);
                CheckPath(choice.OutputPath, pointer, "/OutputPath", PathKind.Path);
                CheckJsonataTemplate(choice.Output, pointer, "/Output", language);
                CheckAssign(choice.Assign, pointer, "/Assign", language);
                break;
        }
    }

    private void CheckFlow(FlowState flow, in LazyPointer pointer, QueryLanguage language)
    {
        if (flow.Next is not null && flow.End == true)
        {
            Error(pointer, ProblemCodes.NextOrEnd, $"State '{flow.Name}' has both Next and End; keep one.");
        }
        else if (flow.Next is null && flow.End != true && !HasWrongTyped(flow, "Next", "End"))
        {
            Error(pointer, ProblemCodes.NextOrEnd, $"State '{flow.Name}' has no Next and no End; add \"Next\": \"<state>\" or \"End\": true.");
        }

        CheckPath(flow.InputPath, pointer, "/InputPath", PathKind.Path);
        CheckPath(flow.OutputPath, pointer, "/OutputPath", PathKind.Path);
        CheckJsonataTemplate(flow.Output, pointer, "/Output", language);
        CheckAssign(flow.Assign, pointer, "/Assign", language);
        if (flow is RecoverableState recoverable)
        {
            CheckTemplate(recoverable.ResultSelector, pointer, "/ResultSelector", language);
            CheckPath(recoverable.ResultPath, pointer, "/ResultPath", PathKind.Result);
            CheckJsonataTemplate(recoverable.Arguments, pointer, "/Arguments", language);
            CheckRetry(recoverable, pointer, language);
            CheckCatch(recoverable, pointer, language);
        }
    }

    private bool HasWrongTyped(State state, params string[] names) =>
        fromJson && state.UnknownFields.Any(f => names.Contains(f.Key, StringComparer.Ordinal));

    private void CheckUnknownFields(State state, in LazyPointer pointer)
    {
        foreach (var (name, value) in state.UnknownFields)
        {
            var at = LazyPointer.Child(pointer, name);
            if (FieldTable.Allows(state.Type, name))
            {
                if (!fromJson)
                {
                    Error(at, ProblemCodes.WrongType, $"{name} has the wrong type ({ModelReader.Kind(value)}); see the ASL specification.");
                }

                continue;
            }

            var type = ModelWriter.StateTypeName(state.Type);
            if (FieldTable.ByName.ContainsKey(name))
            {
                Error(at, ProblemCodes.UnknownField, $"A {type} state does not allow {name}; remove it.");
            }
            else if (ChoiceOperators.TryParse(name, out _) || name is "Variable" or "Condition" or "And" or "Or" or "Not")
            {
                Error(at, ProblemCodes.UnknownField, $"{name} belongs in a Choice rule, not directly in a {type} state.");
            }
            else
            {
                var suggestion = FieldTable.ByName.Keys.FirstOrDefault(k => name.Contains(k, StringComparison.OrdinalIgnoreCase) || k.Equals(name, StringComparison.OrdinalIgnoreCase));
                Error(at, ProblemCodes.UnknownField,
                    $"'{name}' is not an ASL field; remove it" + (suggestion is null ? "." : $" (did you mean '{suggestion}'? Field names are case-sensitive)."));
            }
        }
    }

    private void CheckLanguageFields(State state, in LazyPointer pointer, QueryLanguage language)
    {
        var present = PresentFields(state);
        if (language == QueryLanguage.Jsonata)
        {
            foreach (var field in FieldTable.JsonPathOnly)
            {
                if (present.Contains(field))
                {
                    Error(LazyPointer.Child(pointer, field.ToString()), ProblemCodes.QueryLanguageField,
                        $"{field} is a JSONPath field, but '{state.Name}' uses JSONata; use Arguments, Output, Items or Assign with {{% ... %}} expressions instead.");
                }
            }
        }
        else
        {
            foreach (var field in FieldTable.JsonataOnly)
            {
                if (present.Contains(field))
                {
                    Error(LazyPointer.Child(pointer, field.ToString()), ProblemCodes.QueryLanguageField,
                        $"{field} is a JSONata field, but '{state.Name}' uses JSONPath; set \"QueryLanguage\": \"JSONata\" on the state (or machine), or use Parameters/ResultSelector/ResultPath/OutputPath.");
                }
            }
        }
    }

    private static FieldSet PresentFields(State state)
    {
        var present = default(FieldSet);
        void Add(Field field, bool isPresent)
        {
            if (isPresent)
            {
                present.Add(field);
            }
        }

        if (state is FlowState flow)
        {
            Add(Field.InputPath, flow.InputPath is not null);
            Add(Field.OutputPath, flow.OutputPath is not null);
            Add(Field.Output, flow.Output is not null);
        }

        if (state is RecoverableState r)
        {
            Add(Field.Parameters, r.Parameters is not null);
            Add(Field.Arguments, r.Arguments is not null);
            Add(Field.ResultSelector, r.ResultSelector is not null);
            Add(Field.ResultPath, r.ResultPath is not null);
        }

        switch (state)
        {
            case TaskState t:
                Add(Field.TimeoutSecondsPath, t.TimeoutSecondsPath is not null);
                Add(Field.HeartbeatSecondsPath, t.HeartbeatSecondsPath is not null);
                break;
            case PassState p:
                Add(Field.Parameters, p.Parameters is not null);
                Add(Field.ResultPath, p.ResultPath is not null);
                break;
            case WaitState w:
                Add(Field.SecondsPath, w.SecondsPath is not null);
                Add(Field.TimestampPath, w.TimestampPath is not null);
                break;
            case FailState f:
                Add(Field.ErrorPath, f.ErrorPath is not null);
                Add(Field.CausePath, f.CausePath is not null);
                break;
            case ChoiceState c:
                Add(Field.InputPath, c.InputPath is not null);
                Add(Field.OutputPath, c.OutputPath is not null);
                Add(Field.Output, c.Output is not null);
                break;
            case SucceedState s:
                Add(Field.InputPath, s.InputPath is not null);
                Add(Field.OutputPath, s.OutputPath is not null);
                Add(Field.Output, s.Output is not null);
                break;
            case MapState m:
                Add(Field.ItemsPath, m.ItemsPath is not null);
                Add(Field.Items, m.Items is not null);
                Add(Field.Iterator, m.Iterator is not null);
                Add(Field.MaxConcurrencyPath, m.MaxConcurrencyPath is not null);
                Add(Field.ToleratedFailureCountPath, m.ToleratedFailureCountPath is not null);
                Add(Field.ToleratedFailurePercentagePath, m.ToleratedFailurePercentagePath is not null);
                break;
        }

        return present;
    }

    /// <summary>A set of fields as bits (there are fewer than 64): no allocation per state.</summary>
    private struct FieldSet
    {
        private ulong _bits;

        public void Add(Field field) => _bits |= 1UL << (int)field;

        public readonly bool Contains(Field field) => (_bits & (1UL << (int)field)) != 0;
    }

    private void CheckTask(TaskState task, in LazyPointer pointer, QueryLanguage language)
    {
        if (task.ResourceTemplate is null && task.Resource.Length > 0)
        {
            var (kind, reason) = ResourceVerdict(task.Resource);
            switch (kind)
            {
                case ResourceKind.Substitution when !options.AllowDefinitionSubstitutions:
                    Error(pointer + "/Resource", ProblemCodes.InvalidArn, $"Resource '{task.Resource}' is a template substitution; substitute it before deploying.");
                    break;
                case ResourceKind.BadFormat:
                    Error(pointer + "/Resource", ProblemCodes.InvalidArn, $"Resource {reason}; use e.g. arn:aws:states:::lambda:invoke or arn:aws:lambda:us-east-1:123456789012:function:name.");
                    break;
                case ResourceKind.UnsupportedIntegration:
                    Error(pointer + "/Resource", ProblemCodes.UnsupportedIntegration, $"Resource '{task.Resource}': {reason}.");
                    break;
            }
        }
        else if (task.ResourceTemplate is null && !fromJson)
        {
            Error(pointer, ProblemCodes.MissingField, $"Task '{task.Name}' has no Resource; set the ARN to call.");
        }

        Exclusive(pointer, "TimeoutSeconds", task.TimeoutSeconds is not null, "TimeoutSecondsPath", task.TimeoutSecondsPath is not null);
        Exclusive(pointer, "HeartbeatSeconds", task.HeartbeatSeconds is not null, "HeartbeatSecondsPath", task.HeartbeatSecondsPath is not null);
        CheckNumber(task.TimeoutSeconds, pointer, "/TimeoutSeconds", language, min: 1, max: 99999999, integer: true);
        CheckNumber(task.HeartbeatSeconds, pointer, "/HeartbeatSeconds", language, min: 1, max: 99999999, integer: true);
        CheckPath(task.TimeoutSecondsPath, pointer, "/TimeoutSecondsPath", PathKind.Reference);
        CheckPath(task.HeartbeatSecondsPath, pointer, "/HeartbeatSecondsPath", PathKind.Reference);
        if (task.TimeoutSeconds?.Number is { } timeout && task.HeartbeatSeconds?.Number is { } heartbeat && heartbeat >= timeout)
        {
            Error(pointer + "/HeartbeatSeconds", ProblemCodes.Timeouts,
                $"HeartbeatSeconds ({heartbeat}) must be less than TimeoutSeconds ({timeout}); lower the heartbeat or raise the timeout.");
        }

        CheckTemplate(task.Parameters, pointer, "/Parameters", language);
        if (task.Credentials is { } credentials)
        {
            if (credentials.ValueKind != JsonValueKind.Object)
            {
                Error(pointer + "/Credentials", ProblemCodes.WrongType,
                    $"Credentials must be an object such as {{\"RoleArn\": \"arn:aws:iam::123456789012:role/name\"}}, not {credentials.GetRawText()}.");
            }
            else
            {
                CheckTemplate(credentials, pointer, "/Credentials", language);
            }
        }
    }

    private void CheckWait(WaitState wait, in LazyPointer pointer, QueryLanguage language)
    {
        var count = (wait.Seconds is null ? 0 : 1) + (wait.SecondsPath is null ? 0 : 1) + (wait.Timestamp is null ? 0 : 1) + (wait.TimestampPath is null ? 0 : 1);
        if (count != 1 && !HasWrongTyped(wait, "Seconds", "SecondsPath", "Timestamp", "TimestampPath"))
        {
            Error(pointer, ProblemCodes.WaitDuration,
                $"A Wait state needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath; '{wait.Name}' has {count}.");
        }

        CheckNumber(wait.Seconds, pointer, "/Seconds", language, min: 0, max: 99999999, integer: true);
        CheckPath(wait.SecondsPath, pointer, "/SecondsPath", PathKind.Reference);
        CheckPath(wait.TimestampPath, pointer, "/TimestampPath", PathKind.Reference);
        if (wait.Timestamp is { } timestamp)
        {
            if (JsonataSyntax.IsExpression(timestamp))
            {
                CheckJsonataString(timestamp, pointer + "/Timestamp", language);
            }
            else if (!IsTimestamp(timestamp))
            {
                Error(pointer + "/Timestamp", ProblemCodes.InvalidValue,
                    $"Timestamp '{timestamp}' is not an RFC 3339 time; write e.g. 2026-03-14T01:59:00Z (uppercase T and Z).");
            }
        }
    }

    private void CheckFail(FailState fail, in LazyPointer pointer, QueryLanguage language)
    {
        Exclusive(pointer, "Error", fail.Error is not null, "ErrorPath", fail.ErrorPath is not null);
        Exclusive(pointer, "Cause", fail.Cause is not null, "CausePath", fail.CausePath is not null);
        CheckPathOrIntrinsic(fail.ErrorPath, pointer, "/ErrorPath");
        CheckPathOrIntrinsic(fail.CausePath, pointer, "/CausePath");
        if (fail.Error is { } error && JsonataSyntax.IsExpression(error))
        {
            CheckJsonataString(error, pointer + "/Error", language);
        }

        if (fail.Cause is { } cause && JsonataSyntax.IsExpression(cause))
        {
            CheckJsonataString(cause, pointer + "/Cause", language);
        }
    }

    private void CheckChoice(ChoiceState choice, in LazyPointer pointer, QueryLanguage language)
    {
        if (choice.Choices.IsEmpty && !HasWrongTyped(choice, "Choices"))
        {
            Error(pointer, ProblemCodes.InvalidChoiceRule, $"Choice state '{choice.Name}' has no Choices; add at least one rule.");
        }

        for (var i = 0; i < choice.Choices.Length; i++)
        {
            var rulePointer = LazyPointer.Child(pointer + "/Choices", ReadFacts.SourcePosition(choice.Choices, i));
            var rule = choice.Choices[i];
            if (rule.Next is null)
            {
                Error(rulePointer, ProblemCodes.InvalidChoiceRule, "A top-level Choice rule needs Next: the state to go to when it matches.");
            }

            CheckRule(rule, rulePointer, language, topLevel: true);
        }
    }

    private void CheckRule(ChoiceRule rule, in LazyPointer pointer, QueryLanguage language, bool topLevel)
    {
        foreach (var (name, _) in rule.UnknownFields)
        {
            if (fromJson && name is "And" or "Or" or "Not")
            {
                continue;
            }

            Error(LazyPointer.Child(pointer, name), ProblemCodes.InvalidChoiceRule, ChoiceOperators.TryParse(name, out _)
                ? $"A rule has one comparison; {name} is a second one. Combine comparisons with And, Or or Not."
                : $"'{name}' is not a Choice rule field; remove it.");
        }

        if (!topLevel)
        {
            if (rule.Next is not null)
            {
                Error(pointer + "/Next", ProblemCodes.InvalidChoiceRule, "Only top-level Choice rules have Next; remove it from this nested rule.");
            }

            if (rule.Assign is not null || rule.Output is not null)
            {
                Error(pointer, ProblemCodes.InvalidChoiceRule, "Only top-level Choice rules have Assign and Output.");
            }
        }

        CheckAssign(rule.Assign, pointer, "/Assign", language);
        CheckJsonataTemplate(rule.Output, pointer, "/Output", language);
        if (language == QueryLanguage.Jsonata)
        {
            if (rule.Condition is not { } condition)
            {
                Error(pointer, ProblemCodes.InvalidChoiceRule, "A JSONata Choice rule needs Condition: \"{% <boolean expression> %}\".");
            }
            else if (condition.ValueKind == JsonValueKind.String)
            {
                CheckJsonataString(condition.GetString()!, pointer + "/Condition", language, required: true);
            }
            else if (condition.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                Error(pointer + "/Condition", ProblemCodes.WrongType, "Condition must be a \"{% ... %}\" string or a boolean.");
            }

            if (rule.Variable is not null || rule.Operator is not null || rule.And is not null || rule.Or is not null || rule.Not is not null)
            {
                Error(pointer, ProblemCodes.QueryLanguageField,
                    "JSONata Choice rules use Condition only; Variable, comparison operators, And, Or and Not are JSONPath.");
            }

            return;
        }

        if (rule.Condition is not null)
        {
            Error(pointer + "/Condition", ProblemCodes.QueryLanguageField,
                "Condition is JSONata; set \"QueryLanguage\": \"JSONata\" or use Variable with a comparison operator.");
        }

        var forms = (rule.Operator is null ? 0 : 1) + (rule.And is null ? 0 : 1) + (rule.Or is null ? 0 : 1) + (rule.Not is null ? 0 : 1);
        if (forms != 1 && rule.Condition is null)
        {
            Error(pointer, ProblemCodes.InvalidChoiceRule, forms == 0
                ? "The rule has no comparison: add Variable and an operator such as StringEquals, or And/Or/Not."
                : "The rule mixes a comparison with And/Or/Not; keep one per rule and nest the others.");
        }

        if (rule.Operator is { } op)
        {
            if (rule.Variable is null)
            {
                Error(pointer, ProblemCodes.InvalidChoiceRule, $"{op.JsonName()} needs Variable: the path of the value to compare.");
            }
            else
            {
                CheckPath(rule.Variable, pointer, "/Variable", PathKind.Path);
            }

            CheckOperand(op, rule.Operand!.Value, pointer);
        }
        else if (rule.Variable is not null && forms > 0)
        {
            Error(pointer + "/Variable", ProblemCodes.InvalidChoiceRule, "Variable belongs to a comparison, not to And/Or/Not.");
        }

        if (rule.And is not null)
        {
            CheckNested(rule.And, pointer + "/And", language);
        }

        if (rule.Or is not null)
        {
            CheckNested(rule.Or, pointer + "/Or", language);
        }
        if (rule.Not is { } not)
        {
            CheckRule(not, pointer + "/Not", language, topLevel: false);
        }
    }

    private void CheckNested(ImmutableArray<ChoiceRule>? rules, in LazyPointer pointer, QueryLanguage language)
    {
        if (rules is not { } list)
        {
            return;
        }

        if (list.IsEmpty)
        {
            Error(pointer, ProblemCodes.InvalidChoiceRule, "And/Or needs at least one rule.");
        }

        for (var i = 0; i < list.Length; i++)
        {
            CheckRule(list[i], LazyPointer.Child(pointer, ReadFacts.SourcePosition(list, i)), language, topLevel: false);
        }
    }

    private void CheckOperand(ChoiceOperator op, JsonElement operand, in LazyPointer rulePointer)
    {
        var name = op.JsonName();
        switch (op.OperandKind())
        {
            case ChoiceOperandKind.Path:
                if (operand.ValueKind != JsonValueKind.String)
                {
                    Error(LazyPointer.Child(rulePointer, name), ProblemCodes.WrongType, $"{name} takes a path string, not {operand.GetRawText()}.");
                }
                else
                {
                    CheckPath(operand.GetString(), LazyPointer.Child(rulePointer, name), PathKind.Path);
                }

                break;
            case ChoiceOperandKind.String when operand.ValueKind != JsonValueKind.String:
                Error(LazyPointer.Child(rulePointer, name), ProblemCodes.WrongType, $"{name} takes a string, not {operand.GetRawText()}.");
                break;
            case ChoiceOperandKind.Number when operand.ValueKind != JsonValueKind.Number:
                Error(LazyPointer.Child(rulePointer, name), ProblemCodes.WrongType, $"{name} takes a number, not {operand.GetRawText()}; for a path use {name}Path.");
                break;
            case ChoiceOperandKind.Boolean when operand.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                Error(LazyPointer.Child(rulePointer, name), ProblemCodes.WrongType, $"{name} takes true or false, not {operand.GetRawText()}.");
                break;
            case ChoiceOperandKind.Timestamp when operand.ValueKind != JsonValueKind.String || !IsTimestamp(TextOf(operand)):
                Error(LazyPointer.Child(rulePointer, name), ProblemCodes.WrongType, $"{name} takes an RFC 3339 timestamp string such as \"2026-01-01T00:00:00Z\", not {operand.GetRawText()}.");
                break;
        }
    }

    private void CheckMap(MapState map, in LazyPointer pointer, QueryLanguage language)
    {
        if (map.ItemProcessor is not null && map.Iterator is not null)
        {
            Error(pointer + "/Iterator", ProblemCodes.ExclusiveFields, "A Map state has ItemProcessor or the legacy Iterator, not both; keep ItemProcessor.");
        }
        else if (map.Processor is null && !HasWrongTyped(map, "ItemProcessor", "Iterator"))
        {
            Error(pointer, ProblemCodes.MissingField, "A Map state needs ItemProcessor: { \"StartAt\": ..., \"States\": { ... } }.");
        }

        Exclusive(pointer, "ItemsPath", map.ItemsPath is not null, "Items", map.Items is not null);
        Exclusive(pointer, "Parameters", map.Parameters is not null, "ItemSelector", map.ItemSelector is not null);
        Exclusive(pointer, "MaxConcurrency", map.MaxConcurrency is not null, "MaxConcurrencyPath", map.MaxConcurrencyPath is not null);
        Exclusive(pointer, "ToleratedFailureCount", map.ToleratedFailureCount is not null, "ToleratedFailureCountPath", map.ToleratedFailureCountPath is not null);
        Exclusive(pointer, "ToleratedFailurePercentage", map.ToleratedFailurePercentage is not null, "ToleratedFailurePercentagePath", map.ToleratedFailurePercentagePath is not null);
        if (map.ItemsPath is { IsNull: true })
        {
            Error(pointer + "/ItemsPath", ProblemCodes.InvalidPath, "ItemsPath cannot be null; remove it (the default is \"$\") or give a path.");
        }
        else
        {
            CheckPath(map.ItemsPath, pointer, "/ItemsPath", PathKind.Reference);
        }

        if (map.Items is { } items)
        {
            if (items.ValueKind == JsonValueKind.String)
            {
                CheckJsonataString(items.GetString()!, pointer + "/Items", language, required: true);
            }
            else if (items.ValueKind != JsonValueKind.Array)
            {
                Error(pointer + "/Items", ProblemCodes.WrongType, "Items must be an array or a \"{% ... %}\" expression giving one.");
            }
            else
            {
                CheckJsonataTemplate(items, pointer, "/Items", language);
            }
        }

        CheckTemplate(map.Parameters, pointer, "/Parameters", language);
        CheckTemplate(map.ItemSelector, pointer, "/ItemSelector", language);
        CheckNumber(map.MaxConcurrency, pointer, "/MaxConcurrency", language, min: 0, max: int.MaxValue, integer: true);
        CheckNumber(map.ToleratedFailureCount, pointer, "/ToleratedFailureCount", language, min: 0, max: int.MaxValue, integer: true);
        CheckNumber(map.ToleratedFailurePercentage, pointer, "/ToleratedFailurePercentage", language, min: 0, max: 100, integer: false);
        CheckPath(map.MaxConcurrencyPath, pointer, "/MaxConcurrencyPath", PathKind.Reference);
        CheckPath(map.ToleratedFailureCountPath, pointer, "/ToleratedFailureCountPath", PathKind.Reference);
        CheckPath(map.ToleratedFailurePercentagePath, pointer, "/ToleratedFailurePercentagePath", PathKind.Reference);
        if (map.Label is { } label && (label.Length > Limits.MaxMapLabelLength || label.AsSpan().IndexOfAny(" \t\n<>{}[]?*\"#%\\^|~`$&,;:/") >= 0))
        {
            Error(pointer + "/Label", ProblemCodes.MapConfiguration,
                $"Label '{Short(label)}' must be at most {Limits.MaxMapLabelLength} characters without whitespace or special characters.");
        }

        if (map.ItemReader is { } reader)
        {
            CheckItemReader(reader, pointer + "/ItemReader", language);
        }

        CheckPairs(map.ItemBatcher, pointer + "/ItemBatcher", ["MaxItemsPerBatch", "MaxInputBytesPerBatch"]);
        if (map.ItemBatcher is { ValueKind: JsonValueKind.Object } batcher && batcher.TryGetProperty("BatchInput"u8, out var batchInput))
        {
            CheckTemplate(batchInput, pointer + "/ItemBatcher/BatchInput", language);
        }

        if (map.ResultWriter is { ValueKind: JsonValueKind.Object } writer)
        {
            if (writer.TryGetProperty("Resource"u8, out var resource) && resource.ValueKind == JsonValueKind.String
                && ResourceArn.CheckFormat(resource.GetString()!) is { } arnError)
            {
                Error(pointer + "/ResultWriter/Resource", ProblemCodes.InvalidArn, $"ResultWriter Resource {arnError}; use arn:aws:states:::s3:putObject.");
            }

            if (writer.TryGetProperty("Parameters"u8, out var parameters))
            {
                CheckTemplate(parameters, pointer + "/ResultWriter/Parameters", language);
            }
        }

        if (map.ItemProcessor?.ProcessorConfig is { Mode: not MapMode.Distributed, ExecutionType: not null })
        {
            Error(pointer + "/ItemProcessor/ProcessorConfig/ExecutionType", ProblemCodes.MapConfiguration,
                "ExecutionType applies to distributed Maps only; set Mode to \"DISTRIBUTED\" or remove it.");
        }
        else if (map.ItemProcessor?.ProcessorConfig is { Mode: MapMode.Distributed, ExecutionType: null })
        {
            Error(pointer + "/ItemProcessor/ProcessorConfig", ProblemCodes.MapConfiguration,
                "A distributed Map needs ExecutionType: \"STANDARD\" or \"EXPRESS\".");
        }

        if (map.ItemProcessor is { } processor)
        {
            CheckGraph(processor, pointer + "/ItemProcessor", language);
        }

        if (map.Iterator is { } iterator)
        {
            CheckGraph(iterator, pointer + "/Iterator", language);
        }
    }

    private void CheckItemReader(ItemReader reader, in LazyPointer pointer, QueryLanguage language)
    {
        foreach (var (name, _) in reader.UnknownFields)
        {
            if (!(fromJson && name == "Resource"))
            {
                Error(LazyPointer.Child(pointer, name), ProblemCodes.UnknownField, $"'{name}' is not an ItemReader field (Resource, ReaderConfig, Parameters, Arguments).");
            }
        }

        if (reader.Resource.Length > 0 && ResourceArn.CheckFormat(reader.Resource) is { } arnError)
        {
            Error(pointer + "/Resource", ProblemCodes.InvalidArn, $"ItemReader Resource {arnError}; use arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2.");
        }

        CheckPairs(reader.ReaderConfig, pointer + "/ReaderConfig", ["MaxItems"]);
        CheckTemplate(reader.Parameters, pointer, "/Parameters", language);
        if (language == QueryLanguage.Jsonata && reader.Parameters is not null)
        {
            Error(pointer + "/Parameters", ProblemCodes.QueryLanguageField, "ItemReader uses Arguments in JSONata states, not Parameters.");
        }

        if (language == QueryLanguage.JsonPath && reader.Arguments is not null)
        {
            Error(pointer + "/Arguments", ProblemCodes.QueryLanguageField, "ItemReader uses Parameters in JSONPath states, not Arguments.");
        }

        CheckJsonataTemplate(reader.Arguments, pointer, "/Arguments", language);
    }

    private void CheckPairs(JsonElement? element, in LazyPointer pointer, string[] fields)
    {
        if (element is not { ValueKind: JsonValueKind.Object } value)
        {
            return;
        }

        foreach (var field in fields)
        {
            Exclusive(pointer, field, value.TryGetProperty(field, out _), field + "Path", value.TryGetProperty(field + "Path", out _));
        }
    }

    private void CheckRetry(RecoverableState state, LazyPointer pointer, QueryLanguage language)
    {
        _ = language;
        for (var i = 0; i < state.Retry.Length; i++)
        {
            var retrier = state.Retry[i];
            LazyPointer At() => ItemPointer(pointer, "/Retry", ReadFacts.SourcePosition(state.Retry, i));

            CheckErrorEquals(retrier, retrier.ErrorEquals, pointer, "/Retry", ReadFacts.SourcePosition(state.Retry, i), last: i == state.Retry.Length - 1, "retrier");
            foreach (var (name, _) in retrier.UnknownFields)
            {
                if (!(fromJson && name is "ErrorEquals" or "IntervalSeconds" or "MaxAttempts" or "BackoffRate" or "MaxDelaySeconds" or "JitterStrategy" or "Comment"))
                {
                    Error(LazyPointer.Child(At(), name), ProblemCodes.UnknownField,
                        $"'{name}' is not a retrier field (ErrorEquals, IntervalSeconds, MaxAttempts, BackoffRate, MaxDelaySeconds, JitterStrategy, Comment).");
                }
            }

            if (retrier.IntervalSeconds is < 1 or > 99999999)
            {
                Error(At() + "/IntervalSeconds", ProblemCodes.RetryCatch, $"IntervalSeconds is {retrier.IntervalSeconds}; use 1 to 99999999.");
            }

            if (retrier.MaxAttempts is < 0 or > 99999999)
            {
                Error(At() + "/MaxAttempts", ProblemCodes.RetryCatch, $"MaxAttempts is {retrier.MaxAttempts}; use 0 (never retry) to 99999999.");
            }

            if (retrier.BackoffRate is < 1m)
            {
                Error(At() + "/BackoffRate", ProblemCodes.RetryCatch,
                    $"BackoffRate is {retrier.BackoffRate.Value.ToString(CultureInfo.InvariantCulture)}; it multiplies the interval and must be at least 1.0.");
            }

            if (retrier.MaxDelaySeconds is < 1 or > 31622400)
            {
                Error(At() + "/MaxDelaySeconds", ProblemCodes.RetryCatch, $"MaxDelaySeconds is {retrier.MaxDelaySeconds}; use 1 to 31622400.");
            }
        }
    }

    private void CheckCatch(RecoverableState state, LazyPointer pointer, QueryLanguage language)
    {
        for (var i = 0; i < state.Catch.Length; i++)
        {
            var catcher = state.Catch[i];
            LazyPointer At() => ItemPointer(pointer, "/Catch", ReadFacts.SourcePosition(state.Catch, i));

            CheckErrorEquals(catcher, catcher.ErrorEquals, pointer, "/Catch", ReadFacts.SourcePosition(state.Catch, i), last: i == state.Catch.Length - 1, "catcher");
            foreach (var (name, _) in catcher.UnknownFields)
            {
                if (!(fromJson && name is "ErrorEquals" or "Next" or "ResultPath" or "Comment"))
                {
                    Error(LazyPointer.Child(At(), name), ProblemCodes.UnknownField,
                        $"'{name}' is not a catcher field (ErrorEquals, Next, ResultPath or Output, Assign, Comment).");
                }
            }

            if (catcher.Next.Length == 0 && !fromJson)
            {
                Error(At() + "/Next", ProblemCodes.MissingField, "The catcher needs Next: the state that handles the error.");
            }

            if (catcher.ResultPath is { Path: not null })
            {
                CheckPath(catcher.ResultPath, At(), "/ResultPath", PathKind.Result);
            }

            if (catcher.Assign is not null)
            {
                CheckAssign(catcher.Assign, At(), "/Assign", language);
            }

            if (catcher.Output is not null && language == QueryLanguage.Jsonata)
            {
                CheckJsonataTemplate(catcher.Output, At(), "/Output", language);
            }

            if (language == QueryLanguage.Jsonata && catcher.ResultPath is not null)
            {
                Error(At() + "/ResultPath", ProblemCodes.QueryLanguageField, "ResultPath is JSONPath; in JSONata catchers use Output.");
            }

            if (language == QueryLanguage.JsonPath && catcher.Output is not null)
            {
                Error(At() + "/Output", ProblemCodes.QueryLanguageField, "Output is JSONata; in JSONPath catchers use ResultPath.");
            }
        }
    }

    /// <summary>The ErrorEquals of <paramref name="item"/>, the retrier or catcher at JSON position <paramref name="index"/>.</summary>
    private void CheckErrorEquals(object item, ImmutableArray<string> errors, in LazyPointer owner, string list, int index, bool last, string what)
    {
        if (errors.IsDefaultOrEmpty)
        {
            // Absent from the JSON: the reader reported that already, at the item.
            if (!(fromJson && ReadFacts.IsMissing(item, "ErrorEquals")))
            {
                Error(ItemPointer(owner, list, index) + "/ErrorEquals", ProblemCodes.RetryCatch, $"The {what}'s ErrorEquals is empty; list error names such as \"States.TaskFailed\" or \"States.ALL\".");
            }

            return;
        }

        for (var i = 0; i < errors.Length; i++)
        {
            var error = errors[i];
            if (error == ErrorNames.All)
            {
                if (errors.Length > 1)
                {
                    Error(LazyPointer.Child(ItemPointer(owner, list, index) + "/ErrorEquals", i), ProblemCodes.RetryCatch, $"States.ALL must be the only error name in its {what}; move the others to an earlier {what}.");
                }

                if (!last)
                {
                    Error(LazyPointer.Child(ItemPointer(owner, list, index) + "/ErrorEquals", i), ProblemCodes.RetryCatch, $"The {what} with States.ALL must be the last one; later ones can never run.");
                }
            }
            else if (error.StartsWith("States.", StringComparison.Ordinal) && !ErrorNames.Predefined.Contains(error))
            {
                Error(LazyPointer.Child(ItemPointer(owner, list, index) + "/ErrorEquals", i), ProblemCodes.RetryCatch,
                    $"'{error}' is not a predefined error; the States.* names are {string.Join(", ", ErrorNames.Predefined.Order(StringComparer.Ordinal))}.");
            }
            else if (error.Length == 0)
            {
                Error(LazyPointer.Child(ItemPointer(owner, list, index) + "/ErrorEquals", i), ProblemCodes.RetryCatch, "An error name cannot be empty.");
            }
        }
    }

    private static LazyPointer ItemPointer(in LazyPointer owner, string list, int index) => LazyPointer.Child(owner + list, index);

    private void Exclusive(in LazyPointer pointer, string first, bool hasFirst, string second, bool hasSecond)
    {
        if (hasFirst && hasSecond)
        {
            Error(LazyPointer.Child(pointer, second), ProblemCodes.ExclusiveFields, $"{first} and {second} exclude each other; keep one.");
        }
    }

    // Overloads taking the parent pointer and the field's suffix: the pointer string is built only for a present value.
    private void CheckPath(OptionalPath? path, in LazyPointer parent, string suffix, PathKind kind)
    {
        if (path is { Path: not null })
        {
            CheckPath(path, parent + suffix, kind);
        }
    }

    private void CheckPath(string? path, in LazyPointer parent, string suffix, PathKind kind)
    {
        if (path is not null)
        {
            CheckPath(path, parent + suffix, kind);
        }
    }

    private void CheckPathOrIntrinsic(string? value, in LazyPointer parent, string suffix)
    {
        if (value is not null)
        {
            CheckPathOrIntrinsic(value, parent + suffix);
        }
    }

    private void CheckAssign(JsonElement? assign, in LazyPointer parent, string suffix, QueryLanguage language)
    {
        if (assign is not null)
        {
            CheckAssign(assign, parent + suffix, language);
        }
    }

    private void CheckTemplate(JsonElement? template, in LazyPointer parent, string suffix, QueryLanguage language)
    {
        if (template is not null)
        {
            CheckTemplate(template, parent + suffix, language);
        }
    }

    private void CheckJsonataTemplate(JsonElement? template, in LazyPointer parent, string suffix, QueryLanguage language)
    {
        if (template is not null && language == QueryLanguage.Jsonata)
        {
            CheckJsonataTemplate(template, parent + suffix, language);
        }
    }

    private void CheckNumber(NumberOrExpression? value, in LazyPointer parent, string suffix, QueryLanguage language, decimal min, decimal max, bool integer)
    {
        if (value is not null)
        {
            CheckNumber(value, parent + suffix, language, min, max, integer);
        }
    }

    private void CheckNumber(NumberOrExpression? value, in LazyPointer pointer, QueryLanguage language, decimal min, decimal max, bool integer)
    {
        if (value is not { } field)
        {
            return;
        }

        if (field.Expression is { } expression)
        {
            CheckJsonataString(expression, pointer, language, required: true);
            return;
        }

        var number = field.Number!.Value;
        if (number < min || number > max || (integer && number != decimal.Truncate(number)))
        {
            var at = pointer.ToString();
            Error(at, ProblemCodes.InvalidValue,
                $"{at[(at.LastIndexOf('/') + 1)..]} is {number.ToString(CultureInfo.InvariantCulture)}; use {(integer ? "an integer" : "a number")} from {min} to {max}.");
        }
    }

    private void CheckPath(OptionalPath? path, in LazyPointer pointer, PathKind kind)
    {
        if (path is { Path: { } text })
        {
            CheckPath(text, pointer, kind);
        }
    }

    private void CheckPath(string? path, in LazyPointer pointer, PathKind kind)
    {
        if (path is null)
        {
            return;
        }

        if (PathProblem(path, kind) is { } message)
        {
            Error(pointer, ProblemCodes.InvalidPath, message);
        }
    }

    private void CheckPathOrIntrinsic(string? value, in LazyPointer pointer)
    {
        if (value is not null && PathOrIntrinsicProblem(value) is { } problem)
        {
            Error(pointer, problem.Code, problem.Message);
        }
    }

    private static (string Code, string Message)? PathOrIntrinsicProblem(ReadOnlySpan<char> value)
    {
        if (IntrinsicSyntax.LooksLikeCall(value))
        {
            return IntrinsicSyntax.Check(value) is { } reason ? (ProblemCodes.InvalidIntrinsic, $"'{Short(value)}': {reason}.") : null;
        }

        return PathProblem(value, PathKind.Path) is { } message ? (ProblemCodes.InvalidPath, message) : null;
    }

    private static string? PathProblem(ReadOnlySpan<char> path, PathKind kind)
    {
        if (JsonPathSyntax.Check(path, kind) is not { } reason)
        {
            return null;
        }

        var hint = IntrinsicSyntax.LooksLikeCall(path) ? " (intrinsic functions are allowed only in .$ fields, ErrorPath and CausePath)" : string.Empty;
        return $"'{Short(path)}' is not a valid {Describe(kind)}: {reason}{hint}.";
    }

    private static string Describe(PathKind kind) => kind switch
    {
        PathKind.Path => "path",
        PathKind.Reference => "reference path",
        _ => "ResultPath",
    };

    private void CheckAssign(JsonElement? assign, in LazyPointer pointer, QueryLanguage language)
    {
        if (assign is not { } value)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(pointer, ProblemCodes.WrongType, "Assign must be an object of variable names to values.");
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            var name = property.Name.EndsWith(".$", StringComparison.Ordinal) ? property.Name[..^2] : property.Name;
            if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c is '.' or '$' or '[' or ']'))
            {
                Error(LazyPointer.Child(pointer, property.Name), ProblemCodes.InvalidValue,
                    $"'{property.Name}' is not a variable name; use letters, digits and '_', starting with a letter or '_'.");
            }
        }

        if (language == QueryLanguage.Jsonata)
        {
            CheckJsonataTemplate(value, pointer, language);
        }
        else
        {
            CheckTemplate(value, pointer, language);
        }
    }

    /// <summary>A JSONPath payload template: <c>.$</c> keys take paths or intrinsic calls.</summary>
    private void CheckTemplate(JsonElement? template, in LazyPointer pointer, QueryLanguage language)
    {
        if (template is not { } value || language == QueryLanguage.Jsonata)
        {
            if (template is { } jsonata)
            {
                CheckJsonataTemplate(jsonata, pointer, language);
            }

            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    CheckTemplateMember(value, property, pointer, language);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckTemplate(item, LazyPointer.Child(pointer, index++), language);
                }

                break;
        }
    }

    /// <summary>One member of a JSONPath template. Its name is read as UTF-8 (no string per key) and its pointer
    /// is built only for a problem.</summary>
    private void CheckTemplateMember(JsonElement owner, JsonProperty property, in LazyPointer pointer, QueryLanguage language)
    {
        var rawName = JsonMarshal.GetRawUtf8PropertyName(property);
        var escaped = rawName.IndexOf((byte)'\\') >= 0;
        if (escaped ? !property.Name.EndsWith(".$", StringComparison.Ordinal) : !rawName.EndsWith(".$"u8))
        {
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                CheckTemplate(property.Value, LazyPointer.Child(pointer, property.Name), language);
            }

            return;
        }

        var hasTwin = escaped
            ? owner.TryGetProperty(property.Name.AsSpan(0, property.Name.Length - 2), out _)
            : owner.TryGetProperty(rawName[..^2], out _);
        if (hasTwin)
        {
            Error(LazyPointer.Child(pointer, property.Name), ProblemCodes.ExclusiveFields,
                $"'{property.Name}' and '{property.Name[..^2]}' name the same field; keep one.");
        }

        if (property.Value.ValueKind != JsonValueKind.String)
        {
            Error(LazyPointer.Child(pointer, property.Name), ProblemCodes.InvalidPath,
                $"'{property.Name}' ends with .$, so its value must be a path or intrinsic function string, not {ModelReader.Kind(property.Value)}; drop the .$ for a constant.");
        }
        else if (PathOrIntrinsicProblem(TextOf(property.Value)) is { } problem)
        {
            Error(LazyPointer.Child(pointer, property.Name), problem.Code, problem.Message);
        }
    }

    /// <summary>In JSONata states every string that looks like an expression must be one.</summary>
    private void CheckJsonataTemplate(JsonElement? template, in LazyPointer pointer, QueryLanguage language)
    {
        if (template is not { } value || language != QueryLanguage.Jsonata)
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (JsonataSyntax.IsExpression(text))
                {
                    CheckJsonataString(text, pointer, language);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    CheckJsonataTemplate(property.Value, LazyPointer.Child(pointer, property.Name), language);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckJsonataTemplate(item, LazyPointer.Child(pointer, index++), language);
                }

                break;
        }
    }

    private void CheckJsonataString(string text, in LazyPointer pointer, QueryLanguage language, bool required = false)
    {
        if (language != QueryLanguage.Jsonata)
        {
            if (required || JsonataSyntax.IsExpression(text))
            {
                Error(pointer, ProblemCodes.QueryLanguageField,
                    $"'{Short(text)}' is a JSONata expression in a JSONPath state; set \"QueryLanguage\": \"JSONata\" or give a number or path.");
            }

            return;
        }

        if (JsonataSyntax.Check(text) is { } reason)
        {
            Error(pointer, ProblemCodes.InvalidJsonata, $"'{Short(text)}' is not a valid JSONata expression: {reason}.");
        }
    }

    private static bool IsTimestamp(ReadOnlySpan<char> text) =>
        text.Length >= 20 && text[10] == 'T' && (text[^1] == 'Z' || text[^6] is '+' or '-')
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string Short(ReadOnlySpan<char> text) => text.Length <= 80 ? text.ToString() : string.Concat(text[..77], "...");

    /// <summary>A string value's text, decoded into a scratch buffer when it has no escapes: no string per value.</summary>
    private ReadOnlySpan<char> TextOf(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1]; // without the quotes
        if (raw.IndexOf((byte)'\\') >= 0)
        {
            return value.GetString();
        }

        if (_chars.Length < raw.Length)
        {
            _chars = new char[raw.Length];
        }

        return _chars.AsSpan(0, Encoding.UTF8.GetChars(raw, _chars));
    }

    private void Error(in LazyPointer pointer, string code, string message) => problems.Add(new AslProblem(pointer.ToString(), code, message));
}
