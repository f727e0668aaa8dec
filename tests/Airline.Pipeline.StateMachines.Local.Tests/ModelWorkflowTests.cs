using Airline.Pipeline.StateMachines.Workflows;
using States = Airline.Pipeline.StateMachines.Workflows.GlueWorkflows.States;

namespace Airline.Pipeline.StateMachines.Local.Tests;

/// <summary>The seeds' workflow as the ASL package builds it (GlueWorkflows.CrawlThenRunJob), run through its JSON.</summary>
public sealed class ModelWorkflowTests
{
    private const string Running = """{"Crawler":{"Name":"flights","State":"RUNNING"}}""";
    private const string ReadySucceeded = """{"Crawler":{"Name":"flights","State":"READY","LastCrawl":{"Status":"SUCCEEDED"}}}""";
    private const string ReadyFailed = """{"Crawler":{"Name":"flights","State":"READY","LastCrawl":{"Status":"FAILED","ErrorMessage":"bad header"}}}""";

    private static StateMachineRunner Runner(ITaskHandler getCrawler, ITaskHandler runJob) =>
        StateMachineRunner.FromDefinition(
            GlueWorkflows.CrawlThenRunJob(new CrawlThenRunJobOptions
            {
                CrawlerName = "flights",
                JobName = "flights-enrich",
                TopicArn = "arn:aws:sns:us-east-1:123456789012:pipeline",
            }),
            new()
            {
                RandomSeed = 1,
                Handlers = new TaskHandlerRegistry()
                    .ForState(States.StartCrawler, TaskHandlers.Returns("{}"))
                    .ForState(States.GetCrawler, getCrawler)
                    .ForState(States.RunJob, runJob)
                    .ForState(States.NotifySuccess, TaskHandlers.Returns("""{"MessageId":"ok"}"""))
                    .ForState(States.NotifyFailure, TaskHandlers.Returns("""{"MessageId":"fail"}""")),
            });

    [Fact]
    public async Task Built_workflow_succeeds_when_the_job_succeeds()
    {
        var result = await Runner(
            TaskHandlers.Sequence(Running, ReadySucceeded),
            TaskHandlers.Returns("""{"JobName":"flights-enrich","Id":"jr_1","JobRunState":"SUCCEEDED"}""")).RunAsync("""{"file":"incoming/flights.csv"}""");

        result.Status.Should().Be(ExecutionStatus.Succeeded, result.ToString());
        result.StatesEntered.Should().Equal(States.StartCrawler, States.GetCrawler, States.CrawlerStatus, States.WaitForCrawler, States.GetCrawler, States.CrawlerStatus, States.RunJob, States.NotifySuccess);
        var notice = result.EventsOf(HistoryEventType.TaskScheduled).Single(e => e.StateName == States.NotifySuccess);
        notice.InputNode!["Message"]!.GetValue<string>().Should().Be("Glue job flights-enrich succeeded (run jr_1).");
    }

    [Fact]
    public async Task Built_workflow_sends_the_failure_notice_when_the_job_fails()
    {
        var result = await Runner(TaskHandlers.Returns(ReadySucceeded), TaskHandlers.Fails("Glue.JobRunFailed", "row 7 is bad")).RunAsync("""{"file":"f.csv"}""");

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be("Pipeline.Failed");
        result.StatesEntered.Should().EndWith([States.RunJob, States.NotifyFailure, States.Failed]);
        result.EventsOf(HistoryEventType.TaskFailed).Single().Error.Should().Be("Glue.JobRunFailed");
        var notice = result.EventsOf(HistoryEventType.TaskScheduled).Single(e => e.StateName == States.NotifyFailure);
        notice.InputNode!["Message"]!.GetValue<string>().Should().Contain("Glue.JobRunFailed");
    }

    [Fact]
    public async Task Built_workflow_sends_the_failure_notice_when_the_crawl_fails()
    {
        var result = await Runner(TaskHandlers.Sequence(Running, ReadyFailed), TaskHandlers.Returns("{}")).RunAsync("""{"file":"f.csv"}""");

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.StatesEntered.Should().NotContain(States.RunJob);
        result.StatesEntered.Should().EndWith([States.CrawlerStatus, States.NotifyFailure, States.Failed]);
    }
}
