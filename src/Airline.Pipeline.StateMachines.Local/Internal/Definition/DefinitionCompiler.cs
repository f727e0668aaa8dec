using System.Globalization;
using Airline.Pipeline.StateMachines.Local.Internal.Json;
using Airline.Pipeline.StateMachines.Local.Internal.Jsonata;
using Airline.Pipeline.StateMachines.Local.Internal.Paths;

namespace Airline.Pipeline.StateMachines.Local.Internal.Definition;

/// <summary>
/// Compiles ASL JSON text into executable states, reporting every problem at once with its JSON pointer:
/// unknown types, missing targets, bad paths, JSONata outside the supported subset, fields of the other
/// query language.
/// </summary>
internal sealed class DefinitionCompiler
{
    private static readonly string[] JsonPathOnlyFields = ["InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "ItemsPath", "SecondsPath", "TimestampPath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "ErrorPath", "CausePath", "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath"];
    private static readonly string[] JsonataOnlyFields = ["Arguments", "Output", "Items"];

    private readonly DefinitionProblems _problems = new();

    public static MachineDefinition Compile(string json)
    {
        JData root;
        try
        {
            root = JData.Parse(json);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new StateMachineDefinitionException($"The definition is not valid JSON: {ex.Message}", ex);
        }

        var compiler = new DefinitionCompiler();
        if (root is not JObject obj)
        {
            throw new StateMachineDefinitionException($"The definition must be a JSON object, not {root.TypeName}.");
        }

        var machine = compiler.CompileMachine(obj, string.Empty, QueryLanguage.JsonPath, topLevel: true);
        if (compiler._problems.Items.Count > 0)
        {
            throw new StateMachineDefinitionException(compiler._problems.Items);
        }

        return machine;
    }

    private MachineDefinition CompileMachine(JObject obj, string pointer, QueryLanguage inherited, bool topLevel)
    {
        var language = inherited;
        if (obj.Get("QueryLanguage") is { } ql)
        {
            language = ParseLanguage(ql, $"{pointer}/QueryLanguage", inherited);
            if (!topLevel)
            {
                _problems.Add($"{pointer}/QueryLanguage", "QueryLanguage may be set only at the top level of the state machine or on a state");
            }
        }

        int? timeout = null;
        if (topLevel && obj.Get("TimeoutSeconds") is { } t)
        {
            timeout = PositiveInt(t, $"{pointer}/TimeoutSeconds");
        }

        var startAt = (obj.Get("StartAt") as JString)?.Value;
        if (startAt is null)
        {
            _problems.Add($"{pointer}/StartAt", "StartAt is required and must name a state");
        }

        var states = new Dictionary<string, StateNode>(StringComparer.Ordinal);
        if (obj.Get("States") is not JObject statesObj || statesObj.Count == 0)
        {
            _problems.Add($"{pointer}/States", "States is required and must be an object with at least one state");
            return new MachineDefinition(startAt ?? string.Empty, states, language, timeout);
        }

        foreach (var (name, value) in statesObj.Properties)
        {
            var statePointer = $"{pointer}/States/{DefinitionProblems.Escape(name)}";
            if (name.Length > 80)
            {
                _problems.Add(statePointer, $"state name '{name}' is longer than 80 characters");
            }

            if (value is not JObject stateObj)
            {
                _problems.Add(statePointer, $"state '{name}' must be an object");
                continue;
            }

            var state = CompileState(name, stateObj, statePointer, language);
            if (state is not null)
            {
                states[name] = state;
            }
        }

        if (startAt is not null && !statesObj.TryGet(startAt, out _))
        {
            _problems.Add($"{pointer}/StartAt", $"StartAt '{startAt}' is not a state here; states: {string.Join(", ", statesObj.Properties.Select(p => p.Key))}");
        }

        foreach (var (name, state) in states)
        {
            var statePointer = $"{pointer}/States/{DefinitionProblems.Escape(name)}";
            foreach (var (target, field) in Targets(state))
            {
                if (!states.ContainsKey(target) && statesObj.Get(target) is null)
                {
                    _problems.Add($"{statePointer}/{field}", $"'{target}' is not a state in the same scope; a Next may not leave its branch");
                }
            }
        }

        return new MachineDefinition(startAt ?? string.Empty, states, language, timeout);
    }

