namespace Airline.Pipeline.Aws.Ledger;

/// <summary>
/// The processed-files ledger (the seeds' job bookmark and control table): which objects, by bucket, key and ETag,
/// were already processed, so a second arrival of the same object is a no-op. Implementations:
/// <see cref="InMemoryProcessedFilesLedger"/>, <see cref="JsonLinesProcessedFilesLedger"/> (a file, for the sample)
/// and <see cref="DynamoDbProcessedFilesLedger"/>.
/// </summary>
public interface IProcessedFilesLedger
{
    /// <summary>The entry for an object version, or null when it was not processed.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The key.</param>
    /// <param name="eTag">The ETag (quotes are ignored).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entry, or null.</returns>
    ValueTask<ProcessedFile?> FindAsync(string bucket, string key, string eTag, CancellationToken cancellationToken = default);

    /// <summary>Records an object version as processed, unless it already is (a conditional write).</summary>
    /// <param name="file">The entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when recorded now; false when it was already recorded (the earlier entry is kept).</returns>
    ValueTask<bool> TryRecordAsync(ProcessedFile file, CancellationToken cancellationToken = default);
}
