namespace Airline.Pipeline.Audit;

/// <summary>Writes layer records stamped with the <see cref="TimeProvider"/>'s now (a thin helper over <see cref="IAuditStore"/>).</summary>
public sealed class AuditRecorder
{
    private readonly IAuditStore _store;
    private readonly TimeProvider _timeProvider;

    /// <summary>A recorder writing to <paramref name="store"/>.</summary>
    public AuditRecorder(IAuditStore store, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _store = store;
        _timeProvider = timeProvider;
    }

    /// <summary>Records <paramref name="count"/> rows in <paramref name="layer"/> for <paramref name="runId"/>.</summary>
    /// <returns>True when written; false when an equal or higher attempt was already stored (the retry is ignored).</returns>
    public ValueTask<bool> RecordAsync(
        RunId runId, string layer, long count, string? source = null, int attempt = 1,
        IReadOnlyDictionary<string, decimal>? sums = null, CancellationToken cancellationToken = default)
    {
        var record = new AuditRecord(runId, layer, count, _timeProvider.GetUtcNow())
        {
            Attempt = attempt,
            Source = source,
            Sums = sums ?? new Dictionary<string, decimal>(),
        };
        return _store.TryPutRecordAsync(record, cancellationToken);
    }
}
