using Airline.Pipeline.Aws.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airline.Pipeline.Aws.Storage;

/// <summary>Where a processed file goes.</summary>
public enum FileDisposition
{
    /// <summary>To the archive prefix: the file was processed.</summary>
    Archive,

    /// <summary>To the failed prefix: the file was rejected.</summary>
    Failed,
}

/// <summary>What a route call did.</summary>
public enum FileRouteOutcome
{
    /// <summary>Copied to the destination, then deleted from the source.</summary>
    Moved,

    /// <summary>
    /// An earlier call copied but crashed before deleting: the destination already held the same object (same ETag and
    /// size), so only the delete was done.
    /// </summary>
    CompletedInterruptedMove,

    /// <summary>The source was gone and the destination present: an earlier call finished the move; nothing was done.</summary>
    AlreadyMoved,
}

/// <summary>Prefixes of the landing folders.</summary>
public sealed record FileRouterOptions
{
    /// <summary>Where files land. Default <c>incoming/</c>.</summary>
    public string IncomingPrefix { get; init; } = "incoming/";

    /// <summary>Where processed files go. Default <c>archive/</c>.</summary>
    public string ArchivePrefix { get; init; } = "archive/";

    /// <summary>Where rejected files go. Default <c>failed/</c>.</summary>
    public string FailedPrefix { get; init; } = "failed/";
}

/// <summary>The result of a route call.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="SourceKey">The incoming key.</param>
/// <param name="DestinationKey">The archive or failed key.</param>
/// <param name="Outcome">What was done.</param>
public sealed record FileRouteResult(string Bucket, string SourceKey, string DestinationKey, FileRouteOutcome Outcome);

/// <summary>
/// Moves a processed object from the incoming prefix to <c>archive/</c> or <c>failed/</c>, keeping its key relative to
/// the incoming prefix (<c>incoming/2024/05/f.csv</c> becomes <c>archive/2024/05/f.csv</c>). S3 has no move: this
/// copies, then deletes. Safe to re-run after a crash at any point: a copy already made is not repeated, and a
/// finished move is recognized and left alone.
/// </summary>
public sealed class FileRouter
{
    private readonly IObjectStore _store;
    private readonly ILogger _logger;

    /// <summary>Creates a router.</summary>
    /// <param name="store">The object store.</param>
    /// <param name="options">The prefixes, or null for incoming/, archive/ and failed/.</param>
    /// <param name="loggerFactory">Logging; none when null.</param>
    public FileRouter(IObjectStore store, FileRouterOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        Options = options ?? new FileRouterOptions();
        foreach (var (name, prefix) in new[] { ("IncomingPrefix", Options.IncomingPrefix), ("ArchivePrefix", Options.ArchivePrefix), ("FailedPrefix", Options.FailedPrefix) })
        {
            if (string.IsNullOrEmpty(prefix) || !prefix.EndsWith('/') || prefix.StartsWith('/'))
            {
                throw new ArgumentException($"{name} '{prefix}' must be a folder prefix like 'incoming/': not empty, ending with '/', not starting with '/'.", nameof(options));
            }
        }

        if (Options.ArchivePrefix == Options.IncomingPrefix || Options.FailedPrefix == Options.IncomingPrefix || Options.ArchivePrefix == Options.FailedPrefix)
        {
            throw new ArgumentException(
                $"Incoming ('{Options.IncomingPrefix}'), archive ('{Options.ArchivePrefix}') and failed ('{Options.FailedPrefix}') prefixes must differ.",
                nameof(options));
        }

        _store = store;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<FileRouter>();
    }

    /// <summary>The prefixes in use.</summary>
    public FileRouterOptions Options { get; }

    /// <summary>The key a file moves to.</summary>
    /// <param name="sourceKey">A key under the incoming prefix.</param>
    /// <param name="disposition">Archive or failed.</param>
    /// <returns>The destination key.</returns>
    /// <exception cref="ArgumentException">The key is not under the incoming prefix.</exception>
    public string DestinationKeyFor(string sourceKey, FileDisposition disposition)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceKey);
        if (!sourceKey.StartsWith(Options.IncomingPrefix, StringComparison.Ordinal) || sourceKey.Length == Options.IncomingPrefix.Length)
        {
            throw new ArgumentException(
                $"Key '{sourceKey}' is not a file under the incoming prefix '{Options.IncomingPrefix}'; only landed files are routed.",
                nameof(sourceKey));
        }

        var relative = sourceKey[Options.IncomingPrefix.Length..];
        return (disposition == FileDisposition.Archive ? Options.ArchivePrefix : Options.FailedPrefix) + relative;
    }

    /// <summary>Moves a processed file to the archive prefix.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The incoming key.</param>
    /// <param name="cancellationToken">Cancels the move (re-run it to finish).</param>
    /// <returns>What was done.</returns>
    public Task<FileRouteResult> ArchiveAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        RouteAsync(bucket, key, FileDisposition.Archive, cancellationToken);

    /// <summary>Moves a rejected file to the failed prefix.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The incoming key.</param>
    /// <param name="cancellationToken">Cancels the move (re-run it to finish).</param>
    /// <returns>What was done.</returns>
    public Task<FileRouteResult> FailAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        RouteAsync(bucket, key, FileDisposition.Failed, cancellationToken);

    /// <summary>Moves a file to the archive or failed prefix.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The incoming key.</param>
    /// <param name="disposition">Archive or failed.</param>
    /// <param name="cancellationToken">Cancels the move (re-run it to finish).</param>
    /// <returns>What was done.</returns>
    /// <exception cref="ObjectNotFoundException">Neither the source nor the destination exists.</exception>
    public async Task<FileRouteResult> RouteAsync(string bucket, string key, FileDisposition disposition, CancellationToken cancellationToken = default)
    {
        var destinationKey = DestinationKeyFor(key, disposition);
        var source = await _store.HeadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        var destination = await _store.HeadAsync(bucket, destinationKey, cancellationToken).ConfigureAwait(false);
        FileRouteOutcome outcome;
        if (source is null)
        {
            if (destination is null)
            {
                throw new ObjectNotFoundException(
                    $"Cannot move s3://{bucket}/{key} to {destinationKey}: neither exists (was the file routed to the other prefix, or never landed?).");
            }

            outcome = FileRouteOutcome.AlreadyMoved;
        }
        else
        {
            var copied = destination is not null && destination.ETag == source.ETag && destination.Size == source.Size;
            if (!copied)
            {
                await _store.CopyAsync(bucket, key, bucket, destinationKey, cancellationToken).ConfigureAwait(false);
            }

            await _store.DeleteAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            outcome = copied ? FileRouteOutcome.CompletedInterruptedMove : FileRouteOutcome.Moved;
        }

        Log.Routed(_logger, bucket, key, destinationKey, outcome.ToString());
        return new FileRouteResult(bucket, key, destinationKey, outcome);
    }
}
