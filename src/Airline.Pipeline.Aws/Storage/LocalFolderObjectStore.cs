using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Airline.Pipeline.Aws.Storage.Internal;

namespace Airline.Pipeline.Aws.Storage;

/// <summary>
/// The local twin of <see cref="S3ObjectStore"/>: a folder per bucket under a root folder, a file per key (<c>/</c>
/// separates sub-folders). Same semantics as S3 for the pipeline: writes and copies are atomic (a temporary file
/// renamed into place), listings are in ordinal key order with opaque continuation tokens, ETags are the content's MD5
/// hex (as S3's for single-part uploads), deleting a missing object succeeds. Buckets are created on first write.
/// </summary>
/// <remarks>
/// Keys must map to file paths: no empty, <c>.</c> or <c>..</c> segments and no backslash; such keys are rejected
/// with an <see cref="ArgumentException"/> naming the key.
/// </remarks>
public sealed class LocalFolderObjectStore : IObjectStore
{
    private const string TemporaryFolder = ".airline-tmp";
    private readonly ConcurrentDictionary<string, (long Length, DateTime Written, string ETag)> _eTags = new(StringComparer.Ordinal);

    /// <summary>Creates a store rooted at a folder (created when missing).</summary>
    /// <param name="rootDirectory">The folder that holds one sub-folder per bucket.</param>
    public LocalFolderObjectStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        RootDirectory = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(RootDirectory);
    }

    /// <summary>The root folder.</summary>
    public string RootDirectory { get; }

    /// <summary>The file that holds an object.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The key.</param>
    /// <returns>The full path.</returns>
    public string PathOf(string bucket, string key)
    {
        ObjectKeys.CheckBucket(bucket);
        CheckLocalKey(key);
        return Path.Combine(RootDirectory, bucket, key.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(bucket, key);
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return Task.FromResult(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectNotFoundException(bucket, key, e);
        }
    }

    /// <inheritdoc />
    public async Task<ObjectInfo> WriteAsync(
        string bucket,
        string key,
        Stream content,
        ObjectWriteOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var path = PathOf(bucket, key);
        ArgumentNullException.ThrowIfNull(content);
        ObjectKeys.CheckPartSize(options ?? new ObjectWriteOptions());
        var temporary = TemporaryPath();
        try
        {
            var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (file.ConfigureAwait(false))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            MoveIntoPlace(temporary, path);
        }
        finally
        {
            File.Delete(temporary);
        }

        return Describe(bucket, key, path) ?? throw new ObjectNotFoundException(bucket, key, null);
    }

    /// <inheritdoc />
    public Task<ObjectListPage> ListAsync(
        string bucket,
        string prefix,
        string? continuationToken = null,
        int maxKeys = 1000,
        CancellationToken cancellationToken = default)
    {
        ObjectKeys.CheckBucket(bucket);
        ObjectKeys.CheckMaxKeys(maxKeys);
        prefix ??= string.Empty;
        var bucketPath = Path.Combine(RootDirectory, bucket);
        if (!Directory.Exists(bucketPath))
        {
            return Task.FromResult(new ObjectListPage([], null));
        }

        var after = continuationToken is null ? null : DecodeToken(continuationToken);
        var keys = Directory.EnumerateFiles(bucketPath, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(bucketPath, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal))
            .Where(key => after is null || string.CompareOrdinal(key, after) > 0)
            .Order(StringComparer.Ordinal)
            .Take(maxKeys + 1)
            .ToList();
        var page = keys.Take(maxKeys)
            .Select(key => Describe(bucket, key, Path.Combine(bucketPath, key.Replace('/', Path.DirectorySeparatorChar))))
            .OfType<ObjectInfo>()
            .ToList();
        var next = keys.Count > maxKeys ? EncodeToken(keys[maxKeys - 1]) : null;
        return Task.FromResult(new ObjectListPage(page, next));
    }

    /// <inheritdoc />
    public Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(Describe(bucket, key, PathOf(bucket, key)));

    /// <inheritdoc />
    public async Task<ObjectInfo> CopyAsync(
        string sourceBucket,
        string sourceKey,
        string destinationBucket,
        string destinationKey,
        CancellationToken cancellationToken = default)
    {
        var source = PathOf(sourceBucket, sourceKey);
        var destination = PathOf(destinationBucket, destinationKey);
        var temporary = TemporaryPath();
        try
        {
            try
            {
                File.Copy(source, temporary);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new ObjectNotFoundException(sourceBucket, sourceKey, e);
            }

            MoveIntoPlace(temporary, destination);
        }
        finally
        {
            File.Delete(temporary);
        }

        await Task.CompletedTask.ConfigureAwait(false);
        return Describe(destinationBucket, destinationKey, destination) ?? throw new ObjectNotFoundException(destinationBucket, destinationKey, null);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(bucket, key);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.CompletedTask; // never written: deleting a missing object succeeds
        }

        _eTags.TryRemove(path, out _);

        // Empty folders left behind are removed so the tree mirrors the keys (S3 has no folders).
        var bucketPath = Path.Combine(RootDirectory, bucket);
        for (var folder = Path.GetDirectoryName(path);
             folder is not null && folder.Length > bucketPath.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any();
             folder = Path.GetDirectoryName(folder))
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                break; // a concurrent write just used it
            }
        }

        return Task.CompletedTask;
    }

    private static void CheckLocalKey(string key)
    {
        ObjectKeys.CheckKey(key);
        var segments = key.Split('/');
        if (key.Contains('\\', StringComparison.Ordinal) || key.Contains('\0', StringComparison.Ordinal) ||
            segments.Any(segment => segment.Length == 0 || segment is "." or ".."))
        {
            throw new ArgumentException(
                $"Key '{key}' cannot be stored in a folder: it has an empty, '.' or '..' segment, a backslash or a NUL. " +
                "Use keys like 'incoming/2024/flights.csv'.",
                nameof(key));
        }
    }

    private static string EncodeToken(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(key));

    private static string DecodeToken(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException invalid)
        {
            throw new ArgumentException($"Continuation token '{token}' was not issued by this store.", nameof(token), invalid);
        }
    }

    private static void MoveIntoPlace(string temporary, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(temporary, path, overwrite: true);
    }

    private string TemporaryPath()
    {
        var folder = Path.Combine(RootDirectory, TemporaryFolder);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Guid.NewGuid().ToString("N"));
    }

    private ObjectInfo? Describe(string bucket, string key, string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return null;
        }

        var written = file.LastWriteTimeUtc;
        if (!_eTags.TryGetValue(path, out var cached) || cached.Length != file.Length || cached.Written != written)
        {
            using var stream = file.OpenRead();
            cached = (file.Length, written, Convert.ToHexStringLower(MD5.HashData(stream)));
            _eTags[path] = cached;
        }

        return new ObjectInfo(bucket, key, file.Length, cached.ETag, new DateTimeOffset(written, TimeSpan.Zero));
    }
}
