using Airline.Pipeline.StateMachines.Building;
using Airline.Pipeline.StateMachines.Integrations;
using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Workflows;

/// <summary>Ready-made Glue state machines.</summary>
public static class GlueWorkflows
{
    /// <summary>The state names of <see cref="CrawlThenRunJob"/>, for tests and local task handlers.</summary>
    public static class States
    {
        /// <summary>aws-sdk:glue:startCrawler.</summary>
        public const string StartCrawler = "StartCrawler";

        /// <summary>aws-sdk:glue:getCrawler, result at $.crawler.</summary>
        public const string GetCrawler = "GetCrawler";

        /// <summary>Choice on the crawler state and last crawl status.</summary>
        public const string CrawlerStatus = "CrawlerStatus";

        /// <summary>Wait between polls.</summary>
        public const string WaitForCrawler = "WaitForCrawler";

        /// <summary>glue:startJobRun.sync, result at $.jobRun.</summary>
        public const string RunJob = "RunJob";

        /// <summary>sns:publish of the success notice.</summary>
        public const string NotifySuccess = "NotifySuccess";

        /// <summary>sns:publish of the failure notice.</summary>
        public const string NotifyFailure = "NotifyFailure";

        /// <summary>The Fail state after the failure notice.</summary>
        public const string Failed = "Failed";
    }

    /// <summary>
    /// The seeds' pipeline, corrected: start the crawler (an already running crawler is fine), poll GetCrawler
    /// until READY, leaving for the failure notice when the last crawl FAILED or was CANCELLED; run the job with
    /// <c>glue:startJobRun.sync</c> so the Task waits for it, and Catch its failure (a failed job fails the Task:
    /// no JobRunState test is needed); publish success or failure to SNS; end failed executions in a Fail state.
    /// </summary>
    public static StateMachine CrawlThenRunJob(CrawlThenRunJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retry = options.RetryPolicy;
        var builder = new StateMachineBuilder()
            .Comment($"Run crawler {options.CrawlerName}, wait until READY, run Glue job {options.JobName}, notify success or failure.");
        if (options.Timeout is { } timeout)
        {
            builder.Timeout(timeout);
        }

        const string crawlerState = "$.crawler.Crawler.State";
        const string lastCrawlStatus = "$.crawler.Crawler.LastCrawl.Status";
        return builder
            .Task(States.StartCrawler, Glue.StartCrawler(options.CrawlerName), t => t
                .ResultPath(null)
                .Retry(retry)
                .Catch(["Glue.CrawlerRunningException"], States.GetCrawler, resultPath: null)
                .CatchAll(States.NotifyFailure)
                .Next(States.GetCrawler))
            .Task(States.GetCrawler, Glue.GetCrawler(options.CrawlerName), t => t
                .ResultSelector(new Dictionary<string, object?> { ["Crawler.$"] = "$.Crawler" })
                .ResultPath("$.crawler")
                .Retry(retry)
                .CatchAll(States.NotifyFailure)
                .Next(States.CrawlerStatus))
            .Choice(States.CrawlerStatus, c => c
                .When(Condition.And(
                    Condition.StringEquals(crawlerState, "READY"),
                    Condition.IsPresent(lastCrawlStatus),
                    Condition.Or(Condition.StringEquals(lastCrawlStatus, "FAILED"), Condition.StringEquals(lastCrawlStatus, "CANCELLED"))),
                    States.NotifyFailure)
                .When(Condition.StringEquals(crawlerState, "READY"), States.RunJob)
                .Otherwise(States.WaitForCrawler))
            .Wait(States.WaitForCrawler, options.PollInterval, next: States.GetCrawler)
            .Task(States.RunJob, Glue.StartJobRun(options.JobName, options.JobArguments, IntegrationPattern.RunJob), t => t
                .ResultSelector(new Dictionary<string, object?>
                {
                    ["JobName.$"] = "$.JobName",
                    ["JobRunId.$"] = "$.Id",
                    ["JobRunState.$"] = "$.JobRunState",
                })
                .ResultPath("$.jobRun")
                .Retry(new Retrier
                {
                    ErrorEquals = ["Glue.ConcurrentRunsExceededException", .. retry.ErrorEquals],
                    IntervalSeconds = retry.IntervalSeconds,
                    MaxAttempts = retry.MaxAttempts,
                    BackoffRate = retry.BackoffRate,
                    MaxDelaySeconds = retry.MaxDelaySeconds,
                    JitterStrategy = retry.JitterStrategy,
                })
                .CatchAll(States.NotifyFailure)
                .Next(States.NotifySuccess))
            .Task(States.NotifySuccess, Sns.PublishFrom(options.TopicArn,
                    "States.Format('Glue job {} succeeded (run {}).', $.jobRun.JobName, $.jobRun.JobRunId)", options.SuccessSubject), t => t
                .ResultPath(null)
                .Retry(retry)
                .End())
            .Task(States.NotifyFailure, Sns.PublishFrom(options.TopicArn,
                    "States.Format('Pipeline for crawler {} and job {} failed: {}', '" + Escape(options.CrawlerName) + "', '" + Escape(options.JobName) + "', States.JsonToString($))",
                    options.FailureSubject), t => t
                .ResultPath(null)
                .Retry(retry)
                .Next(States.Failed))
            .Fail(States.Failed, "Pipeline.Failed", $"The crawler {options.CrawlerName} or the job {options.JobName} failed; see the SNS notice.")
            .Build();
    }

    /// <summary>Escapes a value for a single-quoted intrinsic-function string literal.</summary>
    private static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("'", "\\'", StringComparison.Ordinal)
        .Replace("{", "\\{", StringComparison.Ordinal)
        .Replace("}", "\\}", StringComparison.Ordinal);
}
