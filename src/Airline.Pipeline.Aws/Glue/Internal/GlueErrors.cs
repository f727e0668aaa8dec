using System.Text.Json;
using Airline.Pipeline.Aws.Http;
using Airline.Pipeline.Aws.Internal;

namespace Airline.Pipeline.Aws.Glue.Internal;

/// <summary>Maps a JSON 1.1 error reply (<c>__type</c>, <c>message</c>) to the typed Glue exceptions.</summary>
internal static class GlueErrors
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ThrottledException", "RequestLimitExceeded", "TooManyRequestsException",
    };

    public static bool IsRetryable(AwsServiceException exception) =>
        exception is GlueThrottlingException or GlueOperationTimeoutException || ThrottlingCodes.Contains(exception.ErrorCode);

    public static GlueException ToException(string operation, AwsHttpResponse response)
    {
        var error = Parse(operation, response);
        return error.Code switch
        {
            "EntityNotFoundException" => new GlueEntityNotFoundException(error),
            "CrawlerRunningException" => new GlueCrawlerRunningException(error),
            "ConcurrentRunsExceededException" => new GlueConcurrentRunsExceededException(error),
            "OperationTimeoutException" => new GlueOperationTimeoutException(error),
            "InvalidInputException" => new GlueInvalidInputException(error),
            "ThrottlingException" => new GlueThrottlingException(error),
            _ => new GlueException(error),
        };
    }

    public static AwsErrorDetails Parse(string operation, AwsHttpResponse response)
    {
        string? type = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    if (property.NameEquals("__type") || property.NameEquals("code"))
                    {
                        type ??= property.Value.GetString();
                    }
                    else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                    {
                        message = property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): fall back to the header and the status.
        }

        type ??= response.Header("x-amzn-ErrorType");
        var code = SanitizeCode(type) ?? $"Http{(int)response.StatusCode}";
        return new AwsErrorDetails("glue", operation, code, message, response.StatusCode, response.Header("x-amzn-RequestId"));
    }

    /// <summary><c>com.amazonaws.glue#EntityNotFoundException:http://...</c> becomes <c>EntityNotFoundException</c>.</summary>
    public static string? SanitizeCode(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var code = type;
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        return code.Trim();
    }
}
