namespace Airline.Pipeline.Audit;

/// <summary>
/// The audit table port: one record per (run, layer) and one decision per run, with conditional writes.
/// Implementations: <see cref="InMemoryAuditStore"/> (tests, samples) and the DynamoDB store in Airline.Pipeline.Aws
/// (<c>pk</c> = run, <c>sk</c> = layer or <see cref="AuditTableSchema.DecisionSortKey"/>), which must behave
/// exactly like the in-memory twin described here.
/// </summary>
/// <remarks>
/// Consistency: every read returns every write that completed before the read began (DynamoDB: <c>ConsistentRead = true</c>).
/// Losing a conditional write is a normal outcome reported as <c>false</c>, never an exception; exceptions mean the
/// store could not be reached or refused the request, and the caller may retry the same call safely.
/// </remarks>
public interface IAuditStore
{
    /// <summary>
    /// Writes <paramref name="record"/> if no record exists for its (run, layer), or the stored one has a lower
    /// <see cref="AuditRecord.Attempt"/> (DynamoDB: PutItem with <c>attribute_not_exists(pk) OR attempt &lt; :a</c>).
    /// </summary>
    /// <returns>True when written (created or replaced); false when a record with an equal or higher attempt is
    /// already stored, in which case nothing changes.</returns>
    ValueTask<bool> TryPutRecordAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>The layer records of <paramref name="runId"/>, any order, without the decision; empty when none.</summary>
    ValueTask<IReadOnlyList<AuditRecord>> GetRecordsAsync(RunId runId, CancellationToken cancellationToken = default);

    /// <summary>The decision of <paramref name="runId"/>, or null when none has been recorded.</summary>
    ValueTask<AuditDecision?> GetDecisionAsync(RunId runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the run's decision: writes <paramref name="decision"/> only if the run has no decision yet
    /// (DynamoDB: PutItem of the decision item with <c>attribute_not_exists(pk)</c>). Exactly one of any number of
    /// concurrent or repeated callers gets true; the claim is never overwritten.
    /// </summary>
    /// <returns>True when this call recorded the decision (the caller is the winner and must publish); false when a
    /// decision already existed (it is left as it was; read it with <see cref="GetDecisionAsync"/>).</returns>
    ValueTask<bool> TryRecordDecisionAsync(AuditDecision decision, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that the decision's notification was published. Sets <see cref="AuditDecision.NotifiedAt"/> and
    /// <see cref="AuditDecision.NotificationId"/> only when a decision exists and is not yet marked
    /// (DynamoDB: UpdateItem with <c>attribute_exists(pk) AND attribute_not_exists(notified_at)</c>); otherwise does nothing.
    /// </summary>
    ValueTask MarkNotifiedAsync(
        RunId runId, string notificationId, DateTimeOffset notifiedAt, CancellationToken cancellationToken = default);
}
