using System.Runtime.CompilerServices;

namespace Airline.Pipeline.Aws.Storage;

/// <summary>Conveniences over <see cref="IObjectStore"/>.</summary>
public static class ObjectStoreExtensions
{
    /// <summary>Lists every object under a prefix, following continuation tokens page by page.</summary>
    /// <param name="store">The store.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="prefix">The key prefix.</param>
    /// <param name="pageSize">Objects per request, 1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The objects in key order.</returns>
    public static async IAsyncEnumerable<ObjectInfo> ListAllAsync(
        this IObjectStore store,
        string bucket,
        string prefix,
        int pageSize = 1000,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        string? token = null;
        do
        {
            var page = await store.ListAsync(bucket, prefix, token, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Objects)
            {
                yield return item;
            }

            token = page.NextContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>Writes bytes as an object.</summary>
    /// <param name="store">The store.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The key.</param>
    /// <param name="content">The bytes.</param>
    /// <param name="options">Content type and part size, or null.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The written object's description.</returns>
    public static async Task<ObjectInfo> WriteBytesAsync(
        this IObjectStore store,
        string bucket,
        string key,
        ReadOnlyMemory<byte> content,
        ObjectWriteOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        return await store.WriteAsync(bucket, key, stream, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a whole object into memory.</summary>
    /// <param name="store">The store.</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The bytes.</returns>
    public static async Task<byte[]> ReadBytesAsync(this IObjectStore store, string bucket, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stream = await store.OpenReadAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }
}
