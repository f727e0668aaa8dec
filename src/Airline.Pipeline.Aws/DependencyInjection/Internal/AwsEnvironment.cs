using Amazon.Runtime;
using Airline.Pipeline.Aws.Http;
using Microsoft.Extensions.Options;

namespace Airline.Pipeline.Aws.DependencyInjection.Internal;

/// <summary>Region, credentials and the shared HTTP client of the registered adapters (resolved once, lazily).</summary>
internal sealed class AwsEnvironment : IDisposable
{
    private readonly Lazy<string> _region;
    private readonly Lazy<AWSCredentials> _credentials;

    public AwsEnvironment(IOptions<AirlineAwsOptions> options)
    {
        var value = options.Value;
        _region = new Lazy<string>(() => AwsCredentialResolver.ResolveRegion(value.Region));
        _credentials = new Lazy<AWSCredentials>(() => AwsCredentialResolver.Resolve(value.Profile));

        // Attempts carry their own timeout; connections are recycled so DNS changes are seen.
        HttpClient = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string Region => _region.Value;

    public AWSCredentials Credentials => _credentials.Value;

    public HttpClient HttpClient { get; }

    public void Dispose() => HttpClient.Dispose();
}
