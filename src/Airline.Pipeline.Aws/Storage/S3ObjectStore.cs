using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Airline.Pipeline.Aws.Storage.Internal;

namespace Airline.Pipeline.Aws.Storage;

/// <summary>
/// <see cref="IObjectStore"/> on AWSSDK.S3: GetObject, PutObject or a multipart upload (parts of
/// <see cref="ObjectWriteOptions.PartSize"/>, aborted on failure), ListObjectsV2 pages, HeadObject, CopyObject and
/// DeleteObject.
/// </summary>
/// <remarks>
/// Payloads are sent with <c>UseChunkEncoding = false</c>: S3 accepts both, and emulators such as s3rver store
/// aws-chunked framing as content otherwise. AWSSDK.S3 4.x percent-encodes <c>x-amz-copy-source</c> whole (the
/// bucket/key separator as <c>%2F</c>, and <c>+ , : = @ &amp;</c> in keys); s3rver decodes it with <c>decodeURI</c>,
/// which leaves those escaped, and answers 404. So when CopyObject answers 404 for a source that HeadObject finds, the copy is made by
/// streaming the object through this process instead (never needed on AWS, harmless there).
/// </remarks>
public sealed class S3ObjectStore : IObjectStore
{
    private readonly IAmazonS3 _s3;

