using System.Security.Cryptography;
using System.Text;
using Airline.Pipeline.Aws.Storage;
using Airline.Pipeline.Aws.Tests.Support;

namespace Airline.Pipeline.Aws.Tests.Storage;

/// <summary>The semantics every IObjectStore must have, run against s3rver and against the local folder twin.</summary>
public abstract class ObjectStoreContractTests : IAsyncLifetime
{
    protected IObjectStore Store { get; set; } = null!;

    protected string Bucket { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [Fact]
    public async Task Write_ThenHeadAndRead_ReturnsContentSizeAndMd5ETag()
    {
        var content = Encoding.UTF8.GetBytes("YEAR,MONTH,DAY\n2015,1,1\n");

        var written = await Store.WriteBytesAsync(Bucket, "incoming/2015/flights.csv", content, new ObjectWriteOptions { ContentType = "text/csv" });
        var head = await Store.HeadAsync(Bucket, "incoming/2015/flights.csv");
        var read = await Store.ReadBytesAsync(Bucket, "incoming/2015/flights.csv");

        read.Should().Equal(content);
        head.Should().NotBeNull();
        head!.Size.Should().Be(content.Length);
        head.ETag.Should().Be(Convert.ToHexStringLower(MD5.HashData(content)));
        written.ETag.Should().Be(head.ETag);
        head.Uri.Should().Be($"s3://{Bucket}/incoming/2015/flights.csv");
    }

    [Fact]
    public async Task Write_SameKeyTwice_ReplacesTheObject()
    {
        await Store.WriteBytesAsync(Bucket, "k/a.txt", "first"u8.ToArray());
        await Store.WriteBytesAsync(Bucket, "k/a.txt", "second, longer"u8.ToArray());

        (await Store.ReadBytesAsync(Bucket, "k/a.txt")).Should().Equal("second, longer"u8.ToArray());
    }

    [Fact]
    public async Task Write_LargerThanPartSize_IsUploadedInPartsAndReadsBackWhole()
    {
        var content = new byte[(ObjectWriteOptions.MinimumPartSize * 2) + 12345];
        new Random(42).NextBytes(content);

        var written = await Store.WriteBytesAsync(Bucket, "output/large.bin", content, new ObjectWriteOptions { PartSize = ObjectWriteOptions.MinimumPartSize });
        var read = await Store.ReadBytesAsync(Bucket, "output/large.bin");

        written.Size.Should().Be(content.Length);
        SHA256.HashData(read).Should().Equal(SHA256.HashData(content));
        ExpectedLargeETag(content, ObjectWriteOptions.MinimumPartSize).Should().Contain(written.ETag);
    }

    /// <summary>The ETags a store may give a multipart object: S3's md5-of-md5s-N, or the twin's plain MD5.</summary>
    protected virtual IEnumerable<string> ExpectedLargeETag(byte[] content, int partSize)
    {
        yield return Convert.ToHexStringLower(MD5.HashData(content));
    }

    [Fact]
    public async Task Head_MissingObject_ReturnsNull()
    {
        (await Store.HeadAsync(Bucket, "incoming/none.csv")).Should().BeNull();
    }

    [Fact]
    public async Task OpenRead_MissingObject_ThrowsObjectNotFound()
    {
        var act = () => Store.OpenReadAsync(Bucket, "incoming/none.csv");

        (await act.Should().ThrowAsync<ObjectNotFoundException>()).Which.Key.Should().Be("incoming/none.csv");
    }

    [Fact]
    public async Task List_PagesThroughPrefixInKeyOrder()
    {
        var keys = Enumerable.Range(0, 7).Select(i => $"incoming/f{6 - i:D2}.csv").ToList();
        foreach (var key in keys)
        {
            await Store.WriteBytesAsync(Bucket, key, Encoding.UTF8.GetBytes(key));
        }

        await Store.WriteBytesAsync(Bucket, "archive/old.csv", "x"u8.ToArray());
        await Store.WriteBytesAsync(Bucket, "incomingX.csv", "x"u8.ToArray());

        var first = await Store.ListAsync(Bucket, "incoming/", maxKeys: 3);
        var second = await Store.ListAsync(Bucket, "incoming/", first.NextContinuationToken, 3);
        var third = await Store.ListAsync(Bucket, "incoming/", second.NextContinuationToken, 3);
        var all = await Store.ListAllAsync(Bucket, "incoming/", pageSize: 2).ToListAsync();

        first.Objects.Select(o => o.Key).Should().Equal("incoming/f00.csv", "incoming/f01.csv", "incoming/f02.csv");
        second.Objects.Select(o => o.Key).Should().Equal("incoming/f03.csv", "incoming/f04.csv", "incoming/f05.csv");
        third.Objects.Select(o => o.Key).Should().Equal("incoming/f06.csv");
        third.NextContinuationToken.Should().BeNull();
        all.Select(o => o.Key).Should().Equal(keys.Order(StringComparer.Ordinal));
        all.Should().OnlyContain(o => o.Size == o.Key.Length && o.Bucket == Bucket);
    }

    [Fact]
    public async Task List_EmptyPrefix_ListsEverything()
    {
        await Store.WriteBytesAsync(Bucket, "b.txt", "b"u8.ToArray());
        await Store.WriteBytesAsync(Bucket, "a/c.txt", "c"u8.ToArray());

        var page = await Store.ListAsync(Bucket, string.Empty);

        page.Objects.Select(o => o.Key).Should().Equal("a/c.txt", "b.txt");
        page.NextContinuationToken.Should().BeNull();
    }

    [Fact]
    public async Task Copy_ThenDelete_MovesTheObject_AndDeleteIsIdempotent()
    {
        var written = await Store.WriteBytesAsync(Bucket, "incoming/2015/01/flights.csv", "rows"u8.ToArray());

        var copy = await Store.CopyAsync(Bucket, "incoming/2015/01/flights.csv", Bucket, "archive/2015/01/flights.csv");
        await Store.DeleteAsync(Bucket, "incoming/2015/01/flights.csv");
        await Store.DeleteAsync(Bucket, "incoming/2015/01/flights.csv");

        copy.ETag.Should().Be(written.ETag);
        (await Store.HeadAsync(Bucket, "incoming/2015/01/flights.csv")).Should().BeNull();
        (await Store.ReadBytesAsync(Bucket, "archive/2015/01/flights.csv")).Should().Equal("rows"u8.ToArray());
        (await Store.ListAsync(Bucket, "incoming/")).Objects.Should().BeEmpty();
    }

    [Fact]
    public async Task Copy_KeyWithReservedCharacters_Works()
    {
        const string key = "incoming/flights+delays, 2015=1 a&b@c.csv";
        await Store.WriteBytesAsync(Bucket, key, "rows"u8.ToArray());

        await Store.CopyAsync(Bucket, key, Bucket, "archive/flights+delays, 2015=1 a&b@c.csv");

        (await Store.ReadBytesAsync(Bucket, "archive/flights+delays, 2015=1 a&b@c.csv")).Should().Equal("rows"u8.ToArray());
    }

    [Fact]
    public async Task Copy_MissingSource_ThrowsObjectNotFound()
    {
        var act = () => Store.CopyAsync(Bucket, "incoming/none.csv", Bucket, "archive/none.csv");

        await act.Should().ThrowAsync<ObjectNotFoundException>();
    }

    [Fact]
    public async Task InvalidArguments_AreRejectedWithTheValue()
    {
        var badBucket = () => Store.HeadAsync("Bad_Bucket", "k");
        var badPage = () => Store.ListAsync(Bucket, "p", null, 0);
        var smallPart = () => Store.WriteBytesAsync(Bucket, "k", "x"u8.ToArray(), new ObjectWriteOptions { PartSize = 1024 });

        (await badBucket.Should().ThrowAsync<ArgumentException>()).WithMessage("*'Bad_Bucket'*");
        await badPage.Should().ThrowAsync<ArgumentOutOfRangeException>();
        (await smallPart.Should().ThrowAsync<ArgumentException>()).WithMessage("*1024*5 MiB*");
    }
}

public sealed class S3ObjectStoreTests : ObjectStoreContractTests
{
    private Amazon.S3.AmazonS3Client _s3 = null!;