    private static IEnumerable<(string Target, string Field)> Targets(StateNode state)
    {
        if (state.Next is not null)
        {
            yield return (state.Next, "Next");
        }

        if (state is RecoverableStateNode recoverable)
        {
            foreach (var catcher in recoverable.Catch.Where(c => c.Source.HasNext)) // a missing Next was reported already
            {
                yield return (catcher.Next, $"Catch/{catcher.Source.Position}/Next");
            }
        }

        if (state is ChoiceState choice)
        {
            foreach (var rule in choice.Rules.Where(r => r.Source.HasNext))
            {
                yield return (rule.Next, $"Choices/{rule.Source.Position}/Next");
            }

            if (choice.Default is not null)
            {
                yield return (choice.Default, "Default");
            }
        }
    }

    private QueryLanguage ParseLanguage(JData value, string pointer, QueryLanguage inherited)
    {
        switch ((value as JString)?.Value)
        {
            case "JSONPath":
                if (inherited == QueryLanguage.Jsonata)
                {
                    _problems.Add(pointer, "a state cannot use JSONPath when the state machine's QueryLanguage is JSONata");
                }

                return QueryLanguage.JsonPath;
            case "JSONata":
                return QueryLanguage.Jsonata;
            default:
                _problems.Add(pointer, $"QueryLanguage must be \"JSONPath\" or \"JSONata\", not {value.ToJson()}");
                return inherited;
        }
    }

    private StateNode? CompileState(string name, JObject obj, string pointer, QueryLanguage inherited)
    {
        var language = obj.Get("QueryLanguage") is { } ql ? ParseLanguage(ql, $"{pointer}/QueryLanguage", inherited) : inherited;
        var type = (obj.Get("Type") as JString)?.Value;
        foreach (var field in language == QueryLanguage.Jsonata ? JsonPathOnlyFields : JsonataOnlyFields)
        {
            if (obj.Get(field) is not null)
            {
                _problems.Add($"{pointer}/{field}", $"{field} is a {(language == QueryLanguage.Jsonata ? "JSONPath" : "JSONata")} field, but state '{name}' uses {(language == QueryLanguage.Jsonata ? "JSONata" : "JSONPath")}; {(language == QueryLanguage.Jsonata ? "use Arguments/Output/Items with {% %} expressions" : "set \"QueryLanguage\": \"JSONata\" or use the JSONPath fields")}");
            }
        }

        var next = (obj.Get("Next") as JString)?.Value;
        var end = obj.Get("End") is JBool { Value: true };
        var isTerminal = type is "Choice" or "Succeed" or "Fail";
        if (!isTerminal && type is not null)
        {
            if (next is null && !end)
            {
                _problems.Add(pointer, $"state '{name}' has no Next and no End; add \"Next\": \"<state>\" or \"End\": true");
            }
            else if (next is not null && end)
            {
                _problems.Add(pointer, $"state '{name}' has both Next and End; keep one");
            }
        }

        var common = new Common(
            name,
            language,
            end ? null : next,
            OptionalPath(obj, "InputPath", pointer, out var inputNull),
            inputNull,
            OptionalPath(obj, "OutputPath", pointer, out var outputNull),
            outputNull,
            language == QueryLanguage.JsonPath && obj.Get("Assign") is { } a ? CompileAssign(a, $"{pointer}/Assign") : null,
            language == QueryLanguage.Jsonata && obj.Get("Assign") is { } aj ? CompileJsonataAssign(aj, $"{pointer}/Assign") : null,
            obj.Get("Output") is { } o && language == QueryLanguage.Jsonata ? JsonataTemplate.Compile(o, $"{pointer}/Output", _problems) : null);

