using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime;
using Airline.Pipeline.Aws.Glue.Internal;
using Airline.Pipeline.Aws.Http;
using Airline.Pipeline.Aws.Internal;
using Microsoft.Extensions.Logging;

namespace Airline.Pipeline.Aws.Glue;

/// <summary>
/// A small Glue client (AWSSDK.Glue is not served by this project's registry): JSON 1.1 over <c>POST /</c> with
/// <c>X-Amz-Target: AWSGlue.&lt;Operation&gt;</c>, SigV4 with AWSSDK.Core credentials, typed errors from
/// <c>__type</c>, and retries with full-jitter backoff for throttling, 5xx and timeouts.
/// </summary>
public sealed class GlueClient : IGlueClient
{
    private const string ContentType = "application/x-amz-json-1.1";
    private readonly AwsHttpTransport _transport;

    /// <summary>Creates a client.</summary>
    /// <param name="httpClient">The HTTP client to send with (its lifetime is the caller's).</param>
    /// <param name="options">Region, endpoint override and retry policy.</param>
    /// <param name="credentials">Credentials, for example from <see cref="AwsCredentialResolver"/>.</param>
    /// <param name="timeProvider">Clock for signing and backoff; the system clock when null.</param>
    /// <param name="loggerFactory">Logging; none when null.</param>
    public GlueClient(
        HttpClient httpClient,
        AwsServiceClientOptions options,
        AWSCredentials credentials,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
        : this(httpClient, options, credentials, timeProvider, loggerFactory, null)
    {
    }

    internal GlueClient(
        HttpClient httpClient,
        AwsServiceClientOptions options,
        AWSCredentials credentials,
        TimeProvider? timeProvider,
        ILoggerFactory? loggerFactory,
        Func<double>? random)
        => _transport = AwsHttpTransport.For<GlueClient>("glue", httpClient, options, credentials, timeProvider, loggerFactory, random);

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint => _transport.Endpoint;

    /// <inheritdoc />
    public async Task StartCrawlerAsync(string crawlerName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(crawlerName);
        using var _ = await CallAsync("StartCrawler", GlueJson.Write(w => w.WriteString("Name", crawlerName)), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<GlueCrawler> GetCrawlerAsync(string crawlerName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(crawlerName);
        using var reply = await CallAsync("GetCrawler", GlueJson.Write(w => w.WriteString("Name", crawlerName)), cancellationToken)
            .ConfigureAwait(false);
        return GlueJson.Crawler(reply.RootElement);
    }

    /// <inheritdoc />
    public async Task<string> StartJobRunAsync(GlueJobRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.JobName, nameof(request));
        if (request.NumberOfWorkers is not null != request.WorkerType is not null)
        {
            throw new ArgumentException(
                $"StartJobRun for '{request.JobName}': WorkerType ('{request.WorkerType}') and NumberOfWorkers " +
                $"({request.NumberOfWorkers}) go together; set both or neither.",
                nameof(request));
        }

        if (request.TimeoutMinutes is <= 0)
        {
            throw new ArgumentException(
                $"StartJobRun for '{request.JobName}': TimeoutMinutes is {request.TimeoutMinutes}; use a positive number of minutes.",
                nameof(request));
        }

        using var reply = await CallAsync("StartJobRun", GlueJson.StartJobRun(request), cancellationToken).ConfigureAwait(false);
        return GlueJson.JobRunId(reply.RootElement);
    }

    /// <inheritdoc />
    public async Task<GlueJobRun> GetJobRunAsync(string jobName, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var body = GlueJson.Write(w =>
        {
            w.WriteString("JobName", jobName);
            w.WriteString("RunId", runId);
        });
        using var reply = await CallAsync("GetJobRun", body, cancellationToken).ConfigureAwait(false);
        return GlueJson.JobRun(reply.RootElement);
    }

    /// <inheritdoc />
    public async Task<GlueJobBookmark> GetJobBookmarkAsync(string jobName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        using var reply = await CallAsync("GetJobBookmark", GlueJson.Write(w => w.WriteString("JobName", jobName)), cancellationToken)
            .ConfigureAwait(false);
        return GlueJson.Bookmark(reply.RootElement, jobName);
    }

    /// <inheritdoc />
    public async Task<GlueJobBookmark> ResetJobBookmarkAsync(string jobName, string? runId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        var body = GlueJson.Write(w =>
        {
            w.WriteString("JobName", jobName);
            if (runId is not null)
            {
                w.WriteString("RunId", runId);
            }
        });
        using var reply = await CallAsync("ResetJobBookmark", body, cancellationToken).ConfigureAwait(false);
        return GlueJson.Bookmark(reply.RootElement, jobName);
    }

    private async Task<JsonDocument> CallAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(
            operation,
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, _transport.Endpoint) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
                request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSGlue." + operation);
                return request;
            },
            reply => GlueErrors.ToException(operation, reply),
            GlueErrors.IsRetryable,
            cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(response.Body.Length == 0 ? "{}"u8.ToArray() : response.Body);
        }
        catch (JsonException invalid)
        {
            throw new GlueException($"Glue {operation} answered HTTP {(int)response.StatusCode} with a body that is not JSON.", invalid);
        }
    }
}
