namespace Airline.Pipeline.Aws.DependencyInjection;

/// <summary>
/// Settings of the AWS adapters, bound from configuration section <see cref="SectionName"/>. Credentials are never
/// settings: they come from AWSSDK.Core's default chain (environment, profile, container or instance role), the
/// named <see cref="Profile"/>, or an <c>AWSCredentials</c> the host registers in the service collection.
/// </summary>
public sealed class AirlineAwsOptions
{
    /// <summary>The configuration section: <c>Airline:Aws</c>.</summary>
    public const string SectionName = "Airline:Aws";

    /// <summary>The region; null uses the SDK's fallback (AWS_REGION, profile, instance metadata).</summary>
    public string? Region { get; set; }

    /// <summary>A shared-credentials profile; null uses the default chain.</summary>
    public string? Profile { get; set; }

    /// <summary>S3 settings.</summary>
    public S3Settings S3 { get; set; } = new();

    /// <summary>Landing-folder prefixes of the file router.</summary>
    public RouterSettings Router { get; set; } = new();

    /// <summary>Glue settings.</summary>
    public GlueSettings Glue { get; set; } = new();

    /// <summary>SNS settings.</summary>
    public SnsSettings Sns { get; set; } = new();

    /// <summary>DynamoDB settings.</summary>
    public DynamoDbSettings DynamoDb { get; set; } = new();

    /// <summary>Retry policy of the Glue and SNS clients.</summary>
    public RetrySettings Retry { get; set; } = new();

    /// <summary>S3 settings.</summary>
    public sealed class S3Settings
    {
        /// <summary>Endpoint override (s3rver, MinIO, VPC endpoint); null for AWS.</summary>
        public Uri? ServiceUrl { get; set; }

        /// <summary>Path-style addressing (needed by most emulators). Default false.</summary>
        public bool ForcePathStyle { get; set; }

        /// <summary>Multipart part size in bytes (at least 5 MiB). Default 8 MiB.</summary>
        public int PartSizeBytes { get; set; } = 8 * 1024 * 1024;

        /// <summary>
        /// When set, <c>IObjectStore</c> is the local twin (<c>LocalFolderObjectStore</c>) rooted here instead of S3:
        /// the same composition runs without an AWS account.
        /// </summary>
        public string? LocalRootDirectory { get; set; }
    }

    /// <summary>Landing-folder prefixes.</summary>
    public sealed class RouterSettings
    {
        /// <summary>Where files land. Default <c>incoming/</c>.</summary>
        public string IncomingPrefix { get; set; } = "incoming/";

        /// <summary>Where processed files go. Default <c>archive/</c>.</summary>
        public string ArchivePrefix { get; set; } = "archive/";

        /// <summary>Where rejected files go. Default <c>failed/</c>.</summary>
        public string FailedPrefix { get; set; } = "failed/";
    }

    /// <summary>Glue settings.</summary>
    public sealed class GlueSettings
    {
        /// <summary>Endpoint override; null for <c>https://glue.{region}.amazonaws.com</c>.</summary>
        public Uri? ServiceUrl { get; set; }

        /// <summary>The crawler the workflow runs.</summary>
        public string? CrawlerName { get; set; }

        /// <summary>The job the workflow runs.</summary>
        public string? JobName { get; set; }

        /// <summary>Arguments for every job run, for example <c>--job-bookmark-option</c>.</summary>
        public IDictionary<string, string> JobArguments { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Job run timeout in minutes; null keeps the job's.</summary>
        public int? JobTimeoutMinutes { get; set; }

        /// <summary>Worker type; null keeps the job's.</summary>
        public string? WorkerType { get; set; }

        /// <summary>Number of workers; null keeps the job's.</summary>
        public int? NumberOfWorkers { get; set; }

        /// <summary>Wait between crawler polls. Default 30 s.</summary>
        public TimeSpan CrawlerPollInterval { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Wait between job-run polls. Default 30 s.</summary>
        public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Deadline of the whole workflow. Default 2 h.</summary>
        public TimeSpan OverallTimeout { get; set; } = TimeSpan.FromHours(2);
    }

    /// <summary>SNS settings.</summary>
    public sealed class SnsSettings
    {
        /// <summary>Endpoint override; null for <c>https://sns.{region}.amazonaws.com</c>.</summary>
        public Uri? ServiceUrl { get; set; }

        /// <summary>
        /// Local topic names to topic ARNs, for notification topics configured by name (for example the Audit
        /// package's <c>pipeline-audit</c>). Topics given as ARNs need no entry.
        /// </summary>
        public IDictionary<string, string> Topics { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Register the SNS publisher as the Audit package's INotificationPublisher. Default true.</summary>
        public bool UseForAuditNotifications { get; set; } = true;
    }

    /// <summary>DynamoDB settings.</summary>
    public sealed class DynamoDbSettings
    {
        /// <summary>Endpoint override (dynalite, DynamoDB Local); null for AWS.</summary>
        public Uri? ServiceUrl { get; set; }

        /// <summary>The audit table; when set, the DynamoDB store is registered as the Audit package's IAuditStore.</summary>
        public string? AuditTableName { get; set; }

        /// <summary>The processed-files ledger table; when null the ledger is the file below, else in memory.</summary>
        public string? LedgerTableName { get; set; }

        /// <summary>A JSON Lines file for the processed-files ledger when no ledger table is set (local runs).</summary>
        public string? LedgerFilePath { get; set; }

        /// <summary>TTL of audit and ledger items (written as <c>expires_at</c>); null for none.</summary>
        public TimeSpan? TimeToLive { get; set; }
    }

    /// <summary>Retry policy.</summary>
    public sealed class RetrySettings
    {
        /// <summary>Attempts in total. Default 4.</summary>
        public int MaxAttempts { get; set; } = 4;

        /// <summary>Backoff base. Default 200 ms.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>Backoff cap. Default 20 s.</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

        /// <summary>Per-attempt timeout. Default 30 s.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
    }
}
