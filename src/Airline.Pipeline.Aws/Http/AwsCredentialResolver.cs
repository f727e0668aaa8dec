using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace Airline.Pipeline.Aws.Http;

/// <summary>
/// Credentials and region from AWSSDK.Core's public resolvers: the default chain (environment variables, the
/// shared profile files, container and instance roles), or a named profile.
/// </summary>
public static class AwsCredentialResolver
{
    /// <summary>Resolves credentials: the named profile when given, else the SDK's default chain.</summary>
    /// <param name="profileName">A profile in ~/.aws/credentials or ~/.aws/config, or null.</param>
    /// <returns>Credentials; they fetch and refresh their keys lazily.</returns>
    /// <exception cref="InvalidOperationException">The profile does not exist.</exception>
    public static AWSCredentials Resolve(string? profileName = null)
    {
        if (string.IsNullOrWhiteSpace(profileName))
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }

        return new CredentialProfileStoreChain().TryGetAWSCredentials(profileName, out var credentials)
            ? credentials
            : throw new InvalidOperationException(
                $"AWS profile '{profileName}' was not found in the shared credentials or config files; create it with " +
                "`aws configure --profile " + profileName + "` or remove the Profile setting to use the default chain.");
    }

    /// <summary>The region: the given one, else the SDK's fallback (AWS_REGION, AWS_DEFAULT_REGION, profile, instance).</summary>
    /// <param name="region">A configured region, or null.</param>
    /// <returns>The region's system name, for example <c>eu-west-1</c>.</returns>
    /// <exception cref="InvalidOperationException">No region is configured anywhere.</exception>
    public static string ResolveRegion(string? region = null)
    {
        if (!string.IsNullOrWhiteSpace(region))
        {
            return region;
        }

        return FallbackRegionFactory.GetRegionEndpoint()?.SystemName
            ?? throw new InvalidOperationException(
                "No AWS region is configured: set Airline:Aws:Region in configuration or the AWS_REGION environment variable.");
    }

    /// <summary>The SDK's <see cref="RegionEndpoint"/> for a region name.</summary>
    /// <param name="region">A region name.</param>
    /// <returns>The endpoint object AWSSDK clients take.</returns>
    public static RegionEndpoint RegionEndpointFor(string region) => RegionEndpoint.GetBySystemName(region);
}
