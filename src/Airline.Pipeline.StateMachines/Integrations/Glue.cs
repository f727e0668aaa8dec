using Airline.Pipeline.StateMachines.Building;

namespace Airline.Pipeline.StateMachines.Integrations;

/// <summary>AWS Glue tasks: crawlers through the AWS SDK integration, job runs through the optimized one.</summary>
public static class Glue
{
    /// <summary><c>arn:aws:states:::aws-sdk:glue:startCrawler</c> with <c>{"Name": crawler}</c> (no .sync exists: poll GetCrawler).</summary>
    public static TaskIntegration StartCrawler(string crawlerName) =>
        AwsSdk.Call("glue", "startCrawler", new Dictionary<string, object?> { ["Name"] = Required(crawlerName, nameof(crawlerName)) });

    /// <summary><c>arn:aws:states:::aws-sdk:glue:getCrawler</c>: the result has <c>Crawler.State</c> (READY, RUNNING, STOPPING) and <c>Crawler.LastCrawl.Status</c>.</summary>
    public static TaskIntegration GetCrawler(string crawlerName) =>
        AwsSdk.Call("glue", "getCrawler", new Dictionary<string, object?> { ["Name"] = Required(crawlerName, nameof(crawlerName)) });

    /// <summary>
    /// <c>arn:aws:states:::glue:startJobRun</c>, or <c>.sync</c> with <see cref="IntegrationPattern.RunJob"/>: then the
    /// Task waits for the run and fails (States.TaskFailed) when the job fails, so handle failure with Catch.
    /// </summary>
    /// <param name="jobName">The Glue job.</param>
    /// <param name="arguments">Job arguments such as <c>--job-bookmark-option</c>: <c>job-bookmark-enable</c>.</param>
    /// <param name="pattern">RequestResponse (returns JobRunId only) or RunJob (.sync).</param>
    public static TaskIntegration StartJobRun(string jobName, IReadOnlyDictionary<string, string>? arguments = null, IntegrationPattern pattern = IntegrationPattern.RunJob)
    {
        if (pattern is IntegrationPattern.WaitForTaskToken or IntegrationPattern.RunJobJsonOutput)
        {
            throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "glue:startJobRun offers RequestResponse and RunJob (.sync) only.");
        }

        var parameters = new Dictionary<string, object?> { ["JobName"] = Required(jobName, nameof(jobName)) };
        if (arguments is { Count: > 0 })
        {
            parameters["Arguments"] = arguments;
        }

        return new TaskIntegration("arn:aws:states:::glue:startJobRun" + (pattern == IntegrationPattern.RunJob ? ".sync" : string.Empty), Json.From(parameters));
    }

    /// <summary><c>arn:aws:states:::aws-sdk:glue:getJobRun</c> with the run id taken from <paramref name="runIdPath"/>.</summary>
    public static TaskIntegration GetJobRun(string jobName, string runIdPath = "$.JobRunId") =>
        AwsSdk.Call("glue", "getJobRun", new Dictionary<string, object?> { ["JobName"] = Required(jobName, nameof(jobName)), ["RunId.$"] = runIdPath });

    internal static string Required(string value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} is empty; give the AWS resource name.", name) : value;
}
