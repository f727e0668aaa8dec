using System.Text.Json;
using Amazon.Runtime;
using Airline.Pipeline.Aws.Glue;
using Airline.Pipeline.Aws.Http;
using Airline.Pipeline.Aws.Tests.Support;

namespace Airline.Pipeline.Aws.Tests.Glue;

public sealed class GlueClientTests : IDisposable
{
    private static readonly ImmutableCredentials Keys = new("AKIDGLUETEST", "glue-secret-never-printed", "session-token-1");
    private readonly FakeAwsServer _server = new("eu-west-1", "glue", Keys, FakeReply.Json("{}"));
    private readonly HttpClient _http = new();
    private readonly AutoAdvanceTimeProvider _time = new();

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    private GlueClient Client(int maxAttempts = 4, TimeSpan? attemptTimeout = null) => new(
        _http,
        new AwsServiceClientOptions
        {
            Region = "eu-west-1",
            ServiceUrl = _server.Endpoint,
            Retry = new AwsRetryOptions { MaxAttempts = maxAttempts, AttemptTimeout = attemptTimeout ?? TimeSpan.FromSeconds(30) },
        },
        new SessionAWSCredentials(Keys.AccessKey, Keys.SecretKey, Keys.Token),
        _time,
        null,
        () => 1.0);

    private void ShouldBeGlueCall(RecordedRequest request, string operation)
    {
        request.Method.Should().Be("POST");
        request.RawUrl.Should().Be("/");
        request.Header("X-Amz-Target").Should().Be("AWSGlue." + operation);
        request.Header("Content-Type").Should().Be("application/x-amz-json-1.1");
        request.Header("X-Amz-Security-Token").Should().Be(Keys.Token);
        request.SignatureVerified.Should().BeTrue(request.SignatureProblem);
    }

    [Fact]
    public async Task StartCrawler_SendsSignedJson11Request()
    {
        await Client().StartCrawlerAsync("flights-crawler");

        var request = _server.Requests.Single();
        ShouldBeGlueCall(request, "StartCrawler");
        request.BodyText.Should().Be("{\"Name\":\"flights-crawler\"}");
    }

    [Fact]
    public async Task GetCrawler_ParsesStateAndLastCrawl()
    {
        _server.Enqueue(FakeReply.Json(GlueReplies.Crawler("READY", "FAILED", "Insufficient Lake Formation permission(s)")));

        var crawler = await Client().GetCrawlerAsync("flights-crawler");

        ShouldBeGlueCall(_server.Requests.Single(), "GetCrawler");
        crawler.Name.Should().Be("flights-crawler");
        crawler.IsReady.Should().BeTrue();
        crawler.LastCrawl!.Status.Should().Be("FAILED");
        crawler.LastCrawl.ErrorMessage.Should().Be("Insufficient Lake Formation permission(s)");
        crawler.LastCrawl.StartTime.Should().Be(DateTimeOffset.FromUnixTimeSeconds(1_740_067_200));
    }

