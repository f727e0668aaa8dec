namespace Airline.Pipeline.Redshift;

/// <summary>
/// Thrown by a <c>Build()</c> or a dialect when a table, plan or name is invalid. <see cref="Problems"/> lists every
/// problem found, each naming the bad value, where it is and the fix.
/// </summary>
public sealed class SqlValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public SqlValidationException(IReadOnlyList<string> problems)
        : base("Validation Errors:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with one problem.</summary>
    public SqlValidationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with no problems listed.</summary>
    public SqlValidationException()
        : this(Array.Empty<string>())
    {
    }

    /// <summary>Creates the exception with one problem and an inner exception.</summary>
    public SqlValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
