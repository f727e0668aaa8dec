using Airline.Pipeline.Aws.Storage;
using Airline.Pipeline.Aws.Tests.Support;

namespace Airline.Pipeline.Aws.Tests.Storage;

/// <summary>The router's behaviour, against s3rver and the local folder twin.</summary>
public abstract class FileRouterTests : IAsyncLifetime
{
    protected IObjectStore Store { get; set; } = null!;

    protected string Bucket { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [Theory]
    [InlineData(FileDisposition.Archive, "archive/2015/01/flights.csv")]
    [InlineData(FileDisposition.Failed, "failed/2015/01/flights.csv")]
    public async Task Route_MovesKeepingTheRelativeKey(FileDisposition disposition, string expected)
    {
        var written = await Store.WriteBytesAsync(Bucket, "incoming/2015/01/flights.csv", "YEAR\n2015\n"u8.ToArray());

        var result = await new FileRouter(Store).RouteAsync(Bucket, "incoming/2015/01/flights.csv", disposition);

        result.Should().Be(new FileRouteResult(Bucket, "incoming/2015/01/flights.csv", expected, FileRouteOutcome.Moved));
        (await Store.HeadAsync(Bucket, "incoming/2015/01/flights.csv")).Should().BeNull();
        (await Store.HeadAsync(Bucket, expected))!.ETag.Should().Be(written.ETag);
    }

    [Fact]
    public async Task Route_CrashBetweenCopyAndDelete_ReRunFinishesTheMoveWithoutCopyingAgain()
    {
        await Store.WriteBytesAsync(Bucket, "incoming/flights.csv", "rows"u8.ToArray());
        var (crashing, recorder) = RecordingProxy<IObjectStore>.Wrap(Store);
        recorder.Fault = name => name == nameof(IObjectStore.DeleteAsync) ? new IOException("process killed after the copy") : null;

        var crash = () => new FileRouter(crashing).ArchiveAsync(Bucket, "incoming/flights.csv");
        await crash.Should().ThrowAsync<IOException>();
        (await Store.HeadAsync(Bucket, "incoming/flights.csv")).Should().NotBeNull("the delete never happened");
        (await Store.HeadAsync(Bucket, "archive/flights.csv")).Should().NotBeNull("the copy did");

        var (recording, calls) = RecordingProxy<IObjectStore>.Wrap(Store);
        var rerun = await new FileRouter(recording).ArchiveAsync(Bucket, "incoming/flights.csv");
        var again = await new FileRouter(recording).ArchiveAsync(Bucket, "incoming/flights.csv");

        rerun.Outcome.Should().Be(FileRouteOutcome.CompletedInterruptedMove);
        again.Outcome.Should().Be(FileRouteOutcome.AlreadyMoved);
        calls.Calls.Should().NotContain(nameof(IObjectStore.CopyAsync));
        (await Store.HeadAsync(Bucket, "incoming/flights.csv")).Should().BeNull();
        (await Store.ReadBytesAsync(Bucket, "archive/flights.csv")).Should().Equal("rows"u8.ToArray());
    }

    [Fact]
    public async Task Route_DestinationHoldsAnOlderDifferentFile_CopiesAgain()
    {
        await Store.WriteBytesAsync(Bucket, "archive/flights.csv", "yesterday's rows"u8.ToArray());
        await Store.WriteBytesAsync(Bucket, "incoming/flights.csv", "today's rows"u8.ToArray());

        var result = await new FileRouter(Store).ArchiveAsync(Bucket, "incoming/flights.csv");

        result.Outcome.Should().Be(FileRouteOutcome.Moved);
        (await Store.ReadBytesAsync(Bucket, "archive/flights.csv")).Should().Equal("today's rows"u8.ToArray());
    }

    [Fact]
    public async Task Route_NeitherSourceNorDestination_ThrowsNamingBoth()
    {
        var act = () => new FileRouter(Store).FailAsync(Bucket, "incoming/never.csv");

        (await act.Should().ThrowAsync<ObjectNotFoundException>()).WithMessage("*incoming/never.csv*failed/never.csv*");
    }

    [Fact]
    public void DestinationKeyFor_KeyOutsideIncoming_IsRejected()
    {
        var router = new FileRouter(Store, new FileRouterOptions { IncomingPrefix = "landing/in/" });

        router.DestinationKeyFor("landing/in/a/b.csv", FileDisposition.Archive).Should().Be("archive/a/b.csv");
        router.Invoking(r => r.DestinationKeyFor("archive/a.csv", FileDisposition.Archive))
            .Should().Throw<ArgumentException>().WithMessage("*'archive/a.csv'*'landing/in/'*");
    }

    [Fact]
    public void Options_BadPrefixes_AreRejected()
    {
        var act = () => new FileRouter(Store, new FileRouterOptions { ArchivePrefix = "archive" });
        var same = () => new FileRouter(Store, new FileRouterOptions { FailedPrefix = "archive/" });

        act.Should().Throw<ArgumentException>().WithMessage("*ArchivePrefix 'archive'*");
        same.Should().Throw<ArgumentException>().WithMessage("*must differ*");
    }
}

public sealed class S3FileRouterTests : FileRouterTests
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
}

public sealed class LocalFolderFileRouterTests : FileRouterTests
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
}
