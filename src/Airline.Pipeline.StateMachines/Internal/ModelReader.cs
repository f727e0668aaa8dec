using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>Turns a parsed JSON tree into the model, recording type problems instead of throwing.</summary>
internal sealed class ModelReader(List<AslProblem> problems)
{
    private static readonly (byte[] Utf8, StateType Type)[] StateTypeNames =
        [.. Enum.GetValues<StateType>().Select(t => (System.Text.Encoding.UTF8.GetBytes(t.ToString()), t))];

    private readonly Stack<JsonElement?[]> _slotPool = new();

    private readonly ScalarCopies _scalars = new();

    // The unknown fields of every object being read, innermost last: objects are read depth first, so each one's
    // fields are the tail of this list until it takes them (no builder per object).
    private readonly List<KeyValuePair<string, JsonElement>> _unknown = [];

    private Unknowns NewUnknowns() => new(_unknown, _unknown.Count);

    /// <summary>The unknown fields of one object: a tail of the reader's shared list.</summary>
    internal readonly struct Unknowns(List<KeyValuePair<string, JsonElement>> shared, int start)
    {
        public void Add(KeyValuePair<string, JsonElement> field) => shared.Add(field);

        /// <summary>This object's fields, removed from the shared list.</summary>
        public ImmutableArray<KeyValuePair<string, JsonElement>> DrainToImmutable()
        {
            if (shared.Count == start)
            {
                return [];
            }

            var fields = new KeyValuePair<string, JsonElement>[shared.Count - start];
            shared.CopyTo(start, fields, 0, fields.Length);
            shared.RemoveRange(start, fields.Length);
            return ImmutableCollectionsMarshal.AsImmutableArray(fields);
        }
    }

    public StateMachine? ReadStateMachine(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Problem(string.Empty, ProblemCodes.WrongType,
                $"The definition must be a JSON object with StartAt and States, not a {Kind(root)}.");
            return null;
        }

