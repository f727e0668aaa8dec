namespace Airline.Pipeline.Aws.Glue;

/// <summary>What <see cref="GlueWorkflowRunner"/> runs and how patiently.</summary>
public sealed record GlueWorkflowOptions
{
    /// <summary>The crawler that catalogs the landed files.</summary>
    public required string CrawlerName { get; init; }

    /// <summary>The ETL job.</summary>
    public required string JobName { get; init; }

    /// <summary>Arguments for every run, for example <c>--job-bookmark-option</c> = <c>job-bookmark-enable</c>.</summary>
    public IReadOnlyDictionary<string, string> JobArguments { get; init; } = new Dictionary<string, string>();

    /// <summary>The job run's timeout in minutes; null keeps the job's.</summary>
    public int? JobTimeoutMinutes { get; init; }

    /// <summary>The worker type; null keeps the job's.</summary>
    public string? WorkerType { get; init; }

    /// <summary>The number of workers; null keeps the job's.</summary>
    public int? NumberOfWorkers { get; init; }

    /// <summary>The wait between crawler polls. Default 30 s (the seeds' state machine waits 30 s).</summary>
    public TimeSpan CrawlerPollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait between job-run polls. Default 30 s.</summary>
    public TimeSpan JobPollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The whole workflow's deadline, crawler and job together. Default 2 h.</summary>
    public TimeSpan OverallTimeout { get; init; } = TimeSpan.FromHours(2);
}
