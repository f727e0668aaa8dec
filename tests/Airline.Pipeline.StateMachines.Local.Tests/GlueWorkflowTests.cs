using Airline.Pipeline.StateMachines.Local.Tests.Workflows;

namespace Airline.Pipeline.StateMachines.Local.Tests;

public sealed class GlueWorkflowTests
{
    private static TaskHandlerRegistry Handlers(ITaskHandler getCrawler, ITaskHandler job) => new TaskHandlerRegistry()
        .ForState("StartCrawler", TaskHandlers.Returns("{}"))
        .ForState("GetCrawler", getCrawler)
        .ForResource("arn:aws:states:::glue:startJobRun", job)
        .ForResource("arn:aws:states:::sns:publish", TaskHandlers.Returns("""{"MessageId":"m-1"}"""));

    [Fact]
    public async Task Job_succeeds_after_one_crawler_poll_loop_and_the_execution_succeeds()
    {
        var runner = StateMachineRunner.FromJson(GlueWorkflow.Definition, new()
        {
            Handlers = Handlers(TaskHandlers.Sequence(GlueWorkflow.Running, GlueWorkflow.Ready), TaskHandlers.Returns("""{"JobRunState":"SUCCEEDED","Id":"jr_1"}""")),
        });

        var result = await runner.RunAsync("""{"file":"incoming/flights.csv"}""");

        result.Status.Should().Be(ExecutionStatus.Succeeded, result.ToString());
        result.StatesEntered.Should().Equal("StartCrawler", "GetCrawler", "CrawlerStatusCheck", "WaitForCrawler", "GetCrawler", "CrawlerStatusCheck", "StartJobRun", "SuccessNotification");
        result.OutputNode!["JobRun"]!["JobRunState"]!.GetValue<string>().Should().Be("SUCCEEDED");
        result.StopDate.Should().Be(result.StartDate.AddSeconds(30), "the 30-second wait runs on virtual time");
        var publish = result.EventsOf(HistoryEventType.TaskScheduled).Single(e => e.StateName == "SuccessNotification");
        publish.InputNode!["Message"]!.GetValue<string>().Should().Be("Loaded incoming/flights.csv");
        result.History[0].Type.Should().Be(HistoryEventType.ExecutionStarted);
        result.History[^1].Type.Should().Be(HistoryEventType.ExecutionSucceeded);
    }

    [Fact]
    public async Task Job_failure_is_caught_and_goes_to_the_failure_notice()
    {
        var runner = StateMachineRunner.FromJson(GlueWorkflow.Definition, new()
        {
            Handlers = Handlers(TaskHandlers.Returns(GlueWorkflow.Ready), TaskHandlers.Fails("Glue.JobRunFailed", "JobRun jr_1 FAILED: bad row")),
        });

        var result = await runner.RunAsync("""{"file":"incoming/flights.csv"}""");

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be("Pipeline.Failed");
        result.StatesEntered.Should().Equal("StartCrawler", "GetCrawler", "CrawlerStatusCheck", "StartJobRun", "FailureNotification", "Failed");
        var failed = result.EventsOf(HistoryEventType.TaskFailed).Single();
        failed.StateName.Should().Be("StartJobRun");
        failed.Error.Should().Be("Glue.JobRunFailed");
        var notice = result.EventsOf(HistoryEventType.TaskStateEntered).Single(e => e.StateName == "FailureNotification");
        notice.InputNode!["Error"]!["Error"]!.GetValue<string>().Should().Be("Glue.JobRunFailed");
        notice.InputNode!["Error"]!["Cause"]!.GetValue<string>().Should().Be("JobRun jr_1 FAILED: bad row");
    }

    [Fact]
    public async Task Crawl_failure_goes_to_the_failure_notice_without_running_the_job()
    {
        var runner = StateMachineRunner.FromJson(GlueWorkflow.Definition, new()
        {
            Handlers = Handlers(TaskHandlers.Sequence(GlueWorkflow.Running, GlueWorkflow.Running, GlueWorkflow.ReadyFailed), TaskHandlers.Returns("""{"JobRunState":"SUCCEEDED"}""")),
        });

        var result = await runner.RunAsync("""{"file":"incoming/flights.csv"}""");

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.StatesEntered.Should().NotContain("StartJobRun");
        result.StatesEntered.Should().EndWith(["CrawlerStatusCheck", "FailureNotification", "Failed"]);
        result.StatesEntered.Count(s => s == "WaitForCrawler").Should().Be(2);
        result.StopDate.Should().Be(result.StartDate.AddSeconds(60));
    }

    [Fact]
    public async Task Job_state_reported_failed_without_an_error_goes_to_success_notice_only_when_succeeded()
    {
        var runner = StateMachineRunner.FromJson(GlueWorkflow.Definition, new()
        {
            Handlers = Handlers(TaskHandlers.Returns(GlueWorkflow.Ready), TaskHandlers.Returns("""{"JobRunState":"SUCCEEDED"}""")),
        });

        var first = await runner.RunAsync("""{"file":"a.csv"}""");
        var second = await runner.RunAsync("""{"file":"b.csv"}""");

        first.Succeeded.Should().BeTrue();
        second.Succeeded.Should().BeTrue();
        second.OutputNode!["file"]!.GetValue<string>().Should().Be("b.csv");
    }
}
