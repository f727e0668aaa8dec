namespace Airline.Pipeline.Aws.Glue;

/// <summary>A crawler as <c>GetCrawler</c> describes it (the fields the workflow needs).</summary>
/// <param name="Name">The crawler's name.</param>
/// <param name="State">READY, RUNNING or STOPPING.</param>
/// <param name="LastCrawl">The last crawl, or null when the crawler never ran.</param>
public sealed record GlueCrawler(string Name, string State, GlueLastCrawl? LastCrawl)
{
    /// <summary>Whether the crawler is idle (<c>READY</c>).</summary>
    public bool IsReady => string.Equals(State, "READY", StringComparison.Ordinal);
}

/// <summary>The <c>LastCrawl</c> of a crawler.</summary>
/// <param name="Status">SUCCEEDED, CANCELLED or FAILED.</param>
/// <param name="ErrorMessage">Why it failed, if it did.</param>
/// <param name="LogGroup">The CloudWatch log group.</param>
/// <param name="LogStream">The CloudWatch log stream.</param>
/// <param name="StartTime">When the crawl started.</param>
public sealed record GlueLastCrawl(string Status, string? ErrorMessage, string? LogGroup, string? LogStream, DateTimeOffset? StartTime);

/// <summary>A job run as <c>GetJobRun</c> describes it.</summary>
/// <param name="Id">The run id (<c>jr_...</c>).</param>
/// <param name="JobName">The job.</param>
/// <param name="JobRunState">STARTING, RUNNING, STOPPING, STOPPED, SUCCEEDED, FAILED, TIMEOUT, ERROR, WAITING or EXPIRED.</param>
/// <param name="Attempt">The attempt number.</param>
/// <param name="ErrorMessage">Why it failed, if it did.</param>
/// <param name="StartedOn">When it started.</param>
/// <param name="CompletedOn">When it completed.</param>
/// <param name="ExecutionTimeSeconds">Seconds of execution Glue reports.</param>
public sealed record GlueJobRun(
    string Id,
    string JobName,
    string JobRunState,
    int Attempt,
    string? ErrorMessage,
    DateTimeOffset? StartedOn,
    DateTimeOffset? CompletedOn,
    int? ExecutionTimeSeconds)
{
    /// <summary>Whether <see cref="JobRunState"/> is terminal.</summary>
    public bool IsTerminal => GlueJobRunStates.IsTerminal(JobRunState);

    /// <summary>Whether the run succeeded.</summary>
    public bool Succeeded => string.Equals(JobRunState, GlueJobRunStates.Succeeded, StringComparison.Ordinal);
}

/// <summary>The job run states of Glue's <c>JobRunState</c> enumeration.</summary>
public static class GlueJobRunStates
{
    /// <summary>SUCCEEDED.</summary>
    public const string Succeeded = "SUCCEEDED";

    /// <summary>The terminal states: SUCCEEDED, FAILED, TIMEOUT, ERROR, STOPPED, EXPIRED.</summary>
    public static IReadOnlySet<string> Terminal { get; } =
        new HashSet<string>(["SUCCEEDED", "FAILED", "TIMEOUT", "ERROR", "STOPPED", "EXPIRED"], StringComparer.Ordinal);

    /// <summary>Whether a state is terminal.</summary>
    /// <param name="state">A <c>JobRunState</c> value.</param>
    /// <returns>True for SUCCEEDED, FAILED, TIMEOUT, ERROR, STOPPED and EXPIRED.</returns>
    public static bool IsTerminal(string state) => Terminal.Contains(state);
}

/// <summary>A job bookmark entry (<c>JobBookmarkEntry</c>).</summary>
/// <param name="JobName">The job.</param>
/// <param name="Version">The bookmark version.</param>
/// <param name="Run">The run number.</param>
/// <param name="Attempt">The attempt number.</param>
/// <param name="PreviousRunId">The previous run's id.</param>
/// <param name="RunId">The run id.</param>
/// <param name="JobBookmark">The bookmark itself (a JSON string Glue owns).</param>
public sealed record GlueJobBookmark(
    string JobName,
    int Version,
    int Run,
    int Attempt,
    string? PreviousRunId,
    string? RunId,
    string? JobBookmark);

/// <summary>Parameters of <c>StartJobRun</c>.</summary>
public sealed record GlueJobRunRequest
{
    /// <summary>The job to run.</summary>
    public required string JobName { get; init; }

    /// <summary>Job arguments, for example <c>--job-bookmark-option</c> = <c>job-bookmark-enable</c>.</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = new Dictionary<string, string>();

    /// <summary>The run's timeout in minutes (Glue's <c>Timeout</c>); null keeps the job's.</summary>
    public int? TimeoutMinutes { get; init; }

    /// <summary>The worker type (<c>G.1X</c>, <c>G.2X</c>, ...); null keeps the job's.</summary>
    public string? WorkerType { get; init; }

    /// <summary>The number of workers; null keeps the job's.</summary>
    public int? NumberOfWorkers { get; init; }
}
