using Airline.Pipeline.Aws.Storage;

namespace Airline.Pipeline.Aws.Ledger;

/// <summary>Process-once helpers over <see cref="IProcessedFilesLedger"/>.</summary>
public static class ProcessedFilesLedgerExtensions
{
    /// <summary>
    /// Runs <paramref name="process"/> for an object unless the ledger already holds its (bucket, key, ETag), then
    /// records it. A failed <paramref name="process"/> records nothing, so the next arrival retries.
    /// </summary>
    /// <param name="ledger">The ledger.</param>
    /// <param name="file">The object, as listed or described by the store.</param>
    /// <param name="process">The work.</param>
    /// <param name="timeProvider">Clock for <see cref="ProcessedFile.ProcessedAt"/>; the system clock when null.</param>
    /// <param name="runId">The run id to record, if any.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>True when processed now; false when it was a duplicate arrival.</returns>
    public static async Task<bool> ProcessOnceAsync(
        this IProcessedFilesLedger ledger,
        ObjectInfo file,
        Func<CancellationToken, Task> process,
        TimeProvider? timeProvider = null,
        string? runId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(process);
        if (await ledger.FindAsync(file.Bucket, file.Key, file.ETag, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        await process(cancellationToken).ConfigureAwait(false);
        var entry = new ProcessedFile(file.Bucket, file.Key, file.ETag, (timeProvider ?? TimeProvider.System).GetUtcNow(), runId);
        await ledger.TryRecordAsync(entry, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
