namespace Airline.Pipeline.Aws.Glue;

/// <summary>
/// The Glue operations the pipeline uses. <see cref="GlueClient"/> implements them over HTTP; a host that has
/// AWSSDK.Glue can implement this interface with a few lines instead.
/// </summary>
public interface IGlueClient
{
    /// <summary>Starts a crawler. Throws <see cref="GlueCrawlerRunningException"/> when it is already running.</summary>
    /// <param name="crawlerName">The crawler.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Glue accepted the start.</returns>
    Task StartCrawlerAsync(string crawlerName, CancellationToken cancellationToken = default);

    /// <summary>Describes a crawler.</summary>
    /// <param name="crawlerName">The crawler.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The crawler's state and last crawl.</returns>
    Task<GlueCrawler> GetCrawlerAsync(string crawlerName, CancellationToken cancellationToken = default);

    /// <summary>Starts a job run.</summary>
    /// <param name="request">Job name, arguments, timeout and capacity.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new run's id.</returns>
    Task<string> StartJobRunAsync(GlueJobRunRequest request, CancellationToken cancellationToken = default);

    /// <summary>Describes a job run.</summary>
    /// <param name="jobName">The job.</param>
    /// <param name="runId">The run id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    Task<GlueJobRun> GetJobRunAsync(string jobName, string runId, CancellationToken cancellationToken = default);

    /// <summary>Reads a job's bookmark.</summary>
    /// <param name="jobName">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The bookmark entry.</returns>
    Task<GlueJobBookmark> GetJobBookmarkAsync(string jobName, CancellationToken cancellationToken = default);

    /// <summary>Resets a job's bookmark (so the next run reprocesses everything), optionally for one run.</summary>
    /// <param name="jobName">The job.</param>
    /// <param name="runId">The run to reset to, or null for the whole bookmark.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reset bookmark entry.</returns>
    Task<GlueJobBookmark> ResetJobBookmarkAsync(string jobName, string? runId = null, CancellationToken cancellationToken = default);
}
