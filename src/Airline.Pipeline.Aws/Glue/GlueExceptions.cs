using Airline.Pipeline.Aws.Http;

namespace Airline.Pipeline.Aws.Glue;

/// <summary>An error reply from Glue. Subclasses name the errors the pipeline reacts to.</summary>
public class GlueException : AwsServiceException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public GlueException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public GlueException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public GlueException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from Glue's error reply.</summary>
    /// <param name="error">The parsed error.</param>
    public GlueException(AwsErrorDetails error)
        : base(error)
    {
    }
}

/// <summary>Glue's <c>EntityNotFoundException</c>: the crawler, job or run does not exist.</summary>
public sealed class GlueEntityNotFoundException : GlueException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public GlueEntityNotFoundException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public GlueEntityNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public GlueEntityNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from Glue's error reply.</summary>
    /// <param name="error">The parsed error.</param>
    public GlueEntityNotFoundException(AwsErrorDetails error)
        : base(error)
    {
    }
}

/// <summary>Glue's <c>CrawlerRunningException</c>: the crawler is already running.</summary>
public sealed class GlueCrawlerRunningException : GlueException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public GlueCrawlerRunningException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public GlueCrawlerRunningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public GlueCrawlerRunningException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from Glue's error reply.</summary>
    /// <param name="error">The parsed error.</param>
    public GlueCrawlerRunningException(AwsErrorDetails error)
        : base(error)
    {
    }
}

/// <summary>Glue's <c>ConcurrentRunsExceededException</c>: the job already runs its maximum concurrent runs.</summary>
public sealed class GlueConcurrentRunsExceededException : GlueException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public GlueConcurrentRunsExceededException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public GlueConcurrentRunsExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public GlueConcurrentRunsExceededException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from Glue's error reply.</summary>
    /// <param name="error">The parsed error.</param>
    public GlueConcurrentRunsExceededException(AwsErrorDetails error)
        : base(error)
    {
    }
}

/// <summary>Glue's <c>OperationTimeoutException</c> (retried like a timeout before it is thrown).</summary>
public sealed class GlueOperationTimeoutException : GlueException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public GlueOperationTimeoutException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public GlueOperationTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public GlueOperationTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from Glue's error reply.</summary>
    /// <param name="error">The parsed error.</param>
    public GlueOperationTimeoutException(AwsErrorDetails error)
        : base(error)
    {
    }
}

/// <summary>Glue's <c>InvalidInputException</c>: the request is invalid (never retried).</summary>
public sealed class GlueInvalidInputException : GlueException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public GlueInvalidInputException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public GlueInvalidInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public GlueInvalidInputException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from Glue's error reply.</summary>
    /// <param name="error">The parsed error.</param>
    public GlueInvalidInputException(AwsErrorDetails error)
        : base(error)
    {
    }
}

/// <summary>Glue's <c>ThrottlingException</c> (retried with backoff before it is thrown).</summary>
public sealed class GlueThrottlingException : GlueException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public GlueThrottlingException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public GlueThrottlingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public GlueThrottlingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from Glue's error reply.</summary>
    /// <param name="error">The parsed error.</param>
    public GlueThrottlingException(AwsErrorDetails error)
        : base(error)
    {
    }
}
