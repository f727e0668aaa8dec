namespace Airline.Pipeline.EventPatterns.Validation;

/// <summary>A pattern is malformed or AWS would reject it; <see cref="Problems"/> lists every problem found.</summary>
public sealed class EventPatternException : Exception
{
    /// <summary>Creates the exception for the given problems.</summary>
    public EventPatternException(IReadOnlyList<PatternProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public EventPatternException()
        : this(Array.Empty<PatternProblem>())
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public EventPatternException(string message)
        : this([new PatternProblem(string.Empty, message)])
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public EventPatternException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new PatternProblem(string.Empty, message)];
    }

    /// <summary>Every problem found, each with its location.</summary>
    public IReadOnlyList<PatternProblem> Problems { get; }

    private static string Describe(IReadOnlyList<PatternProblem> problems) =>
        problems.Count == 0
            ? "The event pattern is not valid."
            : "The event pattern is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
}
