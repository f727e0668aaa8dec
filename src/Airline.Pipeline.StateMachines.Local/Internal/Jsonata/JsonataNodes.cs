using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Jsonata;

internal sealed class LiteralNode(JData value) : JsonataNode
{
    public override JData? Evaluate(JData? context, JsonataScope scope) => value;
}

internal sealed class NameNode : JsonataNode
{
    public NameNode(string name, int position)
    {
        Name = name;
        Position = position;
    }

    public string Name { get; }

    public override JData? Evaluate(JData? context, JsonataScope scope)
    {
        switch (context)
        {
            case JObject obj:
                return obj.Get(Name);
            case JArray or JsonataSequence:
                {
                    var results = new List<JData>();
                    foreach (var item in JsonataValues.AsList(context))
                    {
                        JsonataValues.AddFlattened(results, Evaluate(item, scope));
                    }

                    return JsonataValues.Sequence(results);
                }

            default:
                return null;
        }
    }
}

internal sealed class VariableNode : JsonataNode
{
    public VariableNode(string name, int position)
    {
        Name = name;
        Position = position;
    }

    public string Name { get; }

    public override JData? Evaluate(JData? context, JsonataScope scope)
    {
        var environment = scope.Environment;
        return Name switch
        {
            "" => context,
            "$" => environment.Input,
            "states" => environment.States,
            _ => environment.Variables.TryGet(Name, out var value) ? value : null,
        };
    }
}

/// <summary><c>left.right</c>: evaluates right once per item of left, flattening the results.</summary>
internal sealed class MapNode : JsonataNode
{
    private readonly JsonataNode _left;
    private readonly JsonataNode _right;

    public MapNode(JsonataNode left, JsonataNode right, int position)
    {
        _left = left;
        _right = right;
        Position = position;
    }

    public override JData? Evaluate(JData? context, JsonataScope scope)
    {
        var left = _left.Evaluate(context, scope);
        if (left is null)
        {
            return null;
        }

        if (left is not (JArray or JsonataSequence))
        {
            return _right.Evaluate(left, scope);
        }

        var results = new List<JData>();
        foreach (var item in JsonataValues.AsList(left))
        {
            JsonataValues.AddFlattened(results, _right.Evaluate(item, scope));
        }

        return JsonataValues.Sequence(results);
    }
}

/// <summary><c>expr[predicate]</c>: a number selects by index (negative from the end), anything else filters by truthiness.</summary>
internal sealed class FilterNode : JsonataNode
{
    private readonly JsonataNode _source;
    private readonly JsonataNode _predicate;

    public FilterNode(JsonataNode source, JsonataNode predicate, int position)
    {
        _source = source;
        _predicate = predicate;
        Position = position;
    }

    public override JData? Evaluate(JData? context, JsonataScope scope)
    {
        var items = JsonataValues.AsList(_source.Evaluate(context, scope));
        var results = new List<JData>();
        for (var i = 0; i < items.Count; i++)
        {
            var test = _predicate.Evaluate(items[i], scope);
            if (test is JNumber n)
            {
                var index = (int)Math.Floor(n.Value);
                if (index < 0)
                {
                    index += items.Count;
                }

                if (index == i)
                {
                    results.Add(items[i]);
                }
            }
            else if (JsonataValues.Truthy(test))
            {
                results.Add(items[i]);
            }
        }

        return JsonataValues.Sequence(results);
    }
}

internal sealed class ArrayNode : JsonataNode
{
    private readonly JsonataNode[] _items;

    public ArrayNode(JsonataNode[] items, int position)
    {
        _items = items;
        Position = position;
    }

    public override JData? Evaluate(JData? context, JsonataScope scope)
    {
        var values = new List<JData>();
        foreach (var item in _items)
        {
            var value = item.Evaluate(context, scope);
            if (value is JsonataSequence seq)
            {
                values.AddRange(seq.Items.Select(JsonataValues.Materialize));
            }
            else if (value is not null)
            {
                values.Add(value);
            }
        }

        return new JArray([.. values]);
    }
}

internal sealed class ObjectNode : JsonataNode
{
    private readonly (JsonataNode Key, JsonataNode Value)[] _pairs;

    public ObjectNode((JsonataNode Key, JsonataNode Value)[] pairs, int position)
    {
        _pairs = pairs;
        Position = position;
    }

    public override JData? Evaluate(JData? context, JsonataScope scope)
    {
        var builder = new JObjectBuilder();
        foreach (var (keyNode, valueNode) in _pairs)
        {
            if (keyNode.Evaluate(context, scope) is not JString key)
            {
                throw new JsonataEvaluationException("an object key must be a string", keyNode.Position);
            }

            var value = valueNode.Evaluate(context, scope);
            if (value is not null)
            {
                builder.Set(key.Value, JsonataValues.Materialize(value));
            }
        }

        return builder.Build();
    }
}

