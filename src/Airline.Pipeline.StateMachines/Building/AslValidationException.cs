using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Building;

/// <summary>Thrown by <c>Build()</c> with every error of the definition at once.</summary>
public sealed class AslValidationException : InvalidOperationException
{
    /// <summary>Creates the exception from a validation result.</summary>
    public AslValidationException(ValidationResult result)
        : base(Describe(result)) => Result = result;

    /// <summary>Creates an exception with a message.</summary>
    public AslValidationException(string message)
        : base(message) => Result = new ValidationResult([]);

    /// <summary>Creates an exception with a message and the cause.</summary>
    public AslValidationException(string message, Exception innerException)
        : base(message, innerException) => Result = new ValidationResult([]);

    /// <summary>Creates an exception.</summary>
    public AslValidationException()
        : this("The state machine is not valid.")
    {
    }

    /// <summary>Every problem found (errors and warnings).</summary>
    public ValidationResult Result { get; }

    private static string Describe(ValidationResult result) =>
        "Validation errors:" + Environment.NewLine + string.Join(Environment.NewLine, result.Errors.Select(p => "  " + p));
}