    public override async Task InitializeAsync()
    {
        _s3 = S3Emulator.CreateClient();
        Bucket = await S3Emulator.CreateBucketAsync(_s3);
        Store = new S3ObjectStore(_s3);
    }

    public override Task DisposeAsync()
    {
        _s3.Dispose();
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> ExpectedLargeETag(byte[] content, int partSize)
    {
        // AWS gives multipart objects md5(part md5s)-N; s3rver stores the parts joined and gives their plain MD5.
        var partHashes = content.Chunk(partSize).SelectMany(MD5.HashData).ToArray();
        yield return $"{Convert.ToHexStringLower(MD5.HashData(partHashes))}-{(content.Length + partSize - 1) / partSize}";
        yield return Convert.ToHexStringLower(MD5.HashData(content));
    }

    [Fact]
    public async Task Write_Large_UsesMultipartUploadWithChunkEncodingOff()
    {
        var (proxy, recorder) = RecordingProxy<Amazon.S3.IAmazonS3>.Wrap(_s3);
        var content = new byte[(ObjectWriteOptions.MinimumPartSize * 2) + 1];

        await new S3ObjectStore(proxy).WriteBytesAsync(Bucket, "output/parts.bin", content, new ObjectWriteOptions { PartSize = ObjectWriteOptions.MinimumPartSize });

        recorder.Calls.Should().Equal(
            "InitiateMultipartUploadAsync", "UploadPartAsync", "UploadPartAsync", "UploadPartAsync", "CompleteMultipartUploadAsync", "GetObjectMetadataAsync");
        (await Store.ReadBytesAsync(Bucket, "output/parts.bin")).Should().Equal(content, "s3rver stores aws-chunked framing when chunk encoding is on");
    }

    [Fact]
    public async Task Copy_OnS3rver_FallsBackToStreamingCopy()
    {
        const string key = "incoming/a+b, c=d.csv";
        await Store.WriteBytesAsync(Bucket, key, "rows"u8.ToArray());
        var (proxy, recorder) = RecordingProxy<Amazon.S3.IAmazonS3>.Wrap(_s3);

        var copy = await new S3ObjectStore(proxy).CopyAsync(Bucket, key, Bucket, "archive/a+b, c=d.csv");

        // AWSSDK.S3 4.x percent-encodes x-amz-copy-source whole ("bucket%2Fkey", and '+', ',', '=' in the key);
        // s3rver decodes it with decodeURI, which leaves those escaped, and answers 404. The store then sees the source
        // with HeadObject and streams the copy (on AWS CopyObject succeeds and the fallback never runs).
        recorder.Calls.Should().Equal("CopyObjectAsync", "GetObjectMetadataAsync", "GetObjectAsync", "PutObjectAsync", "GetObjectMetadataAsync");
        copy.Key.Should().Be("archive/a+b, c=d.csv");
        (await Store.ReadBytesAsync(Bucket, "archive/a+b, c=d.csv")).Should().Equal("rows"u8.ToArray());
    }

    [Fact]
    public async Task Write_FailingPart_AbortsTheMultipartUpload()
    {
        var (proxy, recorder) = RecordingProxy<Amazon.S3.IAmazonS3>.Wrap(_s3);
        var parts = 0;
        recorder.Fault = name => name == "UploadPartAsync" && ++parts == 2 ? new IOException("connection reset") : null;

        var act = () => new S3ObjectStore(proxy).WriteBytesAsync(Bucket, "output/broken.bin", new byte[ObjectWriteOptions.MinimumPartSize * 2],
            new ObjectWriteOptions { PartSize = ObjectWriteOptions.MinimumPartSize });

        await act.Should().ThrowAsync<IOException>();
        recorder.Calls.Should().EndWith("AbortMultipartUploadAsync");
        (await Store.HeadAsync(Bucket, "output/broken.bin")).Should().BeNull();
    }
}

public sealed class LocalFolderObjectStoreTests : ObjectStoreContractTests
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "airline-aws-tests", Guid.NewGuid().ToString("N"));

    public override Task InitializeAsync()
    {
        Store = new LocalFolderObjectStore(_root);
        Bucket = "landing";
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("incoming//a.csv")]
    [InlineData("incoming/../secret")]
    [InlineData("/incoming/a.csv")]
    [InlineData("incoming\\a.csv")]
    public async Task KeyThatIsNotAPath_IsRejectedNamingTheKey(string key)
    {
        var act = () => Store.WriteBytesAsync(Bucket, key, "x"u8.ToArray());

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage($"*'{key}'*");
    }

    [Fact]
    public async Task Delete_RemovesEmptiedFolders()
    {
        await Store.WriteBytesAsync(Bucket, "incoming/2015/01/a.csv", "x"u8.ToArray());

        await Store.DeleteAsync(Bucket, "incoming/2015/01/a.csv");

        Directory.Exists(Path.Combine(_root, Bucket, "incoming")).Should().BeFalse();
        Directory.Exists(Path.Combine(_root, Bucket)).Should().BeTrue();
    }
}
