using System.Collections.Concurrent;
using Airline.Pipeline.Aws.Storage;

namespace Airline.Pipeline.Aws.Ledger;

/// <summary>A ledger in memory (tests, one-shot runs). Thread-safe.</summary>
public sealed class InMemoryProcessedFilesLedger : IProcessedFilesLedger
{
    private readonly ConcurrentDictionary<string, ProcessedFile> _entries = new(StringComparer.Ordinal);

    /// <summary>Every entry, in no particular order.</summary>
    public IReadOnlyCollection<ProcessedFile> Entries => [.. _entries.Values];

    /// <inheritdoc />
    public ValueTask<ProcessedFile?> FindAsync(string bucket, string key, string eTag, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_entries.GetValueOrDefault(new ProcessedFile(bucket, key, ObjectInfo.NormalizeETag(eTag), default).Identity));

    /// <inheritdoc />
    public ValueTask<bool> TryRecordAsync(ProcessedFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.Validate();
        file = file with { ETag = ObjectInfo.NormalizeETag(file.ETag) };
        return ValueTask.FromResult(_entries.TryAdd(file.Identity, file));
    }
}