internal sealed class NegateNode : JsonataNode
{
    private readonly JsonataNode _operand;

    public NegateNode(JsonataNode operand, int position)
    {
        _operand = operand;
        Position = position;
    }

    public override JData? Evaluate(JData? context, JsonataScope scope) => _operand.Evaluate(context, scope) switch
    {
        null => null,
        JNumber n => JNumber.Of(-n.Value),
        var other => throw new JsonataEvaluationException($"cannot negate {other.TypeName} {other.ToJson()}", Position),
    };
}

internal sealed class ConditionNode : JsonataNode
{
    private readonly JsonataNode _condition;
    private readonly JsonataNode _then;
    private readonly JsonataNode? _otherwise;

    public ConditionNode(JsonataNode condition, JsonataNode then, JsonataNode? otherwise, int position)
    {
        _condition = condition;
        _then = then;
        _otherwise = otherwise;
        Position = position;
    }

    public override JData? Evaluate(JData? context, JsonataScope scope) =>
        JsonataValues.Truthy(_condition.Evaluate(context, scope)) ? _then.Evaluate(context, scope) : _otherwise?.Evaluate(context, scope);
}

internal sealed class CallNode : JsonataNode
{
    private readonly string _name;
    private readonly JsonataNode[] _args;

    public CallNode(string name, JsonataNode[] args, int position)
    {
        _name = name;
        _args = args;
        Position = position;
    }

    public override JData? Evaluate(JData? context, JsonataScope scope)
    {
        var values = new JData?[_args.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _args[i].Evaluate(context, scope);
        }

        return JsonataFunctions.Invoke(_name, values, scope.Environment, Position);
    }
}

internal sealed class BinaryNode : JsonataNode
{
    private readonly string _op;
    private readonly JsonataNode _left;
    private readonly JsonataNode _right;

    public BinaryNode(string op, JsonataNode left, JsonataNode right, int position)
    {
        _op = op;
        _left = left;
        _right = right;
        Position = position;
    }

    public override JData? Evaluate(JData? context, JsonataScope scope)
    {
        switch (_op)
        {
            case "and":
                return JData.Bool(JsonataValues.Truthy(_left.Evaluate(context, scope)) && JsonataValues.Truthy(_right.Evaluate(context, scope)));
            case "or":
                return JData.Bool(JsonataValues.Truthy(_left.Evaluate(context, scope)) || JsonataValues.Truthy(_right.Evaluate(context, scope)));
        }

        var left = _left.Evaluate(context, scope);
        var right = _right.Evaluate(context, scope);
        switch (_op)
        {
            case "&":
                return new JString(JsonataValues.ToText(left) + JsonataValues.ToText(right));
            case "=":
                return JData.Bool(left is not null && right is not null && JData.DeepEquals(JsonataValues.Materialize(left), JsonataValues.Materialize(right)));
            case "!=":
                return JData.Bool(left is not null && right is not null && !JData.DeepEquals(JsonataValues.Materialize(left), JsonataValues.Materialize(right)));
            case "in":
                return JData.Bool(left is not null && JsonataValues.AsList(right).Any(item => JData.DeepEquals(JsonataValues.Materialize(left), item)));
            case "<" or "<=" or ">" or ">=":
                return Compare(left, right);
            default:
                return Arithmetic(left, right);
        }
    }

    private JData? Compare(JData? left, JData? right)
    {
        if (left is null || right is null)
        {
            return JData.False;
        }

        int cmp;
        if (left is JNumber a && right is JNumber b)
        {
            cmp = a.Value.CompareTo(b.Value);
        }
        else if (left is JString s && right is JString t)
        {
            cmp = string.CompareOrdinal(s.Value, t.Value);
        }
        else
        {
            throw new JsonataEvaluationException($"'{_op}' compares two numbers or two strings, not {left.TypeName} and {right.TypeName}", Position);
        }

        return JData.Bool(_op switch { "<" => cmp < 0, "<=" => cmp <= 0, ">" => cmp > 0, _ => cmp >= 0 });
    }

    private JData? Arithmetic(JData? left, JData? right)
    {
        if (left is null || right is null)
        {
            return null;
        }

        if (left is not JNumber a || right is not JNumber b)
        {
            throw new JsonataEvaluationException($"'{_op}' needs numbers, not {left.TypeName} {left.ToJson()} and {right.TypeName} {right.ToJson()}", Position);
        }

        var result = _op switch
        {
            "+" => a.Value + b.Value,
            "-" => a.Value - b.Value,
            "*" => a.Value * b.Value,
            "/" => a.Value / b.Value,
            _ => a.Value % b.Value,
        };
        if (double.IsInfinity(result) || double.IsNaN(result))
        {
            throw new JsonataEvaluationException($"'{_op}' gave a number JSON cannot hold ({a.Text} {_op} {b.Text})", Position);
        }

        return JNumber.Of(result);
    }
}
