namespace Airline.Pipeline.Aws.Glue;

/// <summary>The step of the Glue workflow that failed.</summary>
public enum GlueWorkflowStep
{
    /// <summary>Nothing failed.</summary>
    None,

    /// <summary>StartCrawler was refused.</summary>
    StartCrawler,

    /// <summary>Polling the crawler failed, or its last crawl did not succeed.</summary>
    Crawler,

    /// <summary>StartJobRun was refused.</summary>
    StartJob,

    /// <summary>Polling the job run failed, or the run ended in a state other than SUCCEEDED.</summary>
    Job,

    /// <summary>The overall timeout elapsed while waiting for the crawler or the job.</summary>
    Timeout,
}

/// <summary>How a Glue workflow run ended.</summary>
/// <param name="Succeeded">True when the crawl and the job run both succeeded.</param>
/// <param name="FailedStep">The step that failed, or <see cref="GlueWorkflowStep.None"/>.</param>
/// <param name="CrawlerAlreadyRunning">StartCrawler answered CrawlerRunningException, so the running crawl was awaited.</param>
/// <param name="CrawlStatus">The crawler's LastCrawl.Status, once known.</param>
/// <param name="JobRunId">The job run id, once started.</param>
/// <param name="JobRunState">The job run's last state, once known.</param>
/// <param name="Error">What failed, in words (service error code and message, or the state reached).</param>
/// <param name="Elapsed">Time from start to end, on the runner's clock.</param>
public sealed record GlueWorkflowResult(
    bool Succeeded,
    GlueWorkflowStep FailedStep,
    bool CrawlerAlreadyRunning,
    string? CrawlStatus,
    string? JobRunId,
    string? JobRunState,
    string? Error,
    TimeSpan Elapsed);