        string? startAt = null;
        ImmutableArray<State> states = [];
        string? comment = null;
        string? version = null;
        int? timeout = null;
        QueryLanguage? language = null;
        var unknown = NewUnknowns();
        Span<char> nameBuffer = stackalloc char[NameBufferLength];
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            switch (NameOf(property, nameBuffer))
            {
                case "StartAt":
                    startAt = String(value, string.Empty, property, unknown);
                    break;
                case "States":
                    states = ReadStates(value, "/States", property, unknown);
                    break;
                case "Comment":
                    comment = String(value, string.Empty, property, unknown);
                    break;
                case "Version":
                    version = String(value, string.Empty, property, unknown);
                    break;
                case "TimeoutSeconds":
                    timeout = Int(value, string.Empty, property, unknown);
                    break;
                case "QueryLanguage":
                    language = Language(value, string.Empty, property, unknown);
                    break;
                default:
                    unknown.Add(new(property.Name, value.Clone()));
                    break;
            }
        }

        return RequireGraph(root, string.Empty, startAt, new StateMachine
        {
            StartAt = startAt ?? string.Empty,
            States = states,
            Comment = comment,
            Version = version,
            TimeoutSeconds = timeout,
            QueryLanguage = language,
            UnknownFields = unknown.DrainToImmutable(),
        });
    }

    /// <summary>Reports a missing StartAt or States, and records it on the graph read (<see cref="ReadFacts"/>).</summary>
    private T RequireGraph<T>(JsonElement element, LazyPointer pointer, string? startAt, T graph)
        where T : StateGraph
    {
        if (startAt is null && !element.TryGetProperty("StartAt"u8, out _))
        {
            Problem(pointer, ProblemCodes.MissingField, "StartAt is missing; add \"StartAt\": \"<name of the first state>\".");
            ReadFacts.SetMissing(graph, "StartAt");
        }

        if (!element.TryGetProperty("States"u8, out _))
        {
            Problem(pointer, ProblemCodes.MissingField, "States is missing; add \"States\": { \"<name>\": { \"Type\": ... } }.");
            ReadFacts.SetMissing(graph, "States");
        }

        return graph;
    }

    // A branch's States is 5 steps from the machine's (/States/P/Branches/0/States): deeper ones are built once per graph.
    private const int NestedGraphSteps = 5;

    private T ReadGraph<T>(JsonElement graph, LazyPointer pointer, Func<string, ImmutableArray<State>, string?, ImmutableArray<KeyValuePair<string, JsonElement>>, ProcessorConfig?, T> create)
        where T : StateGraph
    {
        string? startAt = null;
        ImmutableArray<State> states = [];
        string? comment = null;
        ProcessorConfig? config = null;
        var unknown = NewUnknowns();
        var isProcessor = typeof(T) == typeof(ItemProcessor);
        Span<char> nameBuffer = stackalloc char[NameBufferLength];
        foreach (var property in graph.EnumerateObject())
        {
            var value = property.Value;
            switch (NameOf(property, nameBuffer))
            {
                case "StartAt":
                    startAt = String(value, pointer, property, unknown);
                    break;
                case "States":
                    states = ReadStates(value, (pointer + "/States").WithAtMost(NestedGraphSteps), property, unknown);
                    break;
                case "Comment":
                    comment = String(value, pointer, property, unknown);
                    break;
                case "ProcessorConfig" when isProcessor:
                    config = ReadProcessorConfig(value, LazyPointer.Child(pointer, property.Name), property, unknown);
                    break;
                default:
                    unknown.Add(new(property.Name, value.Clone()));
                    break;
            }
        }

        return RequireGraph(graph, pointer, startAt, create(startAt ?? string.Empty, states, comment, unknown.DrainToImmutable(), config));
    }

    private ProcessorConfig? ReadProcessorConfig(JsonElement value, LazyPointer pointer, JsonProperty property, Unknowns outer)
    {
        if (!IsObject(value, pointer, property, outer))
        {
            return null;
        }

        MapMode? mode = null;
        MapExecutionType? executionType = null;
        var unknown = NewUnknowns();
        Span<char> nameBuffer = stackalloc char[NameBufferLength];
        foreach (var p in value.EnumerateObject())
        {
            var at = LazyPointer.Child(pointer, p.Name);
            switch (NameOf(p, nameBuffer))
            {
                case "Mode" when p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is "INLINE" or "DISTRIBUTED":
                    mode = p.Value.GetString() == "INLINE" ? MapMode.Inline : MapMode.Distributed;
                    break;
                case "ExecutionType" when p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is "STANDARD" or "EXPRESS":
                    executionType = p.Value.GetString() == "STANDARD" ? MapExecutionType.Standard : MapExecutionType.Express;
                    break;
                case "Mode":
                    Problem(at, ProblemCodes.InvalidValue, $"Mode is {p.Value.GetRawText()}; use \"INLINE\" or \"DISTRIBUTED\".");
                    unknown.Add(new(p.Name, p.Value.Clone()));
                    break;
                case "ExecutionType":
                    Problem(at, ProblemCodes.InvalidValue, $"ExecutionType is {p.Value.GetRawText()}; use \"STANDARD\" or \"EXPRESS\".");
                    unknown.Add(new(p.Name, p.Value.Clone()));
                    break;
                default:
                    unknown.Add(new(p.Name, p.Value.Clone()));
                    break;
            }
        }

        return new ProcessorConfig { Mode = mode, ExecutionType = executionType, UnknownFields = unknown.DrainToImmutable() };
    }

    private ImmutableArray<State> ReadStates(JsonElement value, LazyPointer pointer, JsonProperty property, Unknowns unknown)
    {
        if (!IsObject(value, pointer, property, unknown))
        {
            return [];
        }

        // Sized exactly, so that DrainToImmutable hands over the array instead of copying it.
        var states = ImmutableArray.CreateBuilder<State>(value.GetPropertyCount());
        foreach (var entry in value.EnumerateObject())
        {
            var state = ReadState(entry.Name, entry.Value, LazyPointer.Child(pointer, entry.Name));
            if (state is not null)
            {
                states.Add(state);
            }
        }

        return states.DrainToImmutable();
    }

    private State? ReadState(string name, JsonElement element, LazyPointer pointer)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Problem(pointer, ProblemCodes.WrongType, $"State '{name}' must be a JSON object with a Type, not a {Kind(element)}.");
            return null;
        }

        if (!element.TryGetProperty("Type"u8, out var typeElement))
        {
            Problem(pointer, ProblemCodes.MissingField,
                $"State '{name}' has no Type; add \"Type\": one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map.");
            return null;
        }

        if (StateTypeOf(typeElement) is not { } type)
        {
            Problem(LazyPointer.Child(pointer, "Type"), ProblemCodes.UnknownStateType,
                $"State '{name}' has Type {typeElement.GetRawText()}; use one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map.");
            return null;
        }

        var slots = _slotPool.Count > 0 ? _slotPool.Pop() : new JsonElement?[FieldTable.Count];
        try
        {
            var unknown = NewUnknowns();
            foreach (var property in element.EnumerateObject())
            {
                if (FieldTable.TryGet(property, out var field) && FieldTable.Allows(type, field))
                {
                    slots[(int)field] = property.Value;
                }
                else
                {
                    unknown.Add(new(property.Name, property.Value.Clone()));
                }
            }

            var fields = new Fields(this, slots, pointer, unknown);
            State state = type switch
            {
                StateType.Task => ReadTask(fields),
                StateType.Pass => new PassState
                {
                    Name = name,
                    Parameters = fields.Raw(Field.Parameters)?.Clone(),
                    Result = fields.Raw(Field.Result)?.Clone(),
                    ResultPath = fields.Path(Field.ResultPath),
                    Next = fields.String(Field.Next),
                    End = fields.Bool(Field.End),
                    InputPath = fields.Path(Field.InputPath),
                    OutputPath = fields.Path(Field.OutputPath),
                    Assign = fields.Raw(Field.Assign)?.Clone(),
                    Output = fields.Raw(Field.Output)?.Clone(),
                    Comment = fields.String(Field.Comment),
                    QueryLanguage = fields.Language(Field.QueryLanguage),
                    UnknownFields = fields.Unknown.DrainToImmutable(),
                },
                StateType.Choice => new ChoiceState
                {
                    Name = name,
                    Choices = ReadChoiceRules(fields, Field.Choices),
                    Default = fields.String(Field.Default),
                    InputPath = fields.Path(Field.InputPath),
                    OutputPath = fields.Path(Field.OutputPath),
                    Assign = fields.Raw(Field.Assign)?.Clone(),
                    Output = fields.Raw(Field.Output)?.Clone(),
                    Comment = fields.String(Field.Comment),
                    QueryLanguage = fields.Language(Field.QueryLanguage),
                    UnknownFields = fields.Unknown.DrainToImmutable(),
                },
                StateType.Wait => new WaitState
                {
                    Name = name,
                    Seconds = fields.Number(Field.Seconds),
                    SecondsPath = fields.String(Field.SecondsPath),
                    Timestamp = fields.String(Field.Timestamp),
                    TimestampPath = fields.String(Field.TimestampPath),
                    Next = fields.String(Field.Next),
                    End = fields.Bool(Field.End),
                    InputPath = fields.Path(Field.InputPath),
                    OutputPath = fields.Path(Field.OutputPath),
                    Assign = fields.Raw(Field.Assign)?.Clone(),
                    Output = fields.Raw(Field.Output)?.Clone(),
                    Comment = fields.String(Field.Comment),
                    QueryLanguage = fields.Language(Field.QueryLanguage),
                    UnknownFields = fields.Unknown.DrainToImmutable(),
                },
                StateType.Succeed => new SucceedState
                {
                    Name = name,
                    InputPath = fields.Path(Field.InputPath),
                    OutputPath = fields.Path(Field.OutputPath),
                    Output = fields.Raw(Field.Output)?.Clone(),
                    Comment = fields.String(Field.Comment),
                    QueryLanguage = fields.Language(Field.QueryLanguage),
                    UnknownFields = fields.Unknown.DrainToImmutable(),
                },
                StateType.Fail => new FailState
                {
                    Name = name,
                    Error = fields.String(Field.Error),
                    ErrorPath = fields.String(Field.ErrorPath),
                    Cause = fields.String(Field.Cause),
                    CausePath = fields.String(Field.CausePath),
                    Comment = fields.String(Field.Comment),
                    QueryLanguage = fields.Language(Field.QueryLanguage),
                    UnknownFields = fields.Unknown.DrainToImmutable(),
                },
                StateType.Parallel => new ParallelState
                {
                    Name = name,
                    Branches = ReadBranches(fields),
                    Next = fields.String(Field.Next),
                    End = fields.Bool(Field.End),
                    InputPath = fields.Path(Field.InputPath),
                    OutputPath = fields.Path(Field.OutputPath),
                    Assign = fields.Raw(Field.Assign)?.Clone(),
                    Output = fields.Raw(Field.Output)?.Clone(),
                    Parameters = fields.Raw(Field.Parameters)?.Clone(),
                    Arguments = fields.Raw(Field.Arguments)?.Clone(),
                    ResultSelector = fields.Raw(Field.ResultSelector)?.Clone(),
                    ResultPath = fields.Path(Field.ResultPath),
                    Retry = ReadRetry(fields),
                    Catch = ReadCatch(fields),
                    Comment = fields.String(Field.Comment),
                    QueryLanguage = fields.Language(Field.QueryLanguage),
                    UnknownFields = fields.Unknown.DrainToImmutable(),
                },
                _ => ReadMap(fields),
            };

            return state;
        }
        finally
        {
            Array.Clear(slots);
            _slotPool.Push(slots);
        }

        TaskState ReadTask(Fields fields) => new TaskState
        {
            Name = name,
            Resource = fields.Raw(Field.Resource) is { ValueKind: JsonValueKind.Object }
                ? string.Empty
                : fields.String(Field.Resource) ?? Missing(fields, "Resource", "the ARN of a Lambda function, an activity or a service integration"),
            ResourceTemplate = fields.Raw(Field.Resource) is { ValueKind: JsonValueKind.Object } template ? template.Clone() : null,
            TimeoutSeconds = fields.Number(Field.TimeoutSeconds),
            TimeoutSecondsPath = fields.String(Field.TimeoutSecondsPath),
            HeartbeatSeconds = fields.Number(Field.HeartbeatSeconds),
            HeartbeatSecondsPath = fields.String(Field.HeartbeatSecondsPath),
            Credentials = fields.Raw(Field.Credentials)?.Clone(),
            Next = fields.String(Field.Next),
            End = fields.Bool(Field.End),
            InputPath = fields.Path(Field.InputPath),
            OutputPath = fields.Path(Field.OutputPath),
            Assign = fields.Raw(Field.Assign)?.Clone(),
            Output = fields.Raw(Field.Output)?.Clone(),
            Parameters = fields.Raw(Field.Parameters)?.Clone(),
            Arguments = fields.Raw(Field.Arguments)?.Clone(),
            ResultSelector = fields.Raw(Field.ResultSelector)?.Clone(),
            ResultPath = fields.Path(Field.ResultPath),
            Retry = ReadRetry(fields),
            Catch = ReadCatch(fields),
            Comment = fields.String(Field.Comment),
            QueryLanguage = fields.Language(Field.QueryLanguage),
            UnknownFields = fields.Unknown.DrainToImmutable(),
        };

        MapState ReadMap(Fields fields) => new MapState
        {
            Name = name,
            ItemProcessor = ReadProcessor(fields, Field.ItemProcessor),
            Iterator = ReadProcessor(fields, Field.Iterator),
            ItemsPath = fields.Path(Field.ItemsPath),
            Items = fields.Raw(Field.Items)?.Clone(),
            ItemSelector = fields.Raw(Field.ItemSelector)?.Clone(),
            ItemReader = ReadItemReader(fields),
            ItemBatcher = fields.Raw(Field.ItemBatcher)?.Clone(),
            ResultWriter = fields.Raw(Field.ResultWriter)?.Clone(),
            MaxConcurrency = fields.Number(Field.MaxConcurrency),
            MaxConcurrencyPath = fields.String(Field.MaxConcurrencyPath),
            ToleratedFailureCount = fields.Number(Field.ToleratedFailureCount),
            ToleratedFailureCountPath = fields.String(Field.ToleratedFailureCountPath),
            ToleratedFailurePercentage = fields.Number(Field.ToleratedFailurePercentage),
            ToleratedFailurePercentagePath = fields.String(Field.ToleratedFailurePercentagePath),
            Label = fields.String(Field.Label),
            Next = fields.String(Field.Next),
            End = fields.Bool(Field.End),
            InputPath = fields.Path(Field.InputPath),
            OutputPath = fields.Path(Field.OutputPath),
            Assign = fields.Raw(Field.Assign)?.Clone(),
            Output = fields.Raw(Field.Output)?.Clone(),
            Parameters = fields.Raw(Field.Parameters)?.Clone(),
            Arguments = fields.Raw(Field.Arguments)?.Clone(),
            ResultSelector = fields.Raw(Field.ResultSelector)?.Clone(),
            ResultPath = fields.Path(Field.ResultPath),
            Retry = ReadRetry(fields),
            Catch = ReadCatch(fields),
            Comment = fields.String(Field.Comment),
            QueryLanguage = fields.Language(Field.QueryLanguage),
            UnknownFields = fields.Unknown.DrainToImmutable(),
        };
    }

    private string Missing(Fields fields, string field, string what)
    {
        if (fields.Raw(Enum.Parse<Field>(field)) is not null)
        {
            return string.Empty; // present with the wrong type: already reported
        }

        Problem(fields.Pointer, ProblemCodes.MissingField, $"{field} is missing; add \"{field}\": {what}.");
        return string.Empty;
    }

    private ImmutableArray<ParallelBranch> ReadBranches(Fields fields)
    {
        if (fields.Array(Field.Branches) is not { } array)
        {
            return [];
        }

        return ReadObjects(array, LazyPointer.Child(fields.Pointer, "Branches"), "A branch must be an object with StartAt and States", (item, at) =>
            ReadGraph(item, at, static (start, states, comment, unknown, _) =>
                new ParallelBranch { StartAt = start, States = states, Comment = comment, UnknownFields = unknown }));
    }

    private ItemProcessor? ReadProcessor(Fields fields, Field field)
    {
        if (fields.Object(field) is not { } element)
        {
            return null;
        }

        return ReadGraph(element, LazyPointer.Child(fields.Pointer, FieldTable.NameOf(field)), static (start, states, comment, unknown, config) =>
            new ItemProcessor { StartAt = start, States = states, Comment = comment, UnknownFields = unknown, ProcessorConfig = config });
    }

    private ItemReader? ReadItemReader(Fields fields)
    {
        if (fields.Object(Field.ItemReader) is not { } element)
        {
            return null;
        }

        var pointer = LazyPointer.Child(fields.Pointer, "ItemReader");
        string? resource = null;
        JsonElement? config = null, parameters = null, arguments = null;
        var unknown = NewUnknowns();
        Span<char> nameBuffer = stackalloc char[NameBufferLength];
        foreach (var p in element.EnumerateObject())
        {
            switch (NameOf(p, nameBuffer))
            {
                case "Resource":
                    resource = String(p.Value, pointer, p, unknown);
                    break;
                case "ReaderConfig":
                    config = p.Value.Clone();
                    break;
                case "Parameters":
                    parameters = p.Value.Clone();
                    break;
                case "Arguments":
                    arguments = p.Value.Clone();
                    break;
                default:
                    unknown.Add(new(p.Name, p.Value.Clone()));
                    break;
            }
        }

        if (resource is null && !element.TryGetProperty("Resource"u8, out _))
        {
            Problem(pointer, ProblemCodes.MissingField, "ItemReader has no Resource; add e.g. \"Resource\": \"arn:aws:states:::s3:getObject\".");
        }

        return new ItemReader
        {
            Resource = resource ?? string.Empty,
            ReaderConfig = config,
            Parameters = parameters,
            Arguments = arguments,
            UnknownFields = unknown.DrainToImmutable(),
        };
    }

    private ImmutableArray<Retrier> ReadRetry(Fields fields)
    {
        if (fields.Array(Field.Retry) is not { } array)
        {
            return [];
        }

        return ReadObjects(array, LazyPointer.Child(fields.Pointer, "Retry"), "A retrier must be an object with ErrorEquals", (item, at) =>
        {
            ImmutableArray<string> errorEquals = [];
            int? interval = null, maxAttempts = null, maxDelay = null;
            decimal? backoff = null;
            JitterStrategy? jitter = null;
            string? comment = null;
            var unknown = NewUnknowns();
            Span<char> nameBuffer = stackalloc char[NameBufferLength];
            foreach (var p in item.EnumerateObject())
            {
                switch (NameOf(p, nameBuffer))
                {
                    case "ErrorEquals":
                        errorEquals = ErrorEquals(p, at, unknown);
                        break;
                    case "IntervalSeconds":
                        interval = Int(p.Value, at, p, unknown);
                        break;
                    case "MaxAttempts":
                        maxAttempts = Int(p.Value, at, p, unknown);
                        break;
                    case "MaxDelaySeconds":
                        maxDelay = Int(p.Value, at, p, unknown);
                        break;
                    case "BackoffRate":
                        backoff = Decimal(p.Value, at, p, unknown);
                        break;
                    case "JitterStrategy":
                        jitter = Jitter(p, at, unknown);
                        break;
                    case "Comment":
                        comment = String(p.Value, at, p, unknown);
                        break;
                    default:
                        unknown.Add(new(p.Name, p.Value.Clone()));
                        break;
                }
            }

            var missingErrors = !item.TryGetProperty("ErrorEquals"u8, out _);
            if (missingErrors)
            {
                Problem(at, ProblemCodes.MissingField, "The retrier has no ErrorEquals; add e.g. \"ErrorEquals\": [\"States.ALL\"].");
            }

            return Missing(missingErrors, "ErrorEquals", new Retrier
            {
                ErrorEquals = errorEquals,
                IntervalSeconds = interval,
                MaxAttempts = maxAttempts,
                MaxDelaySeconds = maxDelay,
                BackoffRate = backoff,
                JitterStrategy = jitter,
                Comment = comment,
                UnknownFields = unknown.DrainToImmutable(),
            });
        });
    }

    private ImmutableArray<Catcher> ReadCatch(Fields fields)
    {
        if (fields.Array(Field.Catch) is not { } array)
        {
            return [];
        }

        return ReadObjects(array, LazyPointer.Child(fields.Pointer, "Catch"), "A catcher must be an object with ErrorEquals and Next", (item, at) =>
        {
            ImmutableArray<string> errorEquals = [];
            var next = string.Empty;
            OptionalPath? resultPath = null;
            JsonElement? output = null, assign = null;
            string? comment = null;
            var hasNext = false;
            var unknown = NewUnknowns();
            Span<char> nameBuffer = stackalloc char[NameBufferLength];
            foreach (var p in item.EnumerateObject())
            {
                switch (NameOf(p, nameBuffer))
                {
                    case "ErrorEquals":
                        errorEquals = ErrorEquals(p, at, unknown);
                        break;
                    case "Next":
                        hasNext = true;
                        next = String(p.Value, at, p, unknown) ?? string.Empty;
                        break;
                    case "ResultPath":
                        resultPath = Path(p.Value, at, p, unknown);
                        break;
                    case "Output":
                        output = p.Value.Clone();
                        break;
                    case "Assign":
                        assign = p.Value.Clone();
                        break;
                    case "Comment":
                        comment = String(p.Value, at, p, unknown);
                        break;
                    default:
                        unknown.Add(new(p.Name, p.Value.Clone()));
                        break;
                }
            }

            var missingErrors = !item.TryGetProperty("ErrorEquals"u8, out _);
            if (missingErrors)
            {
                Problem(at, ProblemCodes.MissingField, "The catcher has no ErrorEquals; add e.g. \"ErrorEquals\": [\"States.ALL\"].");
            }

            if (!hasNext)
            {
                Problem(at, ProblemCodes.MissingField, "The catcher has no Next; add \"Next\": \"<state that handles the error>\".");
            }

            return Missing(!hasNext, "Next", Missing(missingErrors, "ErrorEquals", new Catcher
            {
                ErrorEquals = errorEquals,
                Next = next,
                ResultPath = resultPath,
                Output = output,
                Assign = assign,
                Comment = comment,
                UnknownFields = unknown.DrainToImmutable(),
            }));
        });
    }

    private ImmutableArray<ChoiceRule> ReadChoiceRules(Fields fields, Field field)
    {
        if (fields.Array(field) is not { } array)
        {
            return [];
        }

        return ReadRuleArray(array, LazyPointer.Child(fields.Pointer, FieldTable.NameOf(field)));
    }

    /// <summary>Reads an array whose items must be objects: each object at its pointer, anything else reported as the
    /// wrong type and skipped.</summary>
    private ImmutableArray<T> ReadObjects<T>(JsonElement array, LazyPointer pointer, string expected, Func<JsonElement, LazyPointer, T> read)
    {
        var items = ImmutableArray.CreateBuilder<T>(array.GetArrayLength());
        List<int>? skipped = null;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = LazyPointer.Child(pointer, index++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                Problem(at, ProblemCodes.WrongType, $"{expected}, not a {Kind(item)}.");
                (skipped ??= []).Add(index - 1);
                continue;
            }

            items.Add(read(item, at));
        }

        return WithSourcePositions(items.DrainToImmutable(), skipped, index);
    }

    private ImmutableArray<ChoiceRule> ReadRuleArray(JsonElement array, LazyPointer pointer)
    {
        var rules = ImmutableArray.CreateBuilder<ChoiceRule>(array.GetArrayLength());
        List<int>? skipped = null;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = LazyPointer.Child(pointer, index++);
            if (ReadRule(item, at) is { } rule)
            {
                rules.Add(rule);
            }
            else
            {
                (skipped ??= []).Add(index - 1);
            }
        }

        return WithSourcePositions(rules.DrainToImmutable(), skipped, index);
    }

    private ChoiceRule? ReadRule(JsonElement element, LazyPointer pointer)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Problem(pointer, ProblemCodes.WrongType, $"A choice rule must be an object, not a {Kind(element)}.");
            return null;
        }

        string? next = null, comment = null, variable = null;
        JsonElement? condition = null, assign = null, output = null, operand = null;
        ImmutableArray<ChoiceRule>? and = null, or = null;
        ChoiceRule? not = null;
        ChoiceOperator? @operator = null;
        var unknown = NewUnknowns();
        Span<char> nameBuffer = stackalloc char[NameBufferLength];
        foreach (var p in element.EnumerateObject())
        {
            switch (NameOf(p, nameBuffer))
            {
                case "Next":
                    next = String(p.Value, pointer, p, unknown);
                    break;
                case "Comment":
                    comment = String(p.Value, pointer, p, unknown);
                    break;
                case "Condition":
                    condition = p.Value.Clone();
                    break;
                case "Variable":
                    variable = String(p.Value, pointer, p, unknown);
                    break;
                case "Assign":
                    assign = p.Value.Clone();
                    break;
                case "Output":
                    output = p.Value.Clone();
                    break;
                case "And" when p.Value.ValueKind == JsonValueKind.Array:
                    and = ReadRuleArray(p.Value, LazyPointer.Child(pointer, p.Name));
                    break;
                case "Or" when p.Value.ValueKind == JsonValueKind.Array:
                    or = ReadRuleArray(p.Value, LazyPointer.Child(pointer, p.Name));
                    break;
                case "Not" when p.Value.ValueKind == JsonValueKind.Object:
                    not = ReadRule(p.Value, LazyPointer.Child(pointer, p.Name));
                    break;
                case "And" or "Or" or "Not":
                    Problem(LazyPointer.Child(pointer, p.Name), ProblemCodes.WrongType,
                        $"{p.Name} must be {(p.Name == "Not" ? "a rule object" : "an array of rules")}, not a {Kind(p.Value)}.");
                    unknown.Add(new(p.Name, p.Value.Clone()));
                    break;
                default:
                    if (@operator is null && ChoiceOperators.TryParse(NameOf(p, nameBuffer), out var op))
                    {
                        @operator = op;
                        operand = _scalars.Copy(p.Value);
                    }
                    else
                    {
                        unknown.Add(new(p.Name, p.Value.Clone()));
                    }

                    break;
            }
        }

        return new ChoiceRule
        {
            Next = next,
            Comment = comment,
            Condition = condition,
            Variable = variable,
            Operator = @operator,
            Operand = operand,
            And = and,
            Or = or,
            Not = not,
            Assign = assign,
            Output = output,
            UnknownFields = unknown.DrainToImmutable(),
        };
    }

    /// <summary>The object read, with <paramref name="field"/> recorded as absent from its JSON when it was.</summary>
    private static T Missing<T>(bool missing, string field, T owner)
        where T : notnull
    {
        if (missing)
        {
            ReadFacts.SetMissing(owner, field);
        }

        return owner;
    }

    /// <summary>The list, with the JSON positions of its items recorded when items of the wrong type were skipped
    /// (the validator's pointers then name the right item).</summary>
    private static ImmutableArray<T> WithSourcePositions<T>(ImmutableArray<T> items, List<int>? skipped, int count)
    {
        if (skipped is not null)
        {
            ReadFacts.SetSourcePositions(items, [.. Enumerable.Range(0, count).Except(skipped)]);
        }

        return items;
    }

    // Longer than any field name the reader knows (ToleratedFailurePercentagePath has 30 characters).
    private const int NameBufferLength = 48;

    /// <summary>A property's name without a string: decoded into <paramref name="buffer"/> when it fits and has
    /// no escapes (every known field name does), else the decoded string.</summary>
    private static ReadOnlySpan<char> NameOf(JsonProperty property, Span<char> buffer)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length > buffer.Length || raw.IndexOf((byte)'\\') >= 0)
        {
            return property.Name;
        }

        return buffer[..Encoding.UTF8.GetChars(raw, buffer)];
    }

    private static bool AllStrings(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }
        }

        return true;
    }

    private ImmutableArray<string> ErrorEquals(JsonProperty p, LazyPointer parent, Unknowns unknown)
    {
        if (p.Value.ValueKind == JsonValueKind.Array && AllStrings(p.Value))
        {
            var names = new string[p.Value.GetArrayLength()];
            var index = 0;
            foreach (var name in p.Value.EnumerateArray())
            {
                names[index++] = name.GetString()!;
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(names);
        }

        Problem(LazyPointer.Child(parent, p.Name), ProblemCodes.WrongType, $"ErrorEquals must be an array of error-name strings, not {p.Value.GetRawText()}.");
        unknown.Add(new(p.Name, p.Value.Clone()));
        return [];
    }

    /// <summary>The state type named by a Type value (compared as UTF-8: no string per state), or null.</summary>
    private static StateType? StateTypeOf(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        foreach (var (utf8, type) in StateTypeNames)
        {
            if (value.ValueEquals(utf8))
            {
                return type;
            }
        }

        return null;
    }

    private JitterStrategy? Jitter(JsonProperty p, LazyPointer parent, Unknowns unknown)
    {
        if (p.Value.ValueKind == JsonValueKind.String)
        {
            if (p.Value.ValueEquals("FULL"u8))
            {
                return JitterStrategy.Full;
            }

            if (p.Value.ValueEquals("NONE"u8))
            {
                return JitterStrategy.None;
            }
        }

        Problem(LazyPointer.Child(parent, p.Name), ProblemCodes.RetryCatch, $"JitterStrategy is {p.Value.GetRawText()}; use \"FULL\" or \"NONE\".");
        unknown.Add(new(p.Name, p.Value.Clone()));
        return null;
    }

    internal string? String(JsonElement value, LazyPointer parent, JsonProperty property, Unknowns unknown)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        WrongType(LazyPointer.Child(parent, property.Name), property.Name, "a string", value, property, unknown);
        return null;
    }

    internal OptionalPath? Path(JsonElement value, LazyPointer parent, JsonProperty property, Unknowns unknown)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new OptionalPath(value.GetString());
            case JsonValueKind.Null:
                return OptionalPath.Null;
            default:
                WrongType(LazyPointer.Child(parent, property.Name), property.Name, "a path string or null", value, property, unknown);
                return null;
        }
    }

    internal int? Int(JsonElement value, LazyPointer parent, JsonProperty property, Unknowns unknown)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        WrongType(LazyPointer.Child(parent, property.Name), property.Name, "an integer", value, property, unknown);
        return null;
    }

    internal decimal? Decimal(JsonElement value, LazyPointer parent, JsonProperty property, Unknowns unknown)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        WrongType(LazyPointer.Child(parent, property.Name), property.Name, "a number", value, property, unknown);
        return null;
    }

    internal QueryLanguage? Language(JsonElement value, LazyPointer parent, JsonProperty property, Unknowns unknown)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            switch (value.GetString())
            {
                case "JSONPath":
                    return Model.QueryLanguage.JsonPath;
                case "JSONata":
                    return Model.QueryLanguage.Jsonata;
            }
        }

        Problem(LazyPointer.Child(parent, property.Name), ProblemCodes.InvalidValue, $"QueryLanguage is {value.GetRawText()}; use \"JSONPath\" or \"JSONata\".");
        unknown.Add(new(property.Name, value.Clone()));
        return null;
    }

    private bool IsObject(JsonElement value, LazyPointer pointer, JsonProperty property, Unknowns unknown)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        WrongType(pointer, property.Name, "an object", value, property, unknown);
        return false;
    }

    internal void WrongType(LazyPointer pointer, string name, string expected, JsonElement value, JsonProperty property, Unknowns unknown)
    {
        Problem(pointer, ProblemCodes.WrongType, $"{name} must be {expected}, not the {Kind(value)} {Truncate(value.GetRawText())}.");
        unknown.Add(new(property.Name, property.Value.Clone()));
    }

    internal void Problem(LazyPointer pointer, string code, string message) => problems.Add(new AslProblem(pointer.ToString(), code, message));

    internal static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static string Truncate(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    /// <summary>Typed access to the collected fields of one state.</summary>
    private readonly struct Fields(ModelReader reader, JsonElement?[] slots, LazyPointer pointer, Unknowns unknown)
    {
        public LazyPointer Pointer => pointer;

        public Unknowns Unknown => unknown;

        public JsonElement? Raw(Field field) => slots[(int)field];

        public string? String(Field field)
        {
            if (slots[(int)field] is not { } value)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            Wrong(field, "a string", value);
            return null;
        }

        public bool? Bool(Field field)
        {
            if (slots[(int)field] is not { } value)
            {
                return null;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            Wrong(field, "a boolean", value);
            return null;
        }

        public OptionalPath? Path(Field field)
        {
            if (slots[(int)field] is not { } value)
            {
                return null;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    return new OptionalPath(value.GetString());
                case JsonValueKind.Null:
                    return OptionalPath.Null;
                default:
                    Wrong(field, "a path string or null", value);
                    return null;
            }
        }

        public NumberOrExpression? Number(Field field)
        {
            if (slots[(int)field] is not { } value)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
            {
                return NumberOrExpression.FromNumber(number);
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return NumberOrExpression.FromExpression(value.GetString()!);
            }

            Wrong(field, "a number (or a JSONata string)", value);
            return null;
        }

        public QueryLanguage? Language(Field field)
        {
            if (slots[(int)field] is not { } value)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                switch (value.GetString())
                {
                    case "JSONPath":
                        return Model.QueryLanguage.JsonPath;
                    case "JSONata":
                        return Model.QueryLanguage.Jsonata;
                }
            }

            reader.Problem(Internal.LazyPointer.Child(pointer, "QueryLanguage"), ProblemCodes.InvalidValue,
                $"QueryLanguage is {value.GetRawText()}; use \"JSONPath\" or \"JSONata\".");
            unknown.Add(new("QueryLanguage", value.Clone()));
            return null;
        }

        public JsonElement? Array(Field field) => Typed(field, JsonValueKind.Array, "an array");

        public JsonElement? Object(Field field) => Typed(field, JsonValueKind.Object, "an object");

        private JsonElement? Typed(Field field, JsonValueKind kind, string expected)
        {
            if (slots[(int)field] is not { } value)
            {
                return null;
            }

            if (value.ValueKind == kind)
            {
                return value;
            }

            Wrong(field, expected, value);
            return null;
        }

        private void Wrong(Field field, string expected, JsonElement value)
        {
            var name = FieldTable.NameOf(field);
            reader.Problem(Internal.LazyPointer.Child(pointer, name), ProblemCodes.WrongType,
                $"{name} must be {expected}, not the {Kind(value)} {Truncate(value.GetRawText())}.");
            unknown.Add(new(name, value.Clone()));
        }
    }
}
