using System.Net;

namespace Airline.Pipeline.Aws.Http;

/// <summary>An AWS error reply, parsed from JSON (<c>__type</c>) or XML (<c>Error/Code</c>).</summary>
/// <param name="Service">The service, for example <c>glue</c>.</param>
/// <param name="Operation">The operation, for example <c>StartCrawler</c>.</param>
/// <param name="Code">The error code with any <c>namespace#</c> prefix removed.</param>
/// <param name="Message">The service's message, if any.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="RequestId">The request id, if any.</param>
public sealed record AwsErrorDetails(
    string Service,
    string Operation,
    string Code,
    string? Message,
    HttpStatusCode StatusCode,
    string? RequestId);
