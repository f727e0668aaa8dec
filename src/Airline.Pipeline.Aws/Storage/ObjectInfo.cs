namespace Airline.Pipeline.Aws.Storage;

/// <summary>An object's description.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Key">The key.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="ETag">The entity tag without quotes (MD5 hex for single-part uploads, <c>md5-parts</c> for multipart).</param>
/// <param name="LastModified">When it was last written.</param>
/// <param name="ContentType">The content type, when the store keeps one.</param>
public sealed record ObjectInfo(string Bucket, string Key, long Size, string ETag, DateTimeOffset LastModified, string? ContentType = null)
{
    /// <summary>The <c>s3://bucket/key</c> form.</summary>
    public string Uri => $"s3://{Bucket}/{Key}";

    internal static string NormalizeETag(string? eTag) => (eTag ?? string.Empty).Trim('"');
}

/// <summary>One page of a listing.</summary>
/// <param name="Objects">The objects, in key order.</param>
/// <param name="NextContinuationToken">The token for the next page, or null on the last page.</param>
public sealed record ObjectListPage(IReadOnlyList<ObjectInfo> Objects, string? NextContinuationToken);

/// <summary>How an object is written.</summary>
public sealed record ObjectWriteOptions
{
    /// <summary>The minimum (and default) S3 part size: 5 MiB.</summary>
    public const int MinimumPartSize = 5 * 1024 * 1024;

    /// <summary>The content type, for example <c>text/csv</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>
    /// Content larger than this is uploaded in parts of this size (S3 needs at least 5 MiB per part but the last).
    /// Default 8 MiB.
    /// </summary>
    public int PartSize { get; init; } = 8 * 1024 * 1024;
}

/// <summary>The object does not exist.</summary>
public sealed class ObjectNotFoundException : Exception
{
    /// <summary>Creates an exception with a generic message.</summary>
    public ObjectNotFoundException()
        : this("The object does not exist.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What is missing.</param>
    public ObjectNotFoundException(string message)
        : base(message)
    {
        Bucket = string.Empty;
        Key = string.Empty;
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What is missing.</param>
    /// <param name="innerException">The cause.</param>
    public ObjectNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Bucket = string.Empty;
        Key = string.Empty;
    }

    /// <summary>Creates an exception naming the missing object.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The key.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ObjectNotFoundException(string bucket, string key, Exception? innerException)
        : base($"s3://{bucket}/{key} does not exist.", innerException)
    {
        Bucket = bucket;
        Key = key;
    }

    /// <summary>The bucket.</summary>
    public string Bucket { get; }

    /// <summary>The key.</summary>
    public string Key { get; }
}