    /// <summary>Creates a store.</summary>
    /// <param name="s3">The S3 client (its lifetime is the caller's).</param>
    public S3ObjectStore(IAmazonS3 s3)
    {
        ArgumentNullException.ThrowIfNull(s3);
        _s3 = s3;
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        ObjectKeys.CheckBucket(bucket);
        ObjectKeys.CheckKey(key);
        try
        {
            var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return new ResponseOwningStream(response);
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ObjectNotFoundException(bucket, key, missing);
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
        ObjectKeys.CheckBucket(bucket);
        ObjectKeys.CheckKey(key);
        ArgumentNullException.ThrowIfNull(content);
        options ??= new ObjectWriteOptions();
        ObjectKeys.CheckPartSize(options);

        var first = new byte[options.PartSize];
        var firstLength = await ReadFullAsync(content, first, cancellationToken).ConfigureAwait(false);
        if (firstLength < options.PartSize)
        {
            using var body = new MemoryStream(first, 0, firstLength, writable: false);
            await _s3.PutObjectAsync(
                new PutObjectRequest
                {
                    BucketName = bucket,
                    Key = key,
                    InputStream = body,
                    AutoCloseStream = false,
                    ContentType = options.ContentType,
                    UseChunkEncoding = false,
                },
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await MultipartUploadAsync(bucket, key, content, options, first, cancellationToken).ConfigureAwait(false);
        }

        return await HeadAsync(bucket, key, cancellationToken).ConfigureAwait(false)
            ?? throw new ObjectNotFoundException(bucket, key, null);
    }

    /// <inheritdoc />
    public async Task<ObjectListPage> ListAsync(
        string bucket,
        string prefix,
        string? continuationToken = null,
        int maxKeys = 1000,
        CancellationToken cancellationToken = default)
    {
        ObjectKeys.CheckBucket(bucket);
        ObjectKeys.CheckMaxKeys(maxKeys);
        var response = await _s3.ListObjectsV2Async(
            new ListObjectsV2Request
            {
                BucketName = bucket,
                Prefix = string.IsNullOrEmpty(prefix) ? null : prefix,
                ContinuationToken = continuationToken,
                MaxKeys = maxKeys,
            },
            cancellationToken).ConfigureAwait(false);
        var objects = (response.S3Objects ?? [])
            .Select(o => new ObjectInfo(bucket, o.Key, o.Size ?? 0, ObjectInfo.NormalizeETag(o.ETag), ToOffset(o.LastModified)))
            .ToList();
        return new ObjectListPage(objects, response.IsTruncated == true ? response.NextContinuationToken : null);
    }

    /// <inheritdoc />
    public async Task<ObjectInfo?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        ObjectKeys.CheckBucket(bucket);
        ObjectKeys.CheckKey(key);
        try
        {
            var response = await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken)
                .ConfigureAwait(false);
            return new ObjectInfo(bucket, key, response.ContentLength, ObjectInfo.NormalizeETag(response.ETag), ToOffset(response.LastModified),
                response.Headers.ContentType);
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<ObjectInfo> CopyAsync(
        string sourceBucket,
        string sourceKey,
        string destinationBucket,
        string destinationKey,
        CancellationToken cancellationToken = default)
    {
        ObjectKeys.CheckBucket(sourceBucket);
        ObjectKeys.CheckKey(sourceKey);
        ObjectKeys.CheckBucket(destinationBucket);
        ObjectKeys.CheckKey(destinationKey);
        try
        {
            await _s3.CopyObjectAsync(
                new CopyObjectRequest
                {
                    SourceBucket = sourceBucket,
                    SourceKey = sourceKey,
                    DestinationBucket = destinationBucket,
                    DestinationKey = destinationKey,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception missing) when (missing.StatusCode == HttpStatusCode.NotFound)
        {
            var source = await HeadAsync(sourceBucket, sourceKey, cancellationToken).ConfigureAwait(false)
                ?? throw new ObjectNotFoundException(sourceBucket, sourceKey, missing);

            // The source exists, so the copy source header was misread (s3rver's decodeURI): stream the copy.
            var stream = await OpenReadAsync(sourceBucket, sourceKey, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var options = new ObjectWriteOptions { ContentType = source.ContentType };
                return await WriteAsync(destinationBucket, destinationKey, stream, options, cancellationToken).ConfigureAwait(false);
            }
        }

        return await HeadAsync(destinationBucket, destinationKey, cancellationToken).ConfigureAwait(false)
            ?? throw new ObjectNotFoundException(destinationBucket, destinationKey, null);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        ObjectKeys.CheckBucket(bucket);
        ObjectKeys.CheckKey(key);
        await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset ToOffset(DateTime? value) =>
        value is { } time ? new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime()) : DateTimeOffset.UnixEpoch;

    private static async Task<int> ReadFullAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await content.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private async Task MultipartUploadAsync(
        string bucket,
        string key,
        Stream content,
        ObjectWriteOptions options,
        byte[] first,
        CancellationToken cancellationToken)
    {
        var upload = await _s3.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = bucket, Key = key, ContentType = options.ContentType },
            cancellationToken).ConfigureAwait(false);
        try
        {
            var parts = new List<PartETag>();
            var buffer = first;
            var length = first.Length;
            var partNumber = 1;
            while (length > 0)
            {
                using (var body = new MemoryStream(buffer, 0, length, writable: false))
                {
                    var part = await _s3.UploadPartAsync(
                        new UploadPartRequest
                        {
                            BucketName = bucket,
                            Key = key,
                            UploadId = upload.UploadId,
                            PartNumber = partNumber,
                            InputStream = body,
                            PartSize = length,
                            UseChunkEncoding = false,
                        },
                        cancellationToken).ConfigureAwait(false);
                    parts.Add(new PartETag(partNumber, part.ETag));
                }

                partNumber++;
                length = await ReadFullAsync(content, buffer, cancellationToken).ConfigureAwait(false);
            }

            await _s3.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = upload.UploadId, PartETags = parts },
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            try
            {
                await _s3.AbortMultipartUploadAsync(
                    new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = upload.UploadId },
                    CancellationToken.None).ConfigureAwait(false);
            }
            catch (Amazon.Runtime.AmazonServiceException)
            {
                // The upload's own failure is the one to report; a bucket lifecycle rule removes abandoned parts.
            }

            throw;
        }
    }

    /// <summary>The response stream of a GetObject that disposes the response with it.</summary>
    private sealed class ResponseOwningStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _inner = response.ResponseStream;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => response.ContentLength;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
