namespace Airline.Pipeline.StateMachines.Model;

/// <summary>The comparison operators of a JSONPath Choice rule; the name is the JSON field name.</summary>
public enum ChoiceOperator
{
    /// <summary><c>StringEquals</c>.</summary>
    StringEquals,

    /// <summary><c>StringEqualsPath</c>.</summary>
    StringEqualsPath,

    /// <summary><c>StringLessThan</c>.</summary>
    StringLessThan,

    /// <summary><c>StringLessThanPath</c>.</summary>
    StringLessThanPath,

    /// <summary><c>StringGreaterThan</c>.</summary>
    StringGreaterThan,

    /// <summary><c>StringGreaterThanPath</c>.</summary>
    StringGreaterThanPath,

    /// <summary><c>StringLessThanEquals</c>.</summary>
    StringLessThanEquals,

    /// <summary><c>StringLessThanEqualsPath</c>.</summary>
    StringLessThanEqualsPath,

    /// <summary><c>StringGreaterThanEquals</c>.</summary>
    StringGreaterThanEquals,

    /// <summary><c>StringGreaterThanEqualsPath</c>.</summary>
    StringGreaterThanEqualsPath,

    /// <summary><c>StringMatches</c>: a pattern with <c>*</c> wildcards (escape with <c>\\</c>).</summary>
    StringMatches,

    /// <summary><c>NumericEquals</c>.</summary>
    NumericEquals,

    /// <summary><c>NumericEqualsPath</c>.</summary>
    NumericEqualsPath,

    /// <summary><c>NumericLessThan</c>.</summary>
    NumericLessThan,

    /// <summary><c>NumericLessThanPath</c>.</summary>
    NumericLessThanPath,

    /// <summary><c>NumericGreaterThan</c>.</summary>
    NumericGreaterThan,

    /// <summary><c>NumericGreaterThanPath</c>.</summary>
    NumericGreaterThanPath,

    /// <summary><c>NumericLessThanEquals</c>.</summary>
    NumericLessThanEquals,

    /// <summary><c>NumericLessThanEqualsPath</c>.</summary>
    NumericLessThanEqualsPath,

    /// <summary><c>NumericGreaterThanEquals</c>.</summary>
    NumericGreaterThanEquals,

    /// <summary><c>NumericGreaterThanEqualsPath</c>.</summary>
    NumericGreaterThanEqualsPath,

    /// <summary><c>BooleanEquals</c>.</summary>
    BooleanEquals,

    /// <summary><c>BooleanEqualsPath</c>.</summary>
    BooleanEqualsPath,

    /// <summary><c>TimestampEquals</c>.</summary>
    TimestampEquals,

    /// <summary><c>TimestampEqualsPath</c>.</summary>
    TimestampEqualsPath,

    /// <summary><c>TimestampLessThan</c>.</summary>
    TimestampLessThan,

    /// <summary><c>TimestampLessThanPath</c>.</summary>
    TimestampLessThanPath,

    /// <summary><c>TimestampGreaterThan</c>.</summary>
    TimestampGreaterThan,

    /// <summary><c>TimestampGreaterThanPath</c>.</summary>
    TimestampGreaterThanPath,

    /// <summary><c>TimestampLessThanEquals</c>.</summary>
    TimestampLessThanEquals,

    /// <summary><c>TimestampLessThanEqualsPath</c>.</summary>
    TimestampLessThanEqualsPath,

    /// <summary><c>TimestampGreaterThanEquals</c>.</summary>
    TimestampGreaterThanEquals,

    /// <summary><c>TimestampGreaterThanEqualsPath</c>.</summary>
    TimestampGreaterThanEqualsPath,

    /// <summary><c>IsNull</c>: true or false.</summary>
    IsNull,

    /// <summary><c>IsPresent</c>: true or false.</summary>
    IsPresent,

    /// <summary><c>IsNumeric</c>: true or false.</summary>
    IsNumeric,

    /// <summary><c>IsString</c>: true or false.</summary>
    IsString,

    /// <summary><c>IsBoolean</c>: true or false.</summary>
    IsBoolean,

    /// <summary><c>IsTimestamp</c>: true or false.</summary>
    IsTimestamp,
}

/// <summary>What a <see cref="ChoiceOperator"/> compares with.</summary>
public enum ChoiceOperandKind
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>An RFC 3339 timestamp string.</summary>
    Timestamp,

    /// <summary>A path to the value to compare with.</summary>
    Path,
}

/// <summary>Facts about each <see cref="ChoiceOperator"/>.</summary>
public static class ChoiceOperators
{
    private static readonly string[] Names = Enum.GetNames<ChoiceOperator>();
    private static readonly Dictionary<string, ChoiceOperator> ByName =
        Enum.GetValues<ChoiceOperator>().ToDictionary(o => o.ToString(), StringComparer.Ordinal);

    private static readonly Dictionary<string, ChoiceOperator>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The JSON field name of the operator.</summary>
    public static string JsonName(this ChoiceOperator op) => Names[(int)op];

    /// <summary>The operator called <paramref name="name"/> in JSON, if any.</summary>
    public static bool TryParse(string name, out ChoiceOperator op) => ByName.TryGetValue(name, out op);

    /// <summary>The operator called <paramref name="name"/> in JSON, if any (no string needed).</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out ChoiceOperator op) => ByNameSpan.TryGetValue(name, out op);

    /// <summary>What kind of value the operator takes.</summary>
    public static ChoiceOperandKind OperandKind(this ChoiceOperator op)
    {
        var name = op.JsonName();
        return name switch
        {
            _ when name.EndsWith("Path", StringComparison.Ordinal) => ChoiceOperandKind.Path,
            _ when name.StartsWith("String", StringComparison.Ordinal) => ChoiceOperandKind.String,
            _ when name.StartsWith("Numeric", StringComparison.Ordinal) => ChoiceOperandKind.Number,
            _ when name.StartsWith("Timestamp", StringComparison.Ordinal) => ChoiceOperandKind.Timestamp,
            _ => ChoiceOperandKind.Boolean,
        };
    }
}