        switch (type)
        {
            case "Task":
                return CompileTask(obj, pointer, common);
            case "Pass":
                return Apply(new PassState
                {
                    Name = name,
                    Result = obj.Get("Result"),
                    Parameters = obj.Get("Parameters") is { } p ? Template.Compile(p, $"{pointer}/Parameters", _problems) : null,
                    ResultPath = ResultPath(obj, pointer),
                }, common);
            case "Wait":
                return CompileWait(obj, pointer, common);
            case "Choice":
                return CompileChoice(obj, pointer, common);
            case "Succeed":
                return Apply(new SucceedState { Name = name }, common);
            case "Fail":
                return CompileFail(obj, pointer, common);
            case "Parallel":
                return CompileParallel(obj, pointer, common);
            case "Map":
                return CompileMap(obj, pointer, common);
            case null:
                _problems.Add($"{pointer}/Type", $"state '{name}' has no Type; use Task, Pass, Choice, Wait, Succeed, Fail, Parallel or Map");
                return null;
            default:
                _problems.Add($"{pointer}/Type", $"state '{name}' has unknown Type '{type}'; use Task, Pass, Choice, Wait, Succeed, Fail, Parallel or Map");
                return null;
        }
    }

    private sealed record Common(string Name, QueryLanguage Language, string? Next, JsonPath? InputPath, bool InputPathNull, JsonPath? OutputPath, bool OutputPathNull, Template? Assign, JsonataTemplate? AssignJsonata, JsonataTemplate? Output);

    private static T Apply<T>(T state, Common common)
        where T : StateNode
    {
        // init-only properties of the base are set through a copy helper to keep each state's initializer short.
        StateInit.Set(state, common.Language, common.Next, common.InputPath, common.InputPathNull, common.OutputPath, common.OutputPathNull, common.Assign, common.AssignJsonata, common.Output);
        return state;
    }

    private TaskState CompileTask(JObject obj, string pointer, Common common)
    {
        var resource = (obj.Get("Resource") as JString)?.Value;
        if (resource is null)
        {
            _problems.Add($"{pointer}/Resource", $"Task state '{common.Name}' needs a Resource ARN string");
        }

        return Apply(
            new TaskState
            {
                Name = common.Name,
                Resource = resource ?? string.Empty,
                Parameters = obj.Get("Parameters") is { } p ? Template.Compile(p, $"{pointer}/Parameters", _problems) : null,
                Arguments = obj.Get("Arguments") is { } args ? JsonataTemplate.Compile(args, $"{pointer}/Arguments", _problems) : null,
                TimeoutSeconds = Dynamic(obj, "TimeoutSeconds", pointer, common.Language),
                HeartbeatSeconds = Dynamic(obj, "HeartbeatSeconds", pointer, common.Language),
                Retry = Retriers(obj, pointer),
                Catch = Catchers(obj, pointer, common.Language),
                ResultSelector = obj.Get("ResultSelector") is { } rs ? Template.Compile(rs, $"{pointer}/ResultSelector", _problems) : null,
                ResultPath = ResultPath(obj, pointer),
            },
            common);
    }

    private WaitState CompileWait(JObject obj, string pointer, Common common)
    {
        var seconds = Dynamic(obj, "Seconds", pointer, common.Language);
        var timestamp = Dynamic(obj, "Timestamp", pointer, common.Language);
        var count = (seconds is null ? 0 : 1) + (timestamp is null ? 0 : 1);
        if (count != 1)
        {
            _problems.Add(pointer, $"Wait state '{common.Name}' needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
        }

        if (timestamp?.Constant is JString ts && !ComparisonCondition.TryParseTimestamp(ts.Value, out _))
        {
            _problems.Add($"{pointer}/Timestamp", $"'{ts.Value}' is not an RFC 3339 timestamp such as 2024-01-01T00:00:00Z");
        }

        if (seconds?.Constant is { } s && s is not JNumber { IsIntegral: true, Value: >= 0 })
        {
            _problems.Add($"{pointer}/Seconds", $"Seconds must be a non-negative integer, not {s.ToJson()}");
        }

        return Apply(new WaitState { Name = common.Name, Seconds = seconds, Timestamp = timestamp }, common);
    }

    private ChoiceState CompileChoice(JObject obj, string pointer, Common common)
    {
        var rules = new List<ChoiceRule>();
        if (obj.Get("Choices") is not JArray choices || choices.Count == 0)
        {
            _problems.Add($"{pointer}/Choices", $"Choice state '{common.Name}' needs a non-empty Choices array");
        }
        else
        {
            for (var i = 0; i < choices.Count; i++)
            {
                var rulePointer = $"{pointer}/Choices/{i}";
                if (choices[i] is not JObject rule)
                {
                    _problems.Add(rulePointer, "a Choice rule must be an object");
                    continue;
                }

                var next = (rule.Get("Next") as JString)?.Value;
                if (next is null)
                {
                    _problems.Add($"{rulePointer}/Next", "a top-level Choice rule needs Next");
                }

                var condition = common.Language == QueryLanguage.Jsonata ? JsonataCondition(rule, rulePointer) : Condition(rule, rulePointer);
                rules.Add(new ChoiceRule(
                    condition,
                    next ?? string.Empty,
                    common.Language == QueryLanguage.JsonPath && rule.Get("Assign") is { } a ? CompileAssign(a, $"{rulePointer}/Assign") : null,
                    common.Language == QueryLanguage.Jsonata && rule.Get("Assign") is { } aj ? CompileJsonataAssign(aj, $"{rulePointer}/Assign") : null,
                    common.Language == QueryLanguage.Jsonata && rule.Get("Output") is { } o ? JsonataTemplate.Compile(o, $"{rulePointer}/Output", _problems) : null)
                {
                    Source = (i, next is not null),
                });
            }
        }

        return Apply(new ChoiceState { Name = common.Name, Rules = [.. rules], Default = (obj.Get("Default") as JString)?.Value }, common);
    }

    private ChoiceCondition JsonataCondition(JObject rule, string pointer)
    {
        if (rule.Get("Condition") is not { } condition)
        {
            _problems.Add($"{pointer}/Condition", "a JSONata Choice rule needs Condition: \"{% <boolean expression> %}\"");
            return new AndCondition([]);
        }

        if (condition is JBool b)
        {
            return b.Value ? new AndCondition([]) : new OrCondition([]);
        }

        if (!JsonataTemplate.IsExpression(condition, out var text))
        {
            _problems.Add($"{pointer}/Condition", $"Condition must be a JSONata expression written {{% ... %}} or a boolean, not {condition.ToJson()}");
            return new AndCondition([]);
        }

        try
        {
            return new JsonataCondition(JsonataParser.Parse(text), text.Trim());
        }
        catch (JsonataSyntaxException ex)
        {
            _problems.Add($"{pointer}/Condition", $"JSONata expression '{text}' at position {ex.Position + 1}: {ex.Message}");
            return new AndCondition([]);
        }
    }

    private ChoiceCondition Condition(JObject rule, string pointer)
    {
        if (rule.Get("And") is { } and)
        {
            return new AndCondition(Conditions(and, $"{pointer}/And"));
        }

        if (rule.Get("Or") is { } or)
        {
            return new OrCondition(Conditions(or, $"{pointer}/Or"));
        }

        if (rule.Get("Not") is { } not)
        {
            if (not is JObject inner)
            {
                return new NotCondition(Condition(inner, $"{pointer}/Not"));
            }

            _problems.Add($"{pointer}/Not", "Not must be a single Choice rule object");
            return new AndCondition([]);
        }

        var variableText = (rule.Get("Variable") as JString)?.Value;
        JsonPath? variable = null;
        if (variableText is null)
        {
            _problems.Add($"{pointer}/Variable", "a Choice rule needs Variable (a path) and one comparison operator, or And/Or/Not");
        }
        else
        {
            variable = ParsePath(variableText, $"{pointer}/Variable");
        }

        var operators = ComparisonCondition.Operators.SelectMany(op => new[] { op, op + "Path" }).Where(op => rule.Get(op) is not null).ToList();
        if (operators.Count != 1)
        {
            _problems.Add(pointer, operators.Count == 0
                ? $"a Choice rule needs one comparison operator ({string.Join(", ", ComparisonCondition.Operators)} or a ...Path form)"
                : $"a Choice rule may have only one comparison operator, not {string.Join(" and ", operators)}");
            return new AndCondition([]);
        }

        var op = operators[0];
        var operand = rule.Get(op)!;
        var isPath = op.EndsWith("Path", StringComparison.Ordinal) && !ComparisonCondition.Operators.Contains(op);
        var baseOp = isPath ? op[..^4] : op;
        if (isPath)
        {
            if (baseOp.StartsWith("Is", StringComparison.Ordinal))
            {
                _problems.Add($"{pointer}/{op}", $"{baseOp} has no Path form");
                return new AndCondition([]);
            }

            var otherPath = operand is JString s ? ParsePath(s.Value, $"{pointer}/{op}") : null;
            if (otherPath is null)
            {
                _problems.Add($"{pointer}/{op}", $"{op} must be a path string");
                return new AndCondition([]);
            }

            return new ComparisonCondition(variable ?? JsonPath.Parse("$"), baseOp, null, otherPath);
        }

        var expectedOk = baseOp switch
        {
            _ when baseOp.StartsWith("String", StringComparison.Ordinal) || baseOp.StartsWith("Timestamp", StringComparison.Ordinal) => operand is JString,
            _ when baseOp.StartsWith("Numeric", StringComparison.Ordinal) => operand is JNumber,
            _ => operand is JBool,
        };
        if (!expectedOk)
        {
            _problems.Add($"{pointer}/{op}", $"{op} needs a {(baseOp.StartsWith("Numeric", StringComparison.Ordinal) ? "number" : baseOp.StartsWith("String", StringComparison.Ordinal) || baseOp.StartsWith("Timestamp", StringComparison.Ordinal) ? "string" : "boolean")}, not {operand.TypeName} {operand.ToJson()}");
        }
        else if (baseOp.StartsWith("Timestamp", StringComparison.Ordinal) && !ComparisonCondition.TryParseTimestamp(((JString)operand).Value, out _))
        {
            _problems.Add($"{pointer}/{op}", $"'{((JString)operand).Value}' is not an RFC 3339 timestamp such as 2024-01-01T00:00:00Z");
        }

        return new ComparisonCondition(variable ?? JsonPath.Parse("$"), baseOp, operand, null);
    }

    private ChoiceCondition[] Conditions(JData value, string pointer)
    {
        if (value is not JArray arr || arr.Count == 0)
        {
            _problems.Add(pointer, "And/Or must be a non-empty array of Choice rules");
            return [];
        }

        var result = new ChoiceCondition[arr.Count];
        for (var i = 0; i < arr.Count; i++)
        {
            if (arr[i] is JObject rule)
            {
                if (rule.Get("Next") is not null)
                {
                    _problems.Add($"{pointer}/{i}/Next", "a nested Choice rule may not have Next");
                }

                result[i] = Condition(rule, $"{pointer}/{i}");
            }
            else
            {
                _problems.Add($"{pointer}/{i}", "a Choice rule must be an object");
                result[i] = new AndCondition([]);
            }
        }

        return result;
    }

    private FailState CompileFail(JObject obj, string pointer, Common common)
    {
        IntrinsicCall? errorCall = null;
        IntrinsicCall? causeCall = null;
        DynamicValue? error = null;
        DynamicValue? cause = null;
        foreach (var field in (string[])["Error", "Cause"])
        {
            DynamicValue? dynamic = null;
            IntrinsicCall? call = null;
            if (obj.Get(field) is { } literal && obj.Get(field + "Path") is not null)
            {
                _problems.Add($"{pointer}/{field}Path", $"Fail state '{common.Name}' may have {field} or {field}Path, not both");
            }

            if (obj.Get(field) is { } value)
            {
                dynamic = common.Language == QueryLanguage.Jsonata && JsonataTemplate.IsExpression(value, out _)
                    ? new DynamicValue { Expression = JsonataTemplate.Compile(value, $"{pointer}/{field}", _problems), Field = field }
                    : value is JString ? new DynamicValue { Constant = value, Field = field } : null;
                if (dynamic is null)
                {
                    _problems.Add($"{pointer}/{field}", $"{field} must be a string");
                }
            }
            else if (obj.Get(field + "Path") is JString pathText)
            {
                try
                {
                    if (IntrinsicCall.LooksLikeCall(pathText.Value))
                    {
                        call = IntrinsicCall.Parse(pathText.Value);
                    }
                    else
                    {
                        dynamic = new DynamicValue { Path = JsonPath.Parse(pathText.Value), Field = field + "Path" };
                    }
                }
                catch (PathSyntaxException ex)
                {
                    _problems.Add($"{pointer}/{field}Path", ex.Message);
                }
            }

            if (field == "Error")
            {
                error = dynamic;
                errorCall = call;
            }
            else
            {
                cause = dynamic;
                causeCall = call;
            }
        }

        return Apply(new FailState { Name = common.Name, Error = error, Cause = cause, ErrorCall = errorCall, CauseCall = causeCall }, common);
    }

    private ParallelState CompileParallel(JObject obj, string pointer, Common common)
    {
        var branches = new List<MachineDefinition>();
        if (obj.Get("Branches") is not JArray arr || arr.Count == 0)
        {
            _problems.Add($"{pointer}/Branches", $"Parallel state '{common.Name}' needs a non-empty Branches array");
        }
        else
        {
            for (var i = 0; i < arr.Count; i++)
            {
                if (arr[i] is JObject branch)
                {
                    branches.Add(CompileMachine(branch, $"{pointer}/Branches/{i}", common.Language, topLevel: false));
                }
                else
                {
                    _problems.Add($"{pointer}/Branches/{i}", "a branch must be an object with StartAt and States");
                }
            }
        }

        return Apply(
            new ParallelState
            {
                Name = common.Name,
                Branches = [.. branches],
                Parameters = obj.Get("Parameters") is { } p ? Template.Compile(p, $"{pointer}/Parameters", _problems) : null,
                Arguments = obj.Get("Arguments") is { } args ? JsonataTemplate.Compile(args, $"{pointer}/Arguments", _problems) : null,
                Retry = Retriers(obj, pointer),
                Catch = Catchers(obj, pointer, common.Language),
                ResultSelector = obj.Get("ResultSelector") is { } rs ? Template.Compile(rs, $"{pointer}/ResultSelector", _problems) : null,
                ResultPath = ResultPath(obj, pointer),
            },
            common);
    }

    private MapState CompileMap(JObject obj, string pointer, Common common)
    {
        var processorField = obj.Get("ItemProcessor") is not null ? "ItemProcessor" : "Iterator";
        MachineDefinition processor;
        if (obj.Get(processorField) is JObject processorObj)
        {
            if (processorObj.Get("ProcessorConfig") is JObject config && config.Get("Mode") is JString { Value: not "INLINE" } mode)
            {
                _problems.Add($"{pointer}/{processorField}/ProcessorConfig/Mode", $"Mode '{mode.Value}' (Distributed Map) is not run locally; use INLINE");
            }

            if (obj.Get("ItemReader") is not null)
            {
                _problems.Add($"{pointer}/ItemReader", "ItemReader (Distributed Map) is not run locally; give the items in the input");
            }

            foreach (var field in (ReadOnlySpan<string>)["ItemBatcher", "ResultWriter"])
            {
                if (obj.Get(field) is not null)
                {
                    _problems.Add($"{pointer}/{field}", $"{field} (Distributed Map) is not run locally; remove it to test the item processor inline");
                }
            }

            processor = CompileMachine(processorObj, $"{pointer}/{processorField}", common.Language, topLevel: false);
        }
        else
        {
            _problems.Add($"{pointer}/ItemProcessor", $"Map state '{common.Name}' needs ItemProcessor with StartAt and States");
            processor = new MachineDefinition(string.Empty, new Dictionary<string, StateNode>(), common.Language, null);
        }

        var selectorField = obj.Get("ItemSelector") is not null ? "ItemSelector" : "Parameters";
        var selector = obj.Get(selectorField);
        return Apply(
            new MapState
            {
                Name = common.Name,
                Processor = processor,
                ItemsPath = OptionalPath(obj, "ItemsPath", pointer, out _),
                Items = obj.Get("Items") is { } items ? JsonataTemplate.Compile(items, $"{pointer}/Items", _problems) : null,
                ItemSelector = selector is not null && common.Language == QueryLanguage.JsonPath ? Template.Compile(selector, $"{pointer}/{selectorField}", _problems) : null,
                ItemSelectorJsonata = selector is not null && common.Language == QueryLanguage.Jsonata ? JsonataTemplate.Compile(selector, $"{pointer}/{selectorField}", _problems) : null,
                MaxConcurrency = Dynamic(obj, "MaxConcurrency", pointer, common.Language),
                ToleratedFailureCount = Dynamic(obj, "ToleratedFailureCount", pointer, common.Language),
                ToleratedFailurePercentage = Dynamic(obj, "ToleratedFailurePercentage", pointer, common.Language),
                Retry = Retriers(obj, pointer),
                Catch = Catchers(obj, pointer, common.Language),
                ResultSelector = obj.Get("ResultSelector") is { } rs ? Template.Compile(rs, $"{pointer}/ResultSelector", _problems) : null,
                ResultPath = ResultPath(obj, pointer),
            },
            common);
    }

    private DynamicValue? Dynamic(JObject obj, string field, string pointer, QueryLanguage language)
    {
        if (obj.Get(field) is { } value)
        {
            if (language == QueryLanguage.Jsonata && JsonataTemplate.IsExpression(value, out _))
            {
                return new DynamicValue { Expression = JsonataTemplate.Compile(value, $"{pointer}/{field}", _problems), Field = field };
            }

            if (value is not (JNumber or JString))
            {
                _problems.Add($"{pointer}/{field}", $"{field} must be a {(field == "Timestamp" ? "timestamp string" : "number")}, not {value.TypeName}");
            }

            if (obj.Get(field + "Path") is not null)
            {
                _problems.Add($"{pointer}/{field}Path", $"give {field} or {field}Path, not both");
            }

            return new DynamicValue { Constant = value, Field = field };
        }

        if (obj.Get(field + "Path") is JString pathText)
        {
            var path = ParsePath(pathText.Value, $"{pointer}/{field}Path");
            return path is null ? null : new DynamicValue { Path = path, Field = $"{field}Path '{pathText.Value}'" };
        }

        return null;
    }

    private Retrier[] Retriers(JObject obj, string pointer)
    {
        if (obj.Get("Retry") is not { } value)
        {
            return [];
        }

        if (value is not JArray arr)
        {
            _problems.Add($"{pointer}/Retry", "Retry must be an array of retriers");
            return [];
        }

        var result = new List<Retrier>();
        for (var i = 0; i < arr.Count; i++)
        {
            var p = $"{pointer}/Retry/{i}";
            if (arr[i] is not JObject r)
            {
                _problems.Add(p, "a retrier must be an object");
                continue;
            }

            var interval = Number(r, "IntervalSeconds", p, 1, min: 1);
            var attempts = (int)Number(r, "MaxAttempts", p, 3, min: 0);
            var backoff = Number(r, "BackoffRate", p, 2.0, min: 1);
            double? maxDelay = r.Get("MaxDelaySeconds") is not null ? Number(r, "MaxDelaySeconds", p, 0, min: 1) : null;
            var jitter = (r.Get("JitterStrategy") as JString)?.Value ?? "NONE";
            if (jitter is not ("FULL" or "NONE"))
            {
                _problems.Add($"{p}/JitterStrategy", $"JitterStrategy must be FULL or NONE, not '{jitter}'");
            }

            result.Add(new Retrier(ErrorEquals(r, p), interval, attempts, backoff, maxDelay, jitter == "FULL"));
        }

        return [.. result];
    }

    private Catcher[] Catchers(JObject obj, string pointer, QueryLanguage language)
    {
        if (obj.Get("Catch") is not { } value)
        {
            return [];
        }

        if (value is not JArray arr)
        {
            _problems.Add($"{pointer}/Catch", "Catch must be an array of catchers");
            return [];
        }

        var result = new List<Catcher>();
        for (var i = 0; i < arr.Count; i++)
        {
            var p = $"{pointer}/Catch/{i}";
            if (arr[i] is not JObject c)
            {
                _problems.Add(p, "a catcher must be an object");
                continue;
            }

            var next = (c.Get("Next") as JString)?.Value;
            if (next is null)
            {
                _problems.Add($"{p}/Next", "a catcher needs Next");
            }

            result.Add(new Catcher(
                ErrorEquals(c, p),
                next ?? string.Empty,
                ResultPath(c, p),
                language == QueryLanguage.JsonPath && c.Get("Assign") is { } a ? CompileAssign(a, $"{p}/Assign") : null,
                language == QueryLanguage.Jsonata && c.Get("Assign") is { } aj ? CompileJsonataAssign(aj, $"{p}/Assign") : null,
                language == QueryLanguage.Jsonata && c.Get("Output") is { } o ? JsonataTemplate.Compile(o, $"{p}/Output", _problems) : null)
            {
                Source = (i, next is not null),
            });
        }

        return [.. result];
    }

    private string[] ErrorEquals(JObject obj, string pointer)
    {
        if (obj.Get("ErrorEquals") is not JArray arr || arr.Count == 0 || arr.Items.ToArray().Any(e => e is not JString))
        {
            _problems.Add($"{pointer}/ErrorEquals", "ErrorEquals must be a non-empty array of error names");
            return [];
        }

        var names = arr.Items.ToArray().Select(e => ((JString)e).Value).ToArray();
        if (names.Contains(Engine.StatesErrors.All) && (names.Length > 1))
        {
            _problems.Add($"{pointer}/ErrorEquals", "States.ALL must appear alone in its ErrorEquals");
        }

        return names;
    }

    private double Number(JObject obj, string field, string pointer, double fallback, double min)
    {
        if (obj.Get(field) is not { } value)
        {
            return fallback;
        }

        if (value is JNumber n && n.Value >= min)
        {
            return n.Value;
        }

        _problems.Add($"{pointer}/{field}", $"{field} must be a number of at least {min.ToString(CultureInfo.InvariantCulture)}, not {value.ToJson()}");
        return fallback;
    }

    private int? PositiveInt(JData value, string pointer)
    {
        if (value is JNumber { IsIntegral: true, Value: > 0 } n)
        {
            return (int)Math.Min(n.Value, int.MaxValue);
        }

        _problems.Add(pointer, $"must be a positive integer, not {value.ToJson()}");
        return null;
    }

    private ResultPathSpec ResultPath(JObject obj, string pointer)
    {
        if (!obj.TryGet("ResultPath", out var value))
        {
            return ResultPathSpec.Replace;
        }

        if (value is JNull)
        {
            return ResultPathSpec.Discard;
        }

        if (value is JString s && ParsePath(s.Value, $"{pointer}/ResultPath") is { } path)
        {
            if (path.Root != PathRoot.Data || !path.IsReferencePath)
            {
                _problems.Add($"{pointer}/ResultPath", $"ResultPath '{s.Value}' must be a reference path into the input ('$', '$.field', '$.a.b'): no '$$', variables, wildcards or filters");
                return ResultPathSpec.Replace;
            }

            return ResultPathSpec.For(path);
        }

        if (value is not JString)
        {
            _problems.Add($"{pointer}/ResultPath", "ResultPath must be a path string or null");
        }

        return ResultPathSpec.Replace;
    }

    private JsonPath? OptionalPath(JObject obj, string field, string pointer, out bool isNull)
    {
        isNull = false;
        if (!obj.TryGet(field, out var value))
        {
            return null;
        }

        if (value is JNull)
        {
            isNull = true;
            return null;
        }

        if (value is JString s)
        {
            return ParsePath(s.Value, $"{pointer}/{field}");
        }

        _problems.Add($"{pointer}/{field}", $"{field} must be a path string or null");
        return null;
    }

    private JsonPath? ParsePath(string text, string pointer)
    {
        try
        {
            return JsonPath.Parse(text);
        }
        catch (PathSyntaxException ex)
        {
            _problems.Add(pointer, ex.Message);
            return null;
        }
    }

    private Template? CompileAssign(JData value, string pointer)
    {
        if (value is not JObject obj)
        {
            _problems.Add(pointer, "Assign must be an object of variable names and values");
            return null;
        }

        foreach (var key in obj.Properties.Select(p => p.Key))
        {
            var name = key.EndsWith(".$", StringComparison.Ordinal) ? key[..^2] : key;
            CheckVariableName(name, $"{pointer}/{DefinitionProblems.Escape(key)}");
        }

        return Template.Compile(obj, pointer, _problems);
    }

    private JsonataTemplate? CompileJsonataAssign(JData value, string pointer)
    {
        if (value is not JObject obj)
        {
            _problems.Add(pointer, "Assign must be an object of variable names and values");
            return null;
        }

        foreach (var key in obj.Properties.Select(p => p.Key))
        {
            CheckVariableName(key, $"{pointer}/{DefinitionProblems.Escape(key)}");
        }

        return JsonataTemplate.Compile(obj, pointer, _problems);
    }

    private void CheckVariableName(string name, string pointer)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            _problems.Add(pointer, $"variable name '{name}' must start with a letter or '_' and contain only letters, digits and '_'");
        }
        else if (name == "states")
        {
            _problems.Add(pointer, "'states' is reserved ($states); choose another variable name");
        }
    }
}

/// <summary>Sets the init-only common properties of a state after construction.</summary>
internal static class StateInit
{
    public static void Set(StateNode state, QueryLanguage language, string? next, JsonPath? inputPath, bool inputPathNull, JsonPath? outputPath, bool outputPathNull, Template? assign, JsonataTemplate? assignJsonata, JsonataTemplate? output) =>
        state.SetCommon(language, next, inputPath, inputPathNull, outputPath, outputPathNull, assign, assignJsonata, output);
}
