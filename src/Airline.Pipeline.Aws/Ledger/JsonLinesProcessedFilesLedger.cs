using System.Text.Json;
using Airline.Pipeline.Aws.Storage;

namespace Airline.Pipeline.Aws.Ledger;

/// <summary>
/// A ledger in a JSON Lines file (one entry per line, appended), for the sample and single-machine runs. Entries
/// survive restarts; concurrent callers in one process are serialized. The file is created on first write.
/// </summary>
public sealed class JsonLinesProcessedFilesLedger : IProcessedFilesLedger, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, ProcessedFile>? _entries;

    /// <summary>Creates a ledger over a file.</summary>
    /// <param name="path">The file (its folder is created when missing).</param>
    public JsonLinesProcessedFilesLedger(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
    }

    /// <summary>The file.</summary>
    public string FilePath { get; }

    /// <inheritdoc />
    public async ValueTask<ProcessedFile?> FindAsync(string bucket, string key, string eTag, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var entries = await LoadAsync(cancellationToken).ConfigureAwait(false);
            return entries.GetValueOrDefault(new ProcessedFile(bucket, key, ObjectInfo.NormalizeETag(eTag), default).Identity);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryRecordAsync(ProcessedFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.Validate();
        file = file with { ETag = ObjectInfo.NormalizeETag(file.ETag) };
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var entries = await LoadAsync(cancellationToken).ConfigureAwait(false);
            if (entries.ContainsKey(file.Identity))
            {
                return false;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await File.AppendAllTextAsync(FilePath, JsonSerializer.Serialize(file, Json) + "\n", cancellationToken).ConfigureAwait(false);
            entries[file.Identity] = file;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _gate.Dispose();

    private async Task<Dictionary<string, ProcessedFile>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_entries is not null)
        {
            return _entries;
        }

        var entries = new Dictionary<string, ProcessedFile>(StringComparer.Ordinal);
        if (File.Exists(FilePath))
        {
            var lineNumber = 0;
            foreach (var line in await File.ReadAllLinesAsync(FilePath, cancellationToken).ConfigureAwait(false))
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                ProcessedFile? entry;
                try
                {
                    entry = JsonSerializer.Deserialize<ProcessedFile>(line, Json);
                }
                catch (JsonException invalid)
                {
                    throw new InvalidDataException($"{FilePath} line {lineNumber} is not a ledger entry: {invalid.Message}", invalid);
                }

                if (entry is null)
                {
                    continue;
                }

                try
                {
                    entry.Validate(); // a line cut short or edited by hand must not become a bogus identity
                }
                catch (ArgumentException incomplete)
                {
                    throw new InvalidDataException($"{FilePath} line {lineNumber} is not a complete ledger entry: {incomplete.Message}", incomplete);
                }

                entries.TryAdd(entry.Identity, entry);
            }
        }

        return _entries = entries;
    }
}