    [Fact]
    public async Task StartJobRun_SendsArgumentsTimeoutAndCapacity_ReturnsRunId()
    {
        _server.Enqueue(FakeReply.Json("{\"JobRunId\":\"jr_0123456789abcdef\"}"));

        var runId = await Client().StartJobRunAsync(new GlueJobRunRequest
        {
            JobName = "flights-job",
            Arguments = new Dictionary<string, string> { ["--job-bookmark-option"] = "job-bookmark-enable", ["--source_key"] = "incoming/a b.csv" },
            TimeoutMinutes = 60,
            WorkerType = "G.1X",
            NumberOfWorkers = 2,
        });

        runId.Should().Be("jr_0123456789abcdef");
        var request = _server.Requests.Single();
        ShouldBeGlueCall(request, "StartJobRun");
        using var body = JsonDocument.Parse(request.Body);
        body.RootElement.GetProperty("JobName").GetString().Should().Be("flights-job");
        body.RootElement.GetProperty("Arguments").GetProperty("--job-bookmark-option").GetString().Should().Be("job-bookmark-enable");
        body.RootElement.GetProperty("Arguments").GetProperty("--source_key").GetString().Should().Be("incoming/a b.csv");
        body.RootElement.GetProperty("Timeout").GetInt32().Should().Be(60);
        body.RootElement.GetProperty("WorkerType").GetString().Should().Be("G.1X");
        body.RootElement.GetProperty("NumberOfWorkers").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task StartJobRun_WorkersWithoutWorkerType_IsRejectedBeforeSending()
    {
        var act = () => Client().StartJobRunAsync(new GlueJobRunRequest { JobName = "flights-job", NumberOfWorkers = 2 });

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*WorkerType*NumberOfWorkers (2)*");
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task GetJobRun_ParsesTerminalState()
    {
        _server.Enqueue(FakeReply.Json(GlueReplies.JobRun("FAILED", "Command failed with exit code 1")));

        var run = await Client().GetJobRunAsync("flights-job", "jr_0123456789abcdef");

        var request = _server.Requests.Single();
        ShouldBeGlueCall(request, "GetJobRun");
        request.BodyText.Should().Be("{\"JobName\":\"flights-job\",\"RunId\":\"jr_0123456789abcdef\"}");
        run.JobRunState.Should().Be("FAILED");
        run.IsTerminal.Should().BeTrue();
        run.Succeeded.Should().BeFalse();
        run.ErrorMessage.Should().Be("Command failed with exit code 1");
        run.ExecutionTimeSeconds.Should().Be(42);
        run.CompletedOn.Should().NotBeNull();
    }

    [Fact]
    public async Task GetAndResetJobBookmark_ParseJobBookmarkEntry()
    {
        const string entry = "{\"JobBookmarkEntry\":{\"JobName\":\"flights-job\",\"Version\":3,\"Run\":2,\"Attempt\":0," +
            "\"PreviousRunId\":\"jr_0\",\"RunId\":\"jr_1\",\"JobBookmark\":\"{\\\"datasource0\\\":{\\\"jsonClass\\\":\\\"HadoopDataSourceJobBookmarkState\\\"}}\"}}";
        _server.Enqueue(FakeReply.Json(entry), FakeReply.Json(entry.Replace("\"Version\":3", "\"Version\":4", StringComparison.Ordinal)));
        var client = Client();

        var bookmark = await client.GetJobBookmarkAsync("flights-job");
        var reset = await client.ResetJobBookmarkAsync("flights-job", "jr_1");

        bookmark.Should().Be(new GlueJobBookmark("flights-job", 3, 2, 0, "jr_0", "jr_1",
            "{\"datasource0\":{\"jsonClass\":\"HadoopDataSourceJobBookmarkState\"}}"));
        reset.Version.Should().Be(4);
        var requests = _server.Requests.ToArray();
        ShouldBeGlueCall(requests[0], "GetJobBookmark");
        requests[0].BodyText.Should().Be("{\"JobName\":\"flights-job\"}");
        ShouldBeGlueCall(requests[1], "ResetJobBookmark");
        requests[1].BodyText.Should().Be("{\"JobName\":\"flights-job\",\"RunId\":\"jr_1\"}");
    }

    public static TheoryData<string, Type> ErrorTypes => new()
    {
        { "com.amazonaws.glue#EntityNotFoundException", typeof(GlueEntityNotFoundException) },
        { "EntityNotFoundException", typeof(GlueEntityNotFoundException) },
        { "CrawlerRunningException", typeof(GlueCrawlerRunningException) },
        { "com.amazonaws.glue#ConcurrentRunsExceededException", typeof(GlueConcurrentRunsExceededException) },
        { "InvalidInputException:http://internal.amazon.com/coral/com.amazonaws.glue/", typeof(GlueInvalidInputException) },
        { "AccessDeniedException", typeof(GlueException) },
    };

    [Theory]
    [MemberData(nameof(ErrorTypes))]
    public async Task ClientError_IsMappedFromTypeWithoutPrefix_AndNotRetried(string type, Type expected)
    {
        _server.Fallback = FakeReply.Json(GlueReplies.Error(type, "Crawler entry with name flights-crawler does not exist"), 400);

        var act = () => Client().StartCrawlerAsync("flights-crawler");

        var thrown = (await act.Should().ThrowAsync<GlueException>()).Which;
        thrown.Should().BeOfType(expected);
        thrown.ErrorCode.Should().NotContain("#").And.NotContain(":");
        thrown.Operation.Should().Be("StartCrawler");
        thrown.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        thrown.RequestId.Should().Be("req-1");
        thrown.Message.Should().Contain("does not exist").And.NotContain(Keys.SecretKey).And.NotContain(Keys.Token);
        _server.Requests.Should().HaveCount(1);
        _time.Delays.Should().BeEmpty();
    }

    [Fact]
    public async Task ThrottlingAnd5xx_AreRetriedWithFullJitterBackoff_ThenSucceed()
    {
        _server.Enqueue(
            FakeReply.Json(GlueReplies.Error("com.amazonaws.glue#ThrottlingException", "Rate exceeded"), 400),
            FakeReply.Json(GlueReplies.Error("InternalServiceException", "Internal service error"), 500),
            FakeReply.Json(GlueReplies.Error("OperationTimeoutException", "Timed out"), 400),
            FakeReply.Json(GlueReplies.Crawler("RUNNING", null)));

        var crawler = await Client().GetCrawlerAsync("flights-crawler");

        crawler.State.Should().Be("RUNNING");
        crawler.LastCrawl.Should().BeNull();
        _server.Requests.Should().HaveCount(4).And.OnlyContain(r => r.SignatureVerified);
        // random() = 1.0 gives the ceiling of each full-jitter window: 200 ms * 2^(retry-1).
        _time.Delays.Should().Equal(TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800));
    }

    [Fact]
    public async Task Throttling_ExhaustsAttempts_ThrowsTypedException()
    {
        _server.Fallback = FakeReply.Json(GlueReplies.Error("ThrottlingException", "Rate exceeded"), 400);

        var act = () => Client(maxAttempts: 3).StartCrawlerAsync("flights-crawler");

        await act.Should().ThrowAsync<GlueThrottlingException>();
        _server.Requests.Should().HaveCount(3);
        _time.Delays.Should().HaveCount(2);
    }

    [Fact]
    public async Task AttemptTimeout_IsRetried()
    {
        _server.Enqueue(new FakeReply(200, "{}", "application/x-amz-json-1.1", Hang: TimeSpan.FromSeconds(5)));

        await Client(attemptTimeout: TimeSpan.FromMilliseconds(300)).StartCrawlerAsync("flights-crawler");

        _server.Requests.Should().HaveCount(2);
        _time.Delays.Should().ContainSingle();
    }

    [Fact]
    public async Task Backoff_NeverExceedsMaxDelay()
    {
        _server.Fallback = FakeReply.Json(GlueReplies.Error("InternalServiceException", "boom"), 503);
        var client = new GlueClient(
            _http,
            new AwsServiceClientOptions
            {
                Region = "eu-west-1",
                ServiceUrl = _server.Endpoint,
                Retry = new AwsRetryOptions { MaxAttempts = 8, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(5) },
            },
            new BasicAWSCredentials(Keys.AccessKey, Keys.SecretKey),
            _time,
            null,
            () => 0.999);

        await client.Invoking(c => c.StartCrawlerAsync("c")).Should().ThrowAsync<GlueException>();

        _time.Delays.Should().HaveCount(7).And.OnlyContain(d => d <= TimeSpan.FromSeconds(5));
        _time.Delays.Last().Should().BeCloseTo(TimeSpan.FromSeconds(4.995), TimeSpan.FromMilliseconds(1));
    }
}
