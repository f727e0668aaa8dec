using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Workflows;
using S = Airline.Pipeline.StateMachines.Workflows.GlueWorkflows.States;

namespace Airline.Pipeline.StateMachines.Tests.Workflows;

public sealed class GlueWorkflowsTests
{
    private static readonly StateMachine Machine = GlueWorkflows.CrawlThenRunJob(new CrawlThenRunJobOptions
    {
        CrawlerName = "raw_daily_file_crawler",
        JobName = "flight-data-etl",
        TopicArn = "arn:aws:sns:us-east-1:123456789012:airline-notices",
        JobArguments = new Dictionary<string, string> { ["--job-bookmark-option"] = "job-bookmark-enable" },
        PollInterval = TimeSpan.FromSeconds(45),
    });

    [Fact]
    public void The_job_runs_with_sync_and_its_failure_is_caught_into_the_failure_notice()
    {
        var run = (TaskState)Machine.FindState(S.RunJob)!;
        run.Resource.Should().Be("arn:aws:states:::glue:startJobRun.sync");
        run.Parameters!.Value.GetProperty("JobName").GetString().Should().Be("flight-data-etl");
        run.Parameters!.Value.GetProperty("Arguments").GetProperty("--job-bookmark-option").GetString().Should().Be("job-bookmark-enable");
        run.Catch.Should().ContainSingle(c => c.ErrorEquals.SequenceEqual(new[] { ErrorNames.All }) && c.Next == S.NotifyFailure);
        run.Next.Should().Be(S.NotifySuccess);
        Machine.ToJson().Should().NotContain("\"Variable\":\"$.jobRun", "no rule tests the job state: the Catch handles a failed job");
    }

    [Fact]
    public void The_poll_loop_leaves_on_ready_and_on_a_failed_or_cancelled_crawl()
    {
        var choice = (ChoiceState)Machine.FindState(S.CrawlerStatus)!;
        choice.Choices.Select(r => r.Next).Should().Equal(S.NotifyFailure, S.RunJob);
        var failure = choice.Choices[0];
        failure.And!.Value.Should().HaveCount(3);
        failure.And!.Value[2].Or!.Value.Select(r => r.Operand!.Value.GetString()).Should().Equal("FAILED", "CANCELLED");
        choice.Default.Should().Be(S.WaitForCrawler);
        var wait = (WaitState)Machine.FindState(S.WaitForCrawler)!;
        (wait.Seconds!.Value.Number, wait.Next).Should().Be((45m, S.GetCrawler));
    }

    [Fact]
    public void Every_aws_call_retries_and_an_already_running_crawler_is_not_a_failure()
    {
        Machine.States.OfType<TaskState>().Should().OnlyContain(t => t.Retry.Length > 0);
        var start = (TaskState)Machine.FindState(S.StartCrawler)!;
        start.Resource.Should().Be("arn:aws:states:::aws-sdk:glue:startCrawler");
        start.Catch[0].ErrorEquals.Should().Equal("Glue.CrawlerRunningException");
        start.Catch[0].Next.Should().Be(S.GetCrawler);
        start.Catch[^1].Next.Should().Be(S.NotifyFailure);
    }

    [Fact]
    public void Notices_go_to_the_topic_and_a_failure_ends_failed()
    {
        foreach (var name in new[] { S.NotifySuccess, S.NotifyFailure })
        {
            var task = (TaskState)Machine.FindState(name)!;
            task.Resource.Should().Be("arn:aws:states:::sns:publish");
            task.Parameters!.Value.GetProperty("TopicArn").GetString().Should().Be("arn:aws:sns:us-east-1:123456789012:airline-notices");
        }

        ((TaskState)Machine.FindState(S.NotifySuccess)!).End.Should().BeTrue();
        ((TaskState)Machine.FindState(S.NotifyFailure)!).Next.Should().Be(S.Failed);
        Machine.FindState(S.Failed).Should().BeOfType<FailState>();
    }

    [Fact]
    public void Names_with_quotes_are_escaped_in_the_intrinsic_message()
    {
        var machine = GlueWorkflows.CrawlThenRunJob(new CrawlThenRunJobOptions { CrawlerName = "it's {x}", JobName = "j", TopicArn = "arn:aws:sns:us-east-1:123456789012:t" });
        Airline.Pipeline.StateMachines.Validation.AslValidator.Validate(machine.ToJson()).IsValid.Should().BeTrue();
    }
}
