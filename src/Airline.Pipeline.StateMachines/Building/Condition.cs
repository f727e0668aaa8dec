using System.Globalization;
using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Building;

/// <summary>Choice rules for <see cref="ChoiceStateBuilder.When"/>: every ASL comparison, And, Or, Not, and JSONata conditions.</summary>
public static class Condition
{
    /// <summary>Any comparison: <paramref name="operand"/> is the operator's value (string, number, boolean or path).</summary>
    public static ChoiceRule Compare(string variable, ChoiceOperator op, object operand) =>
        new() { Variable = variable, Operator = op, Operand = Json.From(operand) };

    /// <summary><c>And</c>: every rule matches.</summary>
    public static ChoiceRule And(params ChoiceRule[] rules) => new() { And = [.. rules] };

    /// <summary><c>Or</c>: some rule matches.</summary>
    public static ChoiceRule Or(params ChoiceRule[] rules) => new() { Or = [.. rules] };

    /// <summary><c>Not</c>: the rule does not match.</summary>
    public static ChoiceRule Not(ChoiceRule rule) => new() { Not = rule };

    /// <summary>A JSONata <c>Condition</c> such as <c>{% $states.input.status = 'READY' %}</c>.</summary>
    public static ChoiceRule Jsonata(string condition) => new() { Condition = Json.From(condition) };

    /// <summary><c>StringEquals</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule StringEquals(string variable, string value) => Compare(variable, ChoiceOperator.StringEquals, value);

    /// <summary><c>StringEqualsPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule StringEqualsPath(string variable, string path) => Compare(variable, ChoiceOperator.StringEqualsPath, path);

    /// <summary><c>StringLessThan</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule StringLessThan(string variable, string value) => Compare(variable, ChoiceOperator.StringLessThan, value);

    /// <summary><c>StringLessThanPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule StringLessThanPath(string variable, string path) => Compare(variable, ChoiceOperator.StringLessThanPath, path);

    /// <summary><c>StringGreaterThan</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule StringGreaterThan(string variable, string value) => Compare(variable, ChoiceOperator.StringGreaterThan, value);

    /// <summary><c>StringGreaterThanPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule StringGreaterThanPath(string variable, string path) => Compare(variable, ChoiceOperator.StringGreaterThanPath, path);

    /// <summary><c>StringLessThanEquals</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule StringLessThanEquals(string variable, string value) => Compare(variable, ChoiceOperator.StringLessThanEquals, value);

    /// <summary><c>StringLessThanEqualsPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule StringLessThanEqualsPath(string variable, string path) => Compare(variable, ChoiceOperator.StringLessThanEqualsPath, path);

    /// <summary><c>StringGreaterThanEquals</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule StringGreaterThanEquals(string variable, string value) => Compare(variable, ChoiceOperator.StringGreaterThanEquals, value);

    /// <summary><c>StringGreaterThanEqualsPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule StringGreaterThanEqualsPath(string variable, string path) => Compare(variable, ChoiceOperator.StringGreaterThanEqualsPath, path);

    /// <summary><c>NumericEquals</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule NumericEquals(string variable, decimal value) => Compare(variable, ChoiceOperator.NumericEquals, value);

    /// <summary><c>NumericEqualsPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule NumericEqualsPath(string variable, string path) => Compare(variable, ChoiceOperator.NumericEqualsPath, path);

    /// <summary><c>NumericLessThan</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule NumericLessThan(string variable, decimal value) => Compare(variable, ChoiceOperator.NumericLessThan, value);

    /// <summary><c>NumericLessThanPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule NumericLessThanPath(string variable, string path) => Compare(variable, ChoiceOperator.NumericLessThanPath, path);

    /// <summary><c>NumericGreaterThan</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule NumericGreaterThan(string variable, decimal value) => Compare(variable, ChoiceOperator.NumericGreaterThan, value);

    /// <summary><c>NumericGreaterThanPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule NumericGreaterThanPath(string variable, string path) => Compare(variable, ChoiceOperator.NumericGreaterThanPath, path);

    /// <summary><c>NumericLessThanEquals</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule NumericLessThanEquals(string variable, decimal value) => Compare(variable, ChoiceOperator.NumericLessThanEquals, value);

    /// <summary><c>NumericLessThanEqualsPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule NumericLessThanEqualsPath(string variable, string path) => Compare(variable, ChoiceOperator.NumericLessThanEqualsPath, path);

    /// <summary><c>NumericGreaterThanEquals</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule NumericGreaterThanEquals(string variable, decimal value) => Compare(variable, ChoiceOperator.NumericGreaterThanEquals, value);

