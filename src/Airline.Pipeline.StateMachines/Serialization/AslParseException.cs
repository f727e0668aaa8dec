using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Serialization;

/// <summary>Thrown when ASL JSON cannot be read into the model: malformed JSON, a missing StartAt, an unknown Type...</summary>
public sealed class AslParseException : FormatException
{
    /// <summary>Creates the exception from the problems found.</summary>
    public AslParseException(IReadOnlyList<AslProblem> problems)
        : base(Describe(problems)) => Problems = problems;

    /// <summary>Creates an exception with a message.</summary>
    public AslParseException(string message)
        : base(message) => Problems = [];

    /// <summary>Creates an exception with a message and the cause.</summary>
    public AslParseException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    /// <summary>Creates an exception.</summary>
    public AslParseException()
        : this("The ASL definition could not be read.")
    {
    }

    /// <summary>Every problem found, each with a JSON pointer (and line and column for malformed JSON).</summary>
    public IReadOnlyList<AslProblem> Problems { get; }

    private static string Describe(IReadOnlyList<AslProblem> problems) =>
        "The ASL definition could not be read:" + Environment.NewLine +
        string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
