using System.Net;
using Amazon.Runtime;
using Airline.Pipeline.Aws.Http;
using Airline.Pipeline.Aws.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airline.Pipeline.Aws.Internal;

/// <summary>
/// Signs and sends one operation, retrying throttling, 5xx, attempt timeouts and connection failures with
/// exponential backoff and full jitter; everything else is turned into the protocol's typed exception at once.
/// </summary>
internal sealed class AwsHttpTransport
{
    private readonly HttpClient _http;
    private readonly SigV4Signer _signer;
    private readonly AWSCredentials _credentials;
    private readonly AwsRetryOptions _retry;
    private readonly TimeProvider _time;
    private readonly Func<double> _random;
    private readonly ILogger _logger;

    public AwsHttpTransport(
        string service,
        Uri endpoint,
        HttpClient http,
        SigV4Signer signer,
        AWSCredentials credentials,
        AwsRetryOptions retry,
        TimeProvider time,
        Func<double> random,
        ILogger logger)
    {
        Service = service;
        Endpoint = endpoint;
        _http = http;
        _signer = signer;
        _credentials = credentials;
        _retry = retry;
        _time = time;
        _random = random;
        _logger = logger;
    }

    /// <summary>
    /// The transport of one service client: endpoint and signer for <paramref name="service"/> from the options,
    /// the system clock and shared randomness unless given, and a logger named after the client.
    /// </summary>
    public static AwsHttpTransport For<TClient>(
        string service,
        HttpClient httpClient,
        AwsServiceClientOptions options,
        AWSCredentials credentials,
        TimeProvider? timeProvider,
        ILoggerFactory? loggerFactory,
        Func<double>? random)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        return new AwsHttpTransport(
            service,
            options.EndpointFor(service),
            httpClient,
            new SigV4Signer(options.Region, service),
            credentials,
            options.Retry,
            timeProvider ?? TimeProvider.System,
            random ?? Random.Shared.NextDouble,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<TClient>());
    }

    public string Service { get; }

    public Uri Endpoint { get; }

    public async Task<AwsHttpResponse> SendAsync(
        string operation,
        Func<HttpRequestMessage> createRequest,
        Func<AwsHttpResponse, AwsServiceException> toException,
        Func<AwsServiceException, bool> isThrottling,
        CancellationToken cancellationToken)
    {
        var maxAttempts = Math.Max(1, _retry.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            Exception failure;
            using (var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptCancellation.CancelAfter(_retry.AttemptTimeout);
                try
                {
                    var response = await SendOnceAsync(createRequest, attemptCancellation.Token).ConfigureAwait(false);
                    Log.Answered(_logger, Service, operation, (int)response.StatusCode);
                    if (response.IsSuccess)
                    {
                        return response;
                    }

                    var exception = toException(response);
                    if (!IsRetryable(response.StatusCode, exception, isThrottling))
                    {
                        throw exception;
                    }

                    reason = $"{exception.ErrorCode}, HTTP {(int)response.StatusCode}";
                    failure = exception;
                }
                catch (OperationCanceledException canceled) when (!cancellationToken.IsCancellationRequested)
                {
                    reason = $"no answer within {_retry.AttemptTimeout.TotalSeconds:0.###} s";
                    failure = new TimeoutException(
                        $"{Service} {operation} got no answer within {_retry.AttemptTimeout} on {maxAttempts} attempt(s); " +
                        "raise Retry.AttemptTimeout or check the endpoint.",
                        canceled);
                }
                catch (HttpRequestException connection)
                {
                    reason = "connection failed: " + connection.Message;
                    failure = connection;
                }
            }

            if (attempt >= maxAttempts)
            {
                throw failure;
            }

            var delay = Backoff(attempt);
            Log.Retrying(_logger, Service, operation, attempt, maxAttempts, reason, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Full jitter: uniform in [0, min(max, base * 2^(retry - 1))].</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(_retry.MaxDelay.TotalMilliseconds, _retry.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ceiling * _random());
    }

    private static bool IsRetryable(HttpStatusCode status, AwsServiceException exception, Func<AwsServiceException, bool> isThrottling) =>
        (int)status >= 500 || status == HttpStatusCode.TooManyRequests || isThrottling(exception);

    private async Task<AwsHttpResponse> SendOnceAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        using var request = createRequest();
        var credentials = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
        await _signer.SignAsync(request, credentials, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new AwsHttpResponse(response.StatusCode, body, response.Headers);
    }
}
