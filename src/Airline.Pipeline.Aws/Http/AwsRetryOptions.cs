namespace Airline.Pipeline.Aws.Http;

/// <summary>
/// Retry policy of the Glue and SNS clients: exponential backoff with full jitter (a random delay between zero and
/// <c>min(MaxDelay, BaseDelay * 2^retry)</c>) for throttling, HTTP 5xx, timeouts and connection failures only.
/// Client errors (4xx other than throttling) are never retried.
/// </summary>
public sealed record AwsRetryOptions
{
    /// <summary>Attempts in total, the first included (1 disables retries). Default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The backoff base. Default 200 ms.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The cap on one backoff delay. Default 20 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one attempt may take before it counts as timed out (and is retried). Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
