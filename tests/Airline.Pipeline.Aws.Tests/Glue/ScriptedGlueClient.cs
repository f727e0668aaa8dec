using System.Collections.Concurrent;
using Airline.Pipeline.Aws.Glue;

namespace Airline.Pipeline.Aws.Tests.Glue;

/// <summary>An IGlueClient whose answers are scripted per operation (the last answer repeats).</summary>
internal sealed class ScriptedGlueClient : IGlueClient
{
    public Queue<Func<object>> Crawlers { get; } = new();

    public Queue<Func<object>> JobRuns { get; } = new();

    public Func<string> StartJob { get; set; } = () => "jr_1";

    public Action StartCrawler { get; set; } = () => { };

    public ConcurrentQueue<string> Calls { get; } = new();

    public GlueJobRunRequest? LastJobRequest { get; private set; }

    public Task StartCrawlerAsync(string crawlerName, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue("StartCrawler");
        StartCrawler();
        return Task.CompletedTask;
    }

    public Task<GlueCrawler> GetCrawlerAsync(string crawlerName, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue("GetCrawler");
        return Task.FromResult((GlueCrawler)Next(Crawlers));
    }

    public Task<string> StartJobRunAsync(GlueJobRunRequest request, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue("StartJobRun");
        LastJobRequest = request;
        return Task.FromResult(StartJob());
    }

    public Task<GlueJobRun> GetJobRunAsync(string jobName, string runId, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue("GetJobRun");
        return Task.FromResult((GlueJobRun)Next(JobRuns));
    }

    public Task<GlueJobBookmark> GetJobBookmarkAsync(string jobName, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<GlueJobBookmark> ResetJobBookmarkAsync(string jobName, string? runId = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public static GlueCrawler Crawler(string state, string? lastStatus = "SUCCEEDED", string? error = null) =>
        new("flights-crawler", state, lastStatus is null ? null : new GlueLastCrawl(lastStatus, error, null, null, null));

    public static GlueJobRun Run(string state, string? error = null) => new("jr_1", "flights-job", state, 0, error, null, null, null);

    private static object Next(Queue<Func<object>> queue)
    {
        var next = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
        return next();
    }
}
