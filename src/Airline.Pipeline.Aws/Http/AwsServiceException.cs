using System.Net;

namespace Airline.Pipeline.Aws.Http;

/// <summary>
/// An error reply from an AWS service called by this package's own clients (Glue, SNS): the service's error code
/// (any <c>namespace#</c> prefix removed), HTTP status and request id. Messages never contain credentials.
/// </summary>
public class AwsServiceException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public AwsServiceException()
        : this("The AWS service returned an error.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What failed.</param>
    public AwsServiceException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public AwsServiceException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ErrorCode = "Unknown";
        ServiceName = "unknown";
        Operation = "unknown";
    }

    /// <summary>Creates an exception from a service's error reply.</summary>
    /// <param name="error">The parsed error.</param>
    public AwsServiceException(AwsErrorDetails error)
        : base(Describe(error))
    {
        ArgumentNullException.ThrowIfNull(error);
        ErrorCode = error.Code;
        ServiceMessage = error.Message;
        StatusCode = error.StatusCode;
        RequestId = error.RequestId;
        ServiceName = error.Service;
        Operation = error.Operation;
    }

    /// <summary>The service's error code, for example <c>EntityNotFoundException</c> or <c>InvalidParameter</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The service's own message, when it sent one.</summary>
    public string? ServiceMessage { get; }

    /// <summary>The HTTP status of the reply.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The request id AWS assigned (for support cases), when present.</summary>
    public string? RequestId { get; }

    /// <summary>The service, for example <c>glue</c>.</summary>
    public string ServiceName { get; }

    /// <summary>The operation, for example <c>StartCrawler</c>.</summary>
    public string Operation { get; }

    private static string Describe(AwsErrorDetails error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = string.IsNullOrEmpty(error.Message) ? string.Empty : ": " + error.Message;
        var requestId = string.IsNullOrEmpty(error.RequestId) ? string.Empty : $" (request id {error.RequestId})";
        return $"{error.Service} {error.Operation} failed with {error.Code}, HTTP {(int)error.StatusCode}{message}{requestId}.";
    }
}
