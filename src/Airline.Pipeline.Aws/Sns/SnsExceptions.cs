using Airline.Pipeline.Aws.Http;

namespace Airline.Pipeline.Aws.Sns;

/// <summary>An error reply from SNS (XML <c>ErrorResponse</c>). Subclasses name the errors callers react to.</summary>
public class SnsException : AwsServiceException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public SnsException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public SnsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public SnsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from SNS's error reply.</summary>
    /// <param name="error">The parsed error.</param>
    public SnsException(AwsErrorDetails error)
        : base(error)
    {
    }
}

/// <summary>SNS <c>NotFound</c>: the topic does not exist.</summary>
public sealed class SnsNotFoundException : SnsException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public SnsNotFoundException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public SnsNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public SnsNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from SNS's error reply.</summary>
    /// <param name="error">The parsed error.</param>
    public SnsNotFoundException(AwsErrorDetails error)
        : base(error)
    {
    }
}

/// <summary>SNS <c>InvalidParameter</c> or <c>InvalidParameterValue</c>: the request is invalid (never retried).</summary>
public sealed class SnsInvalidParameterException : SnsException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public SnsInvalidParameterException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public SnsInvalidParameterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public SnsInvalidParameterException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from SNS's error reply.</summary>
    /// <param name="error">The parsed error.</param>
    public SnsInvalidParameterException(AwsErrorDetails error)
        : base(error)
    {
    }
}

/// <summary>SNS <c>AuthorizationError</c>: the caller may not publish to the topic.</summary>
public sealed class SnsAuthorizationException : SnsException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public SnsAuthorizationException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public SnsAuthorizationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public SnsAuthorizationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from SNS's error reply.</summary>
    /// <param name="error">The parsed error.</param>
    public SnsAuthorizationException(AwsErrorDetails error)
        : base(error)
    {
    }
}

/// <summary>SNS <c>Throttled</c> (retried with backoff before it is thrown).</summary>
public sealed class SnsThrottledException : SnsException
{
    /// <summary>Creates an exception with a generic message.</summary>
    public SnsThrottledException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public SnsThrottledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public SnsThrottledException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception from SNS's error reply.</summary>
    /// <param name="error">The parsed error.</param>
    public SnsThrottledException(AwsErrorDetails error)
        : base(error)
    {
    }
}
