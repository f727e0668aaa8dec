using Airline.Pipeline.StateMachines.Workflows;

namespace Airline.Pipeline.StateMachines.Local.Tests;

/// <summary>The example of docs/readme/StateMachinesLocal.md, compiled and run so it cannot rot.</summary>
public sealed class ReadmeExampleTests
{
    private static readonly CrawlThenRunJobOptions options = new()
    {
        CrawlerName = "flights",
        JobName = "flights-enrich",
        TopicArn = "arn:aws:sns:us-east-1:123456789012:pipeline",
    };

    [Fact]
    public async Task Crawl_then_job_succeeds()
    {
        var runner = StateMachineRunner.FromDefinition(GlueWorkflows.CrawlThenRunJob(options), new()
        {
            Handlers = new TaskHandlerRegistry()
                .ForState("StartCrawler", TaskHandlers.Returns("{}"))
                .ForState("GetCrawler", TaskHandlers.Sequence(
                    """{"Crawler":{"State":"RUNNING"}}""",
                    """{"Crawler":{"State":"READY","LastCrawl":{"Status":"SUCCEEDED"}}}"""))
                .ForState("RunJob", TaskHandlers.Returns("""{"JobName":"j","Id":"jr_1","JobRunState":"SUCCEEDED"}"""))
                .ForResource("arn:aws:states:::sns:publish", TaskHandlers.Returns("{}")),
        });

        var result = await runner.RunAsync("""{"file":"incoming/flights.csv"}""");

        result.Status.Should().Be(ExecutionStatus.Succeeded);
        result.StatesEntered.Should().Contain(["WaitForCrawler", "RunJob", "NotifySuccess"]);
    }
}
