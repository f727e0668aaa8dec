namespace Airline.Pipeline.Audit;

/// <summary>What the stream entry point did with one DynamoDB Streams record.</summary>
/// <param name="EventId">The record's <c>eventID</c>.</param>
/// <param name="EventName"><c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</param>
/// <param name="SequenceNumber">The record's <c>dynamodb.SequenceNumber</c> (the Lambda batch item identifier).</param>
/// <param name="RunId">The run its key names, when it names a valid one.</param>
/// <param name="Layer">The layer (sort key) it changed, when any.</param>
/// <param name="IgnoredBecause">Why it was ignored (REMOVE, TTL deletion, decision item, bad key); null when its run was reconciled.</param>
public sealed record StreamRecordAction(
    string EventId, string EventName, string SequenceNumber, RunId? RunId, string? Layer, string? IgnoredBecause)
{
    /// <summary>The layer record in <c>NewImage</c>, when the image holds a complete layer item; for logs and display
    /// only: the reconciler always reads the store, so a stale or reordered stream record cannot mislead it.</summary>
    public AuditRecord? NewRecord { get; init; }

    /// <summary>The layer record in <c>OldImage</c> (MODIFY and REMOVE events), when the image holds a complete layer item.</summary>
    public AuditRecord? OldRecord { get; init; }
}
