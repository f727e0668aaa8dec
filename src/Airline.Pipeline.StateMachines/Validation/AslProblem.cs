namespace Airline.Pipeline.StateMachines.Validation;

/// <summary>How bad a problem is.</summary>
public enum ProblemSeverity
{
    /// <summary>AWS would reject the definition, or it cannot work.</summary>
    Error,

    /// <summary>A lint: AWS accepts it, but it is probably a mistake.</summary>
    Warning,
}

/// <summary>
/// One problem of a definition: where (an RFC 6901 JSON pointer such as <c>/States/Wait/Seconds</c>), a stable
/// <see cref="Code"/> from <see cref="ProblemCodes"/>, and a message that names the bad value and the fix.
/// </summary>
/// <param name="Pointer">JSON pointer of the offending value ("" is the whole document).</param>
/// <param name="Code">Stable code, one of <see cref="ProblemCodes"/>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Severity">Error or warning.</param>
public sealed record AslProblem(string Pointer, string Code, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    /// <summary>Line (1-based) in the JSON text, when the problem came from text and the line is known.</summary>
    public int? Line { get; init; }

    /// <summary>Column (1-based) in the JSON text, when known.</summary>
    public int? Column { get; init; }

    /// <summary><c>error ASL-CODE at /pointer (line 3, column 7): message</c>.</summary>
    public override string ToString()
    {
        var where = Line is { } line ? $" (line {line}, column {Column})" : string.Empty;
        var severity = Severity == ProblemSeverity.Error ? "error" : "warning";
        return $"{severity} {Code} at {(Pointer.Length == 0 ? "/" : Pointer)}{where}: {Message}";
    }
}
