using System.Globalization;

namespace Airline.Pipeline.StateMachines.Model;

/// <summary>
/// A numeric field that JSONata states may also give as a <c>{% expression %}</c> string
/// (TimeoutSeconds, HeartbeatSeconds, Seconds, MaxConcurrency, ToleratedFailureCount/Percentage).
/// Numbers are kept as <see cref="decimal"/>, which also keeps their spelling (<c>2.0</c> stays <c>2.0</c>).
/// </summary>
public readonly record struct NumberOrExpression
{
    private NumberOrExpression(decimal? number, string? expression)
    {
        Number = number;
        Expression = expression;
    }

    /// <summary>The number, when the field is a JSON number.</summary>
    public decimal? Number { get; }

    /// <summary>The string, when the field is a JSON string (a JSONata <c>{% ... %}</c> expression).</summary>
    public string? Expression { get; }

    /// <summary>A JSON number.</summary>
    public static NumberOrExpression FromNumber(decimal number) => new(number, null);

    /// <summary>A JSONata expression string such as <c>{% $states.input.timeout %}</c>.</summary>
    public static NumberOrExpression FromExpression(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return new(null, expression);
    }

    /// <summary>Converts an integer to a numeric field.</summary>
    public static implicit operator NumberOrExpression(int number) => FromNumber(number);

    /// <summary>Converts a decimal to a numeric field.</summary>
    public static implicit operator NumberOrExpression(decimal number) => FromNumber(number);

    /// <summary>Converts an expression string to a field.</summary>
    public static implicit operator NumberOrExpression(string expression) => FromExpression(expression);

    /// <summary>The number as written in JSON, or the expression.</summary>
    public override string ToString() =>
        Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : Expression ?? string.Empty;
}
