using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Paths;

/// <summary>A JSONPath filter: comparisons of <c>@</c>/<c>$</c> paths and literals with &amp;&amp;, || and !.</summary>
internal abstract class FilterExpression
{
    public abstract bool Test(JData current, JData root);
}

internal sealed class FilterOperand
{
    private readonly JsonPath? _path;
    private readonly bool _relative;
    private readonly JData? _literal;

    public FilterOperand(JsonPath path, bool relative)
    {
        _path = path;
        _relative = relative;
    }

    public FilterOperand(JData literal) => _literal = literal;

    public bool TryGet(JData current, JData root, out JData value)
    {
        if (_literal is not null)
        {
            value = _literal;
            return true;
        }

        if (!_path!.TrySelect(_relative ? current : root, out value))
        {
            return false;
        }

        if (!_path.IsDefinite && value is JArray { Count: 0 })
        {
            return false;
        }

        return true;
    }
}

internal sealed class ExistsFilter(FilterOperand operand) : FilterExpression
{
    public override bool Test(JData current, JData root) => operand.TryGet(current, root, out _);
}

internal sealed class CompareFilter(FilterOperand left, string op, FilterOperand right) : FilterExpression
{
    public override bool Test(JData current, JData root)
    {
        if (!left.TryGet(current, root, out var a) || !right.TryGet(current, root, out var b))
        {
            return op == "!=";
        }

        switch (op)
        {
            case "==":
                return JData.DeepEquals(a, b);
            case "!=":
                return !JData.DeepEquals(a, b);
        }

        int cmp;
        if (a is JNumber x && b is JNumber y)
        {
            cmp = x.Value.CompareTo(y.Value);
        }
        else if (a is JString s && b is JString t)
        {
            cmp = string.CompareOrdinal(s.Value, t.Value);
        }
        else
        {
            return false;
        }

        return op switch
        {
            "<" => cmp < 0,
            "<=" => cmp <= 0,
            ">" => cmp > 0,
            ">=" => cmp >= 0,
            _ => false,
        };
    }
}

internal sealed class LogicalFilter(FilterExpression left, bool isAnd, FilterExpression right) : FilterExpression
{
    public override bool Test(JData current, JData root) =>
        isAnd ? left.Test(current, root) && right.Test(current, root) : left.Test(current, root) || right.Test(current, root);
}

internal sealed class NotFilter(FilterExpression inner) : FilterExpression
{
    public override bool Test(JData current, JData root) => !inner.Test(current, root);
}
