using System.Globalization;
using System.Text.RegularExpressions;
using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;
using Airline.Pipeline.StateMachines.Local.Internal.Paths;

namespace Airline.Pipeline.StateMachines.Local.Internal.Definition;

/// <summary>A Choice rule's boolean expression.</summary>
internal abstract class ChoiceCondition
{
    public abstract bool Evaluate(ChoiceScope scope);
}

/// <summary>What a Choice rule sees: JSONPath data or the JSONata bindings.</summary>
internal sealed class ChoiceScope(PathScope paths, Func<Jsonata.JsonataNode, JData>? jsonata)
{
    public PathScope Paths { get; } = paths;

    public JData EvaluateJsonata(Jsonata.JsonataNode node) => jsonata!(node);
}

internal sealed class AndCondition(ChoiceCondition[] items) : ChoiceCondition
{
    public override bool Evaluate(ChoiceScope scope)
    {
        foreach (var item in items)
        {
            if (!item.Evaluate(scope))
            {
                return false;
            }
        }

        return true;
    }
}

internal sealed class OrCondition(ChoiceCondition[] items) : ChoiceCondition
{
    public override bool Evaluate(ChoiceScope scope)
    {
        foreach (var item in items)
        {
            if (item.Evaluate(scope))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class NotCondition(ChoiceCondition inner) : ChoiceCondition
{
    public override bool Evaluate(ChoiceScope scope) => !inner.Evaluate(scope);
}

internal sealed class JsonataCondition(Jsonata.JsonataNode expression, string text) : ChoiceCondition
{
    public override bool Evaluate(ChoiceScope scope)
    {
        var value = scope.EvaluateJsonata(expression);
        return value is JBool b
            ? b.Value
            : throw new StatesErrorException(StatesErrors.QueryEvaluationError, $"The Condition '{text}' returned {value.TypeName} {value.ToJson()}, not a boolean.");
    }
}

/// <summary>
/// <c>Variable</c> compared with an operator. Types follow the specification: a comparison whose
/// operand types do not fit the operator is false; a missing Variable is a States.Runtime error,
/// except for IsPresent.
/// </summary>
internal sealed partial class ComparisonCondition(JsonPath variable, string op, JData? literal, JsonPath? otherPath) : ChoiceCondition
{
    public static readonly string[] Operators =
    [
        "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals", "StringMatches",
        "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals",
        "BooleanEquals",
        "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals",
        "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp",
    ];

    public override bool Evaluate(ChoiceScope scope)
    {
        if (!scope.Paths.TrySelect(variable, out var value))
        {
            if (op == "IsPresent")
            {
                return literal is JBool { Value: false };
            }

            throw StatesErrorException.Runtime($"Invalid path '{variable.Text}': The choice state's condition path references an invalid value.");
        }

        if (!variable.IsDefinite && value is JArray { Count: 0 } && op == "IsPresent")
        {
            return literal is JBool { Value: false };
        }

        JData operand;
        if (otherPath is not null)
        {
            if (!scope.Paths.TrySelect(otherPath, out operand))
            {
                throw StatesErrorException.Runtime($"Invalid path '{otherPath.Text}': The choice state's condition path references an invalid value.");
            }
        }
        else
        {
            operand = literal!;
        }

        return Compare(value, operand);
    }

    private bool Compare(JData value, JData operand)
    {
        switch (op)
        {
            case "IsPresent":
                return ((JBool)operand).Value;
            case "IsNull":
                return (value is JNull) == ((JBool)operand).Value;
            case "IsNumeric":
                return (value is JNumber) == ((JBool)operand).Value;
            case "IsString":
                return (value is JString) == ((JBool)operand).Value;
            case "IsBoolean":
                return (value is JBool) == ((JBool)operand).Value;
            case "IsTimestamp":
                return (value is JString ts && TryParseTimestamp(ts.Value, out _)) == ((JBool)operand).Value;
            case "BooleanEquals":
                return value is JBool a && operand is JBool b && a.Value == b.Value;
            case "StringMatches":
                return value is JString text && operand is JString pattern && Matches(text.Value, pattern.Value);
        }

        if (op.StartsWith("String", StringComparison.Ordinal))
        {
            return value is JString x && operand is JString y && Test(string.CompareOrdinal(x.Value, y.Value));
        }

        if (op.StartsWith("Numeric", StringComparison.Ordinal))
        {
            return value is JNumber x && operand is JNumber y && Test(x.Value.CompareTo(y.Value));
        }

        if (value is JString t1 && operand is JString t2 && TryParseTimestamp(t1.Value, out var d1) && TryParseTimestamp(t2.Value, out var d2))
        {
            return Test(d1.CompareTo(d2));
        }

        return false;
    }

    private bool Test(int cmp)
    {
        var suffix = op.AsSpan(op.StartsWith("String", StringComparison.Ordinal) ? 6 : op.StartsWith("Numeric", StringComparison.Ordinal) ? 7 : 9);
        return suffix switch
        {
            "Equals" => cmp == 0,
            "LessThan" => cmp < 0,
            "GreaterThan" => cmp > 0,
            "LessThanEquals" => cmp <= 0,
            "GreaterThanEquals" => cmp >= 0,
            _ => false,
        };
    }

    /// <summary>StringMatches: <c>*</c> matches any run of characters; <c>\*</c> and <c>\\</c> are literals.</summary>
    internal static bool Matches(string text, string pattern)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                current.Append(pattern[++i]);
            }
            else if (pattern[i] == '*')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(pattern[i]);
            }
        }

        parts.Add(current.ToString());
        if (parts.Count == 1)
        {
            return string.Equals(text, parts[0], StringComparison.Ordinal);
        }

        if (!text.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }

        var pos = parts[0].Length;
        for (var i = 1; i < parts.Count - 1; i++)
        {
            var found = text.IndexOf(parts[i], pos, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            pos = found + parts[i].Length;
        }

        var last = parts[^1];
        return text.Length - pos >= last.Length && text.EndsWith(last, StringComparison.Ordinal);
    }

    /// <summary>RFC 3339 with an uppercase T and Z (or a numeric offset), as the specification requires.</summary>
    internal static bool TryParseTimestamp(string text, out DateTimeOffset value)
    {
        value = default;
        return TimestampRegex().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampRegex();
}