    /// <summary><c>NumericGreaterThanEqualsPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule NumericGreaterThanEqualsPath(string variable, string path) => Compare(variable, ChoiceOperator.NumericGreaterThanEqualsPath, path);

    /// <summary><c>TimestampEquals</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule TimestampEquals(string variable, DateTimeOffset value) => Compare(variable, ChoiceOperator.TimestampEquals, Stamp(value));

    /// <summary><c>TimestampEqualsPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule TimestampEqualsPath(string variable, string path) => Compare(variable, ChoiceOperator.TimestampEqualsPath, path);

    /// <summary><c>TimestampLessThan</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule TimestampLessThan(string variable, DateTimeOffset value) => Compare(variable, ChoiceOperator.TimestampLessThan, Stamp(value));

    /// <summary><c>TimestampLessThanPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule TimestampLessThanPath(string variable, string path) => Compare(variable, ChoiceOperator.TimestampLessThanPath, path);

    /// <summary><c>TimestampGreaterThan</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule TimestampGreaterThan(string variable, DateTimeOffset value) => Compare(variable, ChoiceOperator.TimestampGreaterThan, Stamp(value));

    /// <summary><c>TimestampGreaterThanPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule TimestampGreaterThanPath(string variable, string path) => Compare(variable, ChoiceOperator.TimestampGreaterThanPath, path);

    /// <summary><c>TimestampLessThanEquals</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule TimestampLessThanEquals(string variable, DateTimeOffset value) => Compare(variable, ChoiceOperator.TimestampLessThanEquals, Stamp(value));

    /// <summary><c>TimestampLessThanEqualsPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule TimestampLessThanEqualsPath(string variable, string path) => Compare(variable, ChoiceOperator.TimestampLessThanEqualsPath, path);

    /// <summary><c>TimestampGreaterThanEquals</c>: the value at <paramref name="variable"/> compared with <paramref name="value"/>.</summary>
    public static ChoiceRule TimestampGreaterThanEquals(string variable, DateTimeOffset value) => Compare(variable, ChoiceOperator.TimestampGreaterThanEquals, Stamp(value));

    /// <summary><c>TimestampGreaterThanEqualsPath</c>: compared with the value at <paramref name="path"/>.</summary>
    public static ChoiceRule TimestampGreaterThanEqualsPath(string variable, string path) => Compare(variable, ChoiceOperator.TimestampGreaterThanEqualsPath, path);

    /// <summary><c>StringMatches</c>: a pattern where <c>*</c> matches anything (escape with <c>\\*</c>).</summary>
    public static ChoiceRule StringMatches(string variable, string pattern) => Compare(variable, ChoiceOperator.StringMatches, pattern);

    /// <summary><c>BooleanEquals</c>.</summary>
    public static ChoiceRule BooleanEquals(string variable, bool value) => Compare(variable, ChoiceOperator.BooleanEquals, value);

    /// <summary><c>BooleanEqualsPath</c>.</summary>
    public static ChoiceRule BooleanEqualsPath(string variable, string path) => Compare(variable, ChoiceOperator.BooleanEqualsPath, path);

    /// <summary><c>IsNull</c>: true (or false with <paramref name="expected"/>).</summary>
    public static ChoiceRule IsNull(string variable, bool expected = true) => Compare(variable, ChoiceOperator.IsNull, expected);

    /// <summary><c>IsPresent</c>: true (or false with <paramref name="expected"/>).</summary>
    public static ChoiceRule IsPresent(string variable, bool expected = true) => Compare(variable, ChoiceOperator.IsPresent, expected);

    /// <summary><c>IsNumeric</c>: true (or false with <paramref name="expected"/>).</summary>
    public static ChoiceRule IsNumeric(string variable, bool expected = true) => Compare(variable, ChoiceOperator.IsNumeric, expected);

    /// <summary><c>IsString</c>: true (or false with <paramref name="expected"/>).</summary>
    public static ChoiceRule IsString(string variable, bool expected = true) => Compare(variable, ChoiceOperator.IsString, expected);

    /// <summary><c>IsBoolean</c>: true (or false with <paramref name="expected"/>).</summary>
    public static ChoiceRule IsBoolean(string variable, bool expected = true) => Compare(variable, ChoiceOperator.IsBoolean, expected);

    /// <summary><c>IsTimestamp</c>: true (or false with <paramref name="expected"/>).</summary>
    public static ChoiceRule IsTimestamp(string variable, bool expected = true) => Compare(variable, ChoiceOperator.IsTimestamp, expected);

    private static string Stamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
