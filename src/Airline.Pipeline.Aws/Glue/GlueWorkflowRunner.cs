using Airline.Pipeline.Aws.Http;
using Airline.Pipeline.Aws.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airline.Pipeline.Aws.Glue;

/// <summary>
/// Does from .NET what the seeds' state machine does: start the crawler (CrawlerRunning counts as started), poll
/// GetCrawler until READY, check LastCrawl.Status, start the job, poll GetJobRun until a terminal state. Waits come
/// from the <see cref="TimeProvider"/>; an overall timeout bounds the whole run; cancellation throws
/// <see cref="OperationCanceledException"/>. Every other failure is returned as a result that names the step.
/// </summary>
public sealed class GlueWorkflowRunner
{
    private readonly IGlueClient _glue;
    private readonly GlueWorkflowOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates a runner.</summary>
    /// <param name="glue">The Glue client.</param>
    /// <param name="options">Crawler, job, intervals and timeout.</param>
    /// <param name="timeProvider">Clock for waits and the deadline; the system clock when null.</param>
    /// <param name="loggerFactory">Logging; none when null.</param>
    public GlueWorkflowRunner(IGlueClient glue, GlueWorkflowOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(glue);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.CrawlerName, nameof(options));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.JobName, nameof(options));
        if (options.CrawlerPollInterval <= TimeSpan.Zero || options.JobPollInterval <= TimeSpan.Zero || options.OverallTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                $"Glue workflow intervals and timeout must be positive (CrawlerPollInterval {options.CrawlerPollInterval}, " +
                $"JobPollInterval {options.JobPollInterval}, OverallTimeout {options.OverallTimeout}).",
                nameof(options));
        }

        _glue = glue;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<GlueWorkflowRunner>();
    }

    /// <summary>Runs the crawler, then the job.</summary>
    /// <param name="runArguments">Arguments for this run only (added to, and overriding, the configured ones).</param>
    /// <param name="cancellationToken">Stops waiting (the Glue runs themselves are not stopped).</param>
    /// <returns>The outcome, naming the failed step when it failed.</returns>
    public async Task<GlueWorkflowResult> RunAsync(
        IReadOnlyDictionary<string, string>? runArguments = null,
        CancellationToken cancellationToken = default)
    {
        var started = _time.GetUtcNow();
        var deadline = started + _options.OverallTimeout;
        var state = new Progress();

        GlueWorkflowResult Fail(GlueWorkflowStep step, string error) =>
            new(false, step, state.AlreadyRunning, state.CrawlStatus, state.JobRunId, state.JobRunState, error, _time.GetUtcNow() - started);

        try
        {
            await _glue.StartCrawlerAsync(_options.CrawlerName, cancellationToken).ConfigureAwait(false);
            Log.WorkflowStep(_logger, "crawler started", _options.CrawlerName);
        }
        catch (GlueCrawlerRunningException)
        {
            state.AlreadyRunning = true;
            Log.WorkflowStep(_logger, "crawler already running", _options.CrawlerName);
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            return Fail(GlueWorkflowStep.StartCrawler, $"StartCrawler '{_options.CrawlerName}' failed: {e.Message}");
        }

        GlueCrawler crawler;
        while (true)
        {
            if (_time.GetUtcNow() >= deadline)
            {
                return Fail(GlueWorkflowStep.Timeout, $"crawler '{_options.CrawlerName}' was not READY within {_options.OverallTimeout}.");
            }

            await WaitAsync(_options.CrawlerPollInterval, deadline, cancellationToken).ConfigureAwait(false);
            try
            {
                crawler = await _glue.GetCrawlerAsync(_options.CrawlerName, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsServiceFailure(e))
            {
                return Fail(GlueWorkflowStep.Crawler, $"GetCrawler '{_options.CrawlerName}' failed: {e.Message}");
            }

            if (crawler.IsReady)
            {
                break;
            }
        }

        state.CrawlStatus = crawler.LastCrawl?.Status;
        if (crawler.LastCrawl is not { Status: "SUCCEEDED" })
        {
            var detail = crawler.LastCrawl is null
                ? "reports no last crawl"
                : $"last crawl ended {crawler.LastCrawl.Status}{(crawler.LastCrawl.ErrorMessage is { } m ? ": " + m : string.Empty)}";
            return Fail(GlueWorkflowStep.Crawler, $"crawler '{_options.CrawlerName}' {detail}.");
        }

        Log.WorkflowStep(_logger, "crawl succeeded", _options.CrawlerName);
        var arguments = new Dictionary<string, string>(_options.JobArguments, StringComparer.Ordinal);
        foreach (var (name, value) in runArguments ?? new Dictionary<string, string>())
        {
            arguments[name] = value;
        }

        string runId;
        try
        {
            runId = await _glue.StartJobRunAsync(
                new GlueJobRunRequest
                {
                    JobName = _options.JobName,
                    Arguments = arguments,
                    TimeoutMinutes = _options.JobTimeoutMinutes,
                    WorkerType = _options.WorkerType,
                    NumberOfWorkers = _options.NumberOfWorkers,
                },
                cancellationToken).ConfigureAwait(false);
            state.JobRunId = runId;
            Log.WorkflowStep(_logger, "job started", $"{_options.JobName} {runId}");
        }
        catch (Exception e) when (IsServiceFailure(e) || e is ArgumentException)
        {
            return Fail(GlueWorkflowStep.StartJob, $"StartJobRun '{_options.JobName}' failed: {e.Message}");
        }

        while (true)
        {
            if (_time.GetUtcNow() >= deadline)
            {
                return Fail(
                    GlueWorkflowStep.Timeout,
                    $"job run {state.JobRunId} of '{_options.JobName}' was still {state.JobRunState ?? "starting"} after {_options.OverallTimeout}.");
            }

            await WaitAsync(_options.JobPollInterval, deadline, cancellationToken).ConfigureAwait(false);
            GlueJobRun run;
            try
            {
                run = await _glue.GetJobRunAsync(_options.JobName, runId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsServiceFailure(e))
            {
                return Fail(GlueWorkflowStep.Job, $"GetJobRun {state.JobRunId} of '{_options.JobName}' failed: {e.Message}");
            }

            state.JobRunState = run.JobRunState;
            if (!run.IsTerminal)
            {
                continue;
            }

            if (run.Succeeded)
            {
                Log.WorkflowStep(_logger, "job succeeded", $"{_options.JobName} {state.JobRunId}");
                return new GlueWorkflowResult(true, GlueWorkflowStep.None, state.AlreadyRunning, state.CrawlStatus, state.JobRunId,
                    run.JobRunState, null, _time.GetUtcNow() - started);
            }

            return Fail(
                GlueWorkflowStep.Job,
                $"job run {state.JobRunId} of '{_options.JobName}' ended {run.JobRunState}{(run.ErrorMessage is { } message ? ": " + message : string.Empty)}.");
        }
    }

    private static bool IsServiceFailure(Exception e) => e is AwsServiceException or HttpRequestException or TimeoutException;

    private Task WaitAsync(TimeSpan interval, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var remaining = deadline - _time.GetUtcNow();
        var wait = remaining < interval ? remaining : interval;
        return wait > TimeSpan.Zero ? Task.Delay(wait, _time, cancellationToken) : Task.CompletedTask;
    }

    private sealed class Progress
    {
        public bool AlreadyRunning { get; set; }

        public string? CrawlStatus { get; set; }

        public string? JobRunId { get; set; }

        public string? JobRunState { get; set; }
    }
}
