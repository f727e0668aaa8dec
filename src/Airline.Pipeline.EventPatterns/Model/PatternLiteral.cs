using System.Globalization;

namespace Airline.Pipeline.EventPatterns.Model;

/// <summary>The JSON type of a <see cref="PatternLiteral"/>.</summary>
public enum PatternLiteralKind
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A JSON number (its spelling is kept).</summary>
    Number,

    /// <summary>The JSON literal <c>true</c>.</summary>
    True,

    /// <summary>The JSON literal <c>false</c>.</summary>
    False,

    /// <summary>The JSON literal <c>null</c>.</summary>
    Null,
}

/// <summary>
/// A JSON scalar as written in a pattern: a string, a number (with its spelling, so <c>3.0e2</c> stays
/// <c>3.0e2</c>), <c>true</c>, <c>false</c> or <c>null</c>.
/// </summary>
/// <param name="Kind">The JSON type.</param>
/// <param name="Text">The string's value, the number's spelling, or <c>true</c>/<c>false</c>/<c>null</c>.</param>
public readonly record struct PatternLiteral(PatternLiteralKind Kind, string Text)
{
    /// <summary>The literal <c>null</c>.</summary>
    public static PatternLiteral Null { get; } = new(PatternLiteralKind.Null, "null");

    /// <summary>A JSON string.</summary>
    public static PatternLiteral String(string value) => new(PatternLiteralKind.String, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A JSON number with the given spelling (for example <c>3.018e2</c>); the spelling is checked.</summary>
    /// <exception cref="ArgumentException">The text is not a JSON number.</exception>
    public static PatternLiteral Number(string spelling)
    {
        if (!Internal.JsonNumbers.IsJsonNumber(spelling))
        {
            throw new ArgumentException($"'{spelling}' is not a JSON number; write it like 42, -1.5 or 3.018e2.", nameof(spelling));
        }

        return new(PatternLiteralKind.Number, spelling);
    }

    /// <summary>A JSON number.</summary>
    public static PatternLiteral Number(long value) => new(PatternLiteralKind.Number, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A JSON number.</summary>
    public static PatternLiteral Number(decimal value) => new(PatternLiteralKind.Number, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A JSON number (the shortest spelling that round-trips).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is NaN or infinite.</exception>
    public static PatternLiteral Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no NaN or infinity; use a finite number.");
        }

        return new(PatternLiteralKind.Number, value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>The JSON literal <c>true</c> or <c>false</c>.</summary>
    public static PatternLiteral Boolean(bool value) => value ? new(PatternLiteralKind.True, "true") : new(PatternLiteralKind.False, "false");

    /// <summary>True for strings.</summary>
    public bool IsString => Kind == PatternLiteralKind.String;

    /// <summary>True for numbers.</summary>
    public bool IsNumber => Kind == PatternLiteralKind.Number;

    /// <inheritdoc />
    public override string ToString() => Kind == PatternLiteralKind.String ? "\"" + Text + "\"" : Text;
}
