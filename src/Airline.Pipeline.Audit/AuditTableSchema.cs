namespace Airline.Pipeline.Audit;

/// <summary>
/// The audit table's item layout, shared by the DynamoDB store (Airline.Pipeline.Aws) and the stream entry point
/// (<see cref="AuditStreamHandler"/>), which reads the same items from DynamoDB Streams images.
/// One item per (run, layer) with <c>pk</c> = run id and <c>sk</c> = layer name, plus one decision item per run
/// with <c>sk</c> = <see cref="DecisionSortKey"/>.
/// </summary>
public static class AuditTableSchema
{
    /// <summary>Partition key attribute (S): the run id text, unprefixed.</summary>
    public const string PartitionKey = "pk";

    /// <summary>Sort key attribute (S): the layer name, or <see cref="DecisionSortKey"/>.</summary>
    public const string SortKey = "sk";

    /// <summary>The decision item's sort key; layer names cannot start with <c>#</c>.</summary>
    public const string DecisionSortKey = "#decision";

    /// <summary>Layer item: record count (N).</summary>
    public const string Count = "count";

    /// <summary>Layer item: attempt number (N); the conditional write is <c>attribute_not_exists(pk) OR attempt &lt; :a</c>.</summary>
    public const string Attempt = "attempt";

    /// <summary>Layer item: recorded at, ISO 8601 round-trip text (S).</summary>
    public const string RecordedAt = "recorded_at";

    /// <summary>Layer item: source (S), absent when null.</summary>
    public const string Source = "source";

    /// <summary>Layer item: sums (M of N), absent when empty.</summary>
    public const string Sums = "sums";

    /// <summary>Decision item: <c>SUCCEEDED</c> or <c>FAILED</c> (S).</summary>
    public const string Status = "status";

    /// <summary>Decision item: decided at, ISO 8601 (S).</summary>
    public const string DecidedAt = "decided_at";

    /// <summary>Decision item: summary (S).</summary>
    public const string Summary = "summary";

    /// <summary>Decision item: notified at, ISO 8601 (S), set once by MarkNotified.</summary>
    public const string NotifiedAt = "notified_at";

    /// <summary>Decision item: notification message id (S), set once by MarkNotified.</summary>
    public const string NotificationId = "notification_id";

    /// <summary>Optional TTL attribute (N, epoch seconds); TTL deletions reach the stream as REMOVE events and are ignored.</summary>
    public const string ExpiresAt = "expires_at";
}
