using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Workflows;

/// <summary>Parameters of <see cref="GlueWorkflows.CrawlThenRunJob"/>.</summary>
public sealed record CrawlThenRunJobOptions
{
    /// <summary>The Glue crawler to run first.</summary>
    public required string CrawlerName { get; init; }

    /// <summary>The Glue job to run once the crawler is READY.</summary>
    public required string JobName { get; init; }

    /// <summary>The SNS topic that receives the success and failure notices.</summary>
    public required string TopicArn { get; init; }

    /// <summary>Job arguments, e.g. <c>["--job-bookmark-option"] = "job-bookmark-enable"</c>.</summary>
    public IReadOnlyDictionary<string, string> JobArguments { get; init; } = new Dictionary<string, string>();

    /// <summary>How long to wait between GetCrawler polls. Default 30 seconds.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The retrier of every AWS call (throttling, transient service errors). Default: Glue/SNS throttling and
    /// internal errors, 3 attempts from 5 s, backoff 2, full jitter.
    /// </summary>
    public Retrier RetryPolicy { get; init; } = new()
    {
        ErrorEquals = ["Glue.ThrottlingException", "Glue.InternalServiceException", "Glue.OperationTimeoutException", "SNS.ThrottledException", "SNS.InternalErrorException"],
        IntervalSeconds = 5,
        MaxAttempts = 3,
        BackoffRate = 2.0m,
        JitterStrategy = JitterStrategy.Full,
    };

    /// <summary>The longest the whole execution may run (TimeoutSeconds); null for none. Default 6 hours.</summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Subject of the success notice.</summary>
    public string SuccessSubject { get; init; } = "Glue job succeeded";

    /// <summary>Subject of the failure notice.</summary>
    public string FailureSubject { get; init; } = "Glue pipeline failed";
}
