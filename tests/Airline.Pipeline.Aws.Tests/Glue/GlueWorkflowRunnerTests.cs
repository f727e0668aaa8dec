using Amazon.Runtime;
using Airline.Pipeline.Aws.Glue;
using Airline.Pipeline.Aws.Http;
using Airline.Pipeline.Aws.Tests.Support;

namespace Airline.Pipeline.Aws.Tests.Glue;

public sealed class GlueWorkflowRunnerTests
{
    private static readonly GlueWorkflowOptions Options = new()
    {
        CrawlerName = "flights-crawler",
        JobName = "flights-job",
        JobArguments = new Dictionary<string, string> { ["--job-bookmark-option"] = "job-bookmark-enable" },
        CrawlerPollInterval = TimeSpan.FromSeconds(30),
        JobPollInterval = TimeSpan.FromSeconds(60),
        OverallTimeout = TimeSpan.FromMinutes(30),
        JobTimeoutMinutes = 20,
        WorkerType = "G.1X",
        NumberOfWorkers = 2,
    };

    private readonly AutoAdvanceTimeProvider _time = new();
    private readonly ScriptedGlueClient _glue = new();

    private GlueWorkflowRunner Runner(GlueWorkflowOptions? options = null) => new(_glue, options ?? Options, _time);

    [Fact]
    public async Task Run_CrawlerThenJobSucceed_PollsAtTheConfiguredIntervals()
    {
        _glue.Crawlers.Enqueue(() => ScriptedGlueClient.Crawler("RUNNING", null));
        _glue.Crawlers.Enqueue(() => ScriptedGlueClient.Crawler("STOPPING", null));
        _glue.Crawlers.Enqueue(() => ScriptedGlueClient.Crawler("READY"));
        _glue.JobRuns.Enqueue(() => ScriptedGlueClient.Run("STARTING"));
        _glue.JobRuns.Enqueue(() => ScriptedGlueClient.Run("RUNNING"));
        _glue.JobRuns.Enqueue(() => ScriptedGlueClient.Run("SUCCEEDED"));

        var result = await Runner().RunAsync(new Dictionary<string, string> { ["--source_key"] = "incoming/flights.csv" });

        result.Should().Be(new GlueWorkflowResult(true, GlueWorkflowStep.None, false, "SUCCEEDED", "jr_1", "SUCCEEDED", null,
            TimeSpan.FromSeconds(3 * 30 + 3 * 60)));
        _glue.Calls.Should().Equal("StartCrawler", "GetCrawler", "GetCrawler", "GetCrawler", "StartJobRun", "GetJobRun", "GetJobRun", "GetJobRun");
        _time.Delays.Should().Equal(
            TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30),
            TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));
        _glue.LastJobRequest!.Arguments.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["--job-bookmark-option"] = "job-bookmark-enable",
            ["--source_key"] = "incoming/flights.csv",
        });
        _glue.LastJobRequest.TimeoutMinutes.Should().Be(20);
        _glue.LastJobRequest.WorkerType.Should().Be("G.1X");
        _glue.LastJobRequest.NumberOfWorkers.Should().Be(2);
    }

    [Fact]
    public async Task Run_CrawlerAlreadyRunning_IsTreatedAsStarted()
    {
        _glue.StartCrawler = () => throw new GlueCrawlerRunningException(
            new AwsErrorDetails("glue", "StartCrawler", "CrawlerRunningException", "Crawler with name flights-crawler has already started", System.Net.HttpStatusCode.BadRequest, null));
        _glue.Crawlers.Enqueue(() => ScriptedGlueClient.Crawler("READY"));
        _glue.JobRuns.Enqueue(() => ScriptedGlueClient.Run("SUCCEEDED"));

        var result = await Runner().RunAsync();

        result.Succeeded.Should().BeTrue();
        result.CrawlerAlreadyRunning.Should().BeTrue();
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("CANCELLED")]
    public async Task Run_LastCrawlNotSucceeded_FailsAtCrawlerWithoutStartingTheJob(string status)
    {
        _glue.Crawlers.Enqueue(() => ScriptedGlueClient.Crawler("READY", status, "Insufficient Lake Formation permission(s)"));

        var result = await Runner().RunAsync();

        result.Succeeded.Should().BeFalse();
        result.FailedStep.Should().Be(GlueWorkflowStep.Crawler);
        result.CrawlStatus.Should().Be(status);
        result.Error.Should().Be($"crawler 'flights-crawler' last crawl ended {status}: Insufficient Lake Formation permission(s).");
        _glue.Calls.Should().NotContain("StartJobRun");
    }

    [Theory]
    [InlineData("FAILED")]
    [InlineData("TIMEOUT")]
    [InlineData("ERROR")]
    [InlineData("STOPPED")]
    [InlineData("EXPIRED")]
    public async Task Run_JobEndsInTerminalFailureState_FailsAtJobNamingTheState(string state)
    {
        _glue.Crawlers.Enqueue(() => ScriptedGlueClient.Crawler("READY"));
        _glue.JobRuns.Enqueue(() => ScriptedGlueClient.Run("RUNNING"));
        _glue.JobRuns.Enqueue(() => ScriptedGlueClient.Run(state, "Command failed with exit code 1"));

        var result = await Runner().RunAsync();

        result.FailedStep.Should().Be(GlueWorkflowStep.Job);
        result.JobRunState.Should().Be(state);
        result.JobRunId.Should().Be("jr_1");
        result.Error.Should().Be($"job run jr_1 of 'flights-job' ended {state}: Command failed with exit code 1.");
    }

    [Fact]
    public async Task Run_StartJobRefused_FailsAtStartJob()
    {
        _glue.Crawlers.Enqueue(() => ScriptedGlueClient.Crawler("READY"));
        _glue.StartJob = () => throw new GlueConcurrentRunsExceededException(
            new AwsErrorDetails("glue", "StartJobRun", "ConcurrentRunsExceededException", "Concurrent runs exceeded for flights-job", System.Net.HttpStatusCode.BadRequest, null));

        var result = await Runner().RunAsync();

        result.FailedStep.Should().Be(GlueWorkflowStep.StartJob);
        result.JobRunId.Should().BeNull();
        result.Error.Should().Contain("ConcurrentRunsExceededException").And.Contain("Concurrent runs exceeded");
    }

    [Fact]
    public async Task Run_JobNeverFinishes_TimesOutOnTheVirtualClock()
    {
        _glue.Crawlers.Enqueue(() => ScriptedGlueClient.Crawler("READY"));
        _glue.JobRuns.Enqueue(() => ScriptedGlueClient.Run("RUNNING"));

        var result = await Runner().RunAsync();

        result.FailedStep.Should().Be(GlueWorkflowStep.Timeout);
        result.JobRunState.Should().Be("RUNNING");
        result.Error.Should().Be("job run jr_1 of 'flights-job' was still RUNNING after 00:30:00.");
        result.Elapsed.Should().Be(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task Run_Canceled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        _glue.Crawlers.Enqueue(() =>
        {
            cancellation.Cancel();
            return ScriptedGlueClient.Crawler("RUNNING", null);
        });

        var act = () => Runner().RunAsync(cancellationToken: cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Run_OverHttp_AgainstTheLocalEndpoint_Succeeds()
    {
        var keys = new ImmutableCredentials("AKIDWORKFLOW", "workflow-secret", null);
        using var server = new FakeAwsServer("us-east-1", "glue", keys, FakeReply.Json("{}"));
        server.Enqueue(
            FakeReply.Json(GlueReplies.Error("com.amazonaws.glue#CrawlerRunningException", "Crawler with name flights-crawler has already started"), 400),
            FakeReply.Json(GlueReplies.Crawler("RUNNING", null)),
            FakeReply.Json(GlueReplies.Error("ThrottlingException", "Rate exceeded"), 400),
            FakeReply.Json(GlueReplies.Crawler("READY")),
            FakeReply.Json("{\"JobRunId\":\"jr_0123456789abcdef\"}"),
            FakeReply.Json(GlueReplies.JobRun("RUNNING")),
            FakeReply.Json(GlueReplies.JobRun("SUCCEEDED")));
        using var http = new HttpClient();
        var client = new GlueClient(http, new AwsServiceClientOptions { Region = "us-east-1", ServiceUrl = server.Endpoint },
            new BasicAWSCredentials(keys.AccessKey, keys.SecretKey), _time);

        var result = await new GlueWorkflowRunner(client, Options, _time).RunAsync();

        result.Succeeded.Should().BeTrue(result.Error);
        result.CrawlerAlreadyRunning.Should().BeTrue();
        result.JobRunId.Should().Be("jr_0123456789abcdef");
        server.Requests.Select(r => r.Header("X-Amz-Target")).Should().Equal(
            "AWSGlue.StartCrawler", "AWSGlue.GetCrawler", "AWSGlue.GetCrawler", "AWSGlue.GetCrawler",
            "AWSGlue.StartJobRun", "AWSGlue.GetJobRun", "AWSGlue.GetJobRun");
        server.Requests.Should().OnlyContain(r => r.SignatureVerified);
    }
}
