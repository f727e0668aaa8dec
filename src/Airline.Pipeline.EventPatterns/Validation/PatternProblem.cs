using System.Globalization;

namespace Airline.Pipeline.EventPatterns.Validation;

/// <summary>
/// Something AWS would reject in a pattern (or malformed JSON): where it is, as a JSON pointer into the pattern
/// (and a line and column when the JSON itself is malformed), and what is wrong, in AWS's words where AWS publishes them.
/// </summary>
/// <param name="Pointer">JSON pointer (RFC 6901) to the bad value; empty for the whole pattern.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Line">1-based line of a JSON syntax error, otherwise null.</param>
/// <param name="Column">1-based column of a JSON syntax error, otherwise null.</param>
public sealed record PatternProblem(string Pointer, string Message, int? Line = null, int? Column = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line is null
            ? (Pointer.Length == 0 ? "(pattern)" : Pointer)
            : string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}");
        return where + ": " + Message;
    }
}
