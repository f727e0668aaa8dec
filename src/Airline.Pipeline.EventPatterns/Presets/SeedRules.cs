namespace Airline.Pipeline.EventPatterns.Presets;

/// <summary>The rules of the seed documents' orders pipeline, ready to deploy or to test against.</summary>
public static class SeedRules
{
    /// <summary>Landing bucket of the orders pipeline.</summary>
    public const string OrdersLandingBucket = "fo-to-dw-orders-landing-area";

    /// <summary>Folder the source system writes its batch-completion file to.</summary>
    public const string BatchCompletionPrefix = "batch-completion/";

    /// <summary>Last Glue job of the orders workflow.</summary>
    public const string StagingAuditJob = "orders_staging_audit_load";

    /// <summary>orders-eventbridge-rule: a file landed under batch-completion/ of the landing bucket.</summary>
    public static EventPattern OrdersBatchCompletion { get; } = EventPresets.S3ObjectCreated(OrdersLandingBucket, prefix: BatchCompletionPrefix);

    /// <summary>A CSV written to a bucket, seen through CloudTrail PutObject.</summary>
    public static EventPattern CsvPutObject(string bucket) => EventPresets.CloudTrailS3PutObject(bucket, suffix: ".csv");

    /// <summary>orders-infinite-loop-rule: the staging audit job SUCCEEDED, or a batch-completion file landed.</summary>
    public static EventPattern OrdersInfiniteLoop { get; } =
        EventPresets.JobSucceededOrObjectCreated(StagingAuditJob, OrdersLandingBucket, BatchCompletionPrefix);
}
