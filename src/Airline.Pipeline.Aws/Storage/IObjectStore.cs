namespace Airline.Pipeline.Aws.Storage;

/// <summary>
/// The object store port: S3's semantics for the operations the pipeline needs. Implementations:
/// <see cref="S3ObjectStore"/> (AWSSDK.S3) and <see cref="LocalFolderObjectStore"/> (a folder per bucket, for the
/// sample and tests). Keys use <c>/</c> as separator; ETags are returned without quotes.
/// </summary>
public interface IObjectStore
{
    /// <summary>Opens an object for reading. Dispose the stream to release the connection or file.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <returns>The content stream.</returns>
    /// <exception cref="ObjectNotFoundException">No such object.</exception>
    Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an object from a stream, replacing any object with the same key. Large content is uploaded in parts
    /// (S3 multipart upload) so it is never held in memory whole; readers never see a partial object.
    /// </summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The key.</param>
    /// <param name="content">The content, read to its end.</param>
    /// <param name="options">Content type and part size, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the upload (a multipart upload is aborted).</param>
    /// <returns>The written object's description.</returns>
    Task<ObjectInfo> WriteAsync(string bucket, string key, Stream content, ObjectWriteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Lists one page of objects whose keys start with <paramref name="prefix"/>, in key order (ordinal UTF-8).</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="prefix">The key prefix; empty for all.</param>
    /// <param name="continuationToken">The previous page's <see cref="ObjectListPage.NextContinuationToken"/>, or null.</param>
    /// <param name="maxKeys">The page size, 1 to 1000.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    Task<ObjectListPage> ListAsync(string bucket, string prefix, string? continuationToken = null, int maxKeys = 1000, CancellationToken cancellationToken = default);

    /// <summary>Describes an object without reading it.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The description, or null when there is no such object.</returns>
    Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>Copies an object server-side, replacing the destination.</summary>
    /// <param name="sourceBucket">The source bucket.</param>
    /// <param name="sourceKey">The source key.</param>
    /// <param name="destinationBucket">The destination bucket.</param>
    /// <param name="destinationKey">The destination key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The destination's description.</returns>
    /// <exception cref="ObjectNotFoundException">No such source object.</exception>
    Task<ObjectInfo> CopyAsync(string sourceBucket, string sourceKey, string destinationBucket, string destinationKey, CancellationToken cancellationToken = default);

    /// <summary>Deletes an object; deleting a missing object succeeds (as in S3).</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the object is gone.</returns>
    Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default);
}
