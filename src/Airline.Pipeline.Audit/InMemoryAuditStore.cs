namespace Airline.Pipeline.Audit;

/// <summary>
/// The in-process twin of the DynamoDB audit store, with the same conditional semantics (see <see cref="IAuditStore"/>):
/// a record replaces the stored one only with a higher attempt; the decision is claimed once and never overwritten;
/// reads see every completed write. Thread-safe: every operation is atomic.
/// </summary>
public sealed class InMemoryAuditStore : IAuditStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<RunId, Dictionary<string, AuditRecord>> _records = [];
    private readonly Dictionary<RunId, AuditDecision> _decisions = [];

    /// <summary>How many record writes were refused because an equal or higher attempt was stored.</summary>
    public int IgnoredWrites { get; private set; }

    /// <summary>How many decision claims lost because a decision existed.</summary>
    public int LostDecisionClaims { get; private set; }

    /// <inheritdoc/>
    public ValueTask<bool> TryPutRecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_records.TryGetValue(record.RunId, out var layers))
            {
                _records[record.RunId] = layers = new Dictionary<string, AuditRecord>(StringComparer.Ordinal);
            }

            // attribute_not_exists(pk) OR attempt < :a
            if (layers.TryGetValue(record.Layer, out var stored) && stored.Attempt >= record.Attempt)
            {
                IgnoredWrites++;
                return ValueTask.FromResult(false);
            }

            layers[record.Layer] = record;
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<AuditRecord>> GetRecordsAsync(RunId runId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<AuditRecord> records = _records.TryGetValue(runId, out var layers) ? [.. layers.Values] : [];
            return ValueTask.FromResult(records);
        }
    }

    /// <inheritdoc/>
    public ValueTask<AuditDecision?> GetDecisionAsync(RunId runId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_decisions.GetValueOrDefault(runId));
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> TryRecordDecisionAsync(AuditDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // attribute_not_exists(pk) on the decision item
            if (_decisions.ContainsKey(decision.RunId))
            {
                LostDecisionClaims++;
                return ValueTask.FromResult(false);
            }

            _decisions[decision.RunId] = decision;
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc/>
    public ValueTask MarkNotifiedAsync(
        RunId runId, string notificationId, DateTimeOffset notifiedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notificationId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // attribute_exists(pk) AND attribute_not_exists(notified_at)
            if (_decisions.TryGetValue(runId, out var decision) && decision.NotifiedAt is null)
            {
                _decisions[runId] = decision with { NotifiedAt = notifiedAt, NotificationId = notificationId };
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The run ids with at least one record, in order.</summary>
    public IReadOnlyList<RunId> RunIds()
    {
        lock (_gate)
        {
            return [.. _records.Keys.Order()];
        }
    }
}
