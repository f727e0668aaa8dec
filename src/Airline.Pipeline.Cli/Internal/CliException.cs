namespace Airline.Pipeline.Cli.Internal;

/// <summary>Stops a command with a message for the user (no stack trace) and an exit code.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message) => ExitCode = exitCode;

    public CliException(string message)
        : this(ExitCodes.BadInput, message)
    {
    }

    public CliException()
        : this(ExitCodes.BadInput, "bad input")
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException) => ExitCode = ExitCodes.BadInput;

    public int ExitCode { get; }

    /// <summary>Bad usage or input (exit code 2).</summary>
    public static CliException BadInput(string message) => new(ExitCodes.BadInput, message);
}
