namespace Airline.Pipeline.StateMachines.Local;

/// <summary>
/// Thrown by a task handler to fail the task with a Step Functions error name and cause; Retry and Catch
/// match on <see cref="Error"/>. Any other exception fails the task with the exception's type name as the error.
/// </summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Fails the task with <paramref name="error"/> (e.g. <c>Glue.ConcurrentRunsExceededException</c>) and a cause.</summary>
    public TaskFailedException(string error, string? cause)
        : base(cause is null ? error : $"{error}: {cause}")
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        Error = error;
        Cause = cause;
    }

    /// <summary>Fails the task with the error name only.</summary>
    public TaskFailedException(string error)
        : this(error, (string?)null)
    {
    }

    /// <summary>Fails the task with <c>States.TaskFailed</c>.</summary>
    public TaskFailedException()
        : this("States.TaskFailed", (string?)null)
    {
    }

    /// <summary>Fails the task with the error name and an inner exception whose message becomes the cause.</summary>
    public TaskFailedException(string error, Exception innerException)
        : base(error, innerException)
    {
        Error = error;
        Cause = innerException?.Message;
    }

    /// <summary>The error name Retry and Catch match on.</summary>
    public string Error { get; }

    /// <summary>The human-readable cause.</summary>
    public string? Cause { get; }
}
