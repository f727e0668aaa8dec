using Amazon.Runtime;
using Airline.Pipeline.Aws.Http;
using Airline.Pipeline.Aws.Internal;
using Airline.Pipeline.Aws.Sns.Internal;
using Microsoft.Extensions.Logging;

namespace Airline.Pipeline.Aws.Sns;

/// <summary>
/// A small SNS client for <c>Publish</c> (AWSSDK.SimpleNotificationService is not served by this project's
/// registry): the Query protocol (<c>Action=Publish&amp;Version=2010-03-31</c>, form-encoded <c>POST /</c>), XML
/// replies and errors, SigV4 with AWSSDK.Core credentials, Publish's limits checked before sending, and retries with
/// full-jitter backoff for throttling, 5xx and timeouts.
/// </summary>
public sealed class SnsClient
{
    private readonly AwsHttpTransport _transport;

    /// <summary>Creates a client.</summary>
    /// <param name="httpClient">The HTTP client to send with (its lifetime is the caller's).</param>
    /// <param name="options">Region, endpoint override and retry policy.</param>
    /// <param name="credentials">Credentials, for example from <see cref="AwsCredentialResolver"/>.</param>
    /// <param name="timeProvider">Clock for signing and backoff; the system clock when null.</param>
    /// <param name="loggerFactory">Logging; none when null.</param>
    public SnsClient(
        HttpClient httpClient,
        AwsServiceClientOptions options,
        AWSCredentials credentials,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
        : this(httpClient, options, credentials, timeProvider, loggerFactory, null)
    {
    }

    internal SnsClient(
        HttpClient httpClient,
        AwsServiceClientOptions options,
        AWSCredentials credentials,
        TimeProvider? timeProvider,
        ILoggerFactory? loggerFactory,
        Func<double>? random)
        => _transport = AwsHttpTransport.For<SnsClient>("sns", httpClient, options, credentials, timeProvider, loggerFactory, random);

    /// <summary>The endpoint requests go to.</summary>
    public Uri Endpoint => _transport.Endpoint;

    /// <summary>Publishes a message to a topic after checking Publish's limits.</summary>
    /// <param name="request">Topic, message, subject and attributes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message id.</returns>
    /// <exception cref="ArgumentException">The request breaks a limit (all problems are listed).</exception>
    /// <exception cref="SnsException">SNS refused the request.</exception>
    public async Task<SnsPublishResult> PublishAsync(SnsPublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = SnsLimits.Validate(request);
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "SNS Publish request is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "- " + p)),
                nameof(request));
        }

        var body = SnsQuery.PublishBody(request);
        var response = await _transport.SendAsync(
            "Publish",
            () => new HttpRequestMessage(HttpMethod.Post, _transport.Endpoint) { Content = SnsQuery.FormContent(body) },
            reply => SnsQuery.ToException("Publish", reply),
            SnsQuery.IsRetryable,
            cancellationToken).ConfigureAwait(false);
        return SnsQuery.PublishResult(response.Body);
    }
}
