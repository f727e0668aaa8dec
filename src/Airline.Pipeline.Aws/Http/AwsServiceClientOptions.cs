namespace Airline.Pipeline.Aws.Http;

/// <summary>Where and how the Glue and SNS clients call their service.</summary>
public sealed record AwsServiceClientOptions
{
    /// <summary>The region, for example <c>eu-west-1</c>; also the signing region.</summary>
    public required string Region { get; init; }

    /// <summary>
    /// Overrides the endpoint (tests, VPC endpoints, other partitions). When null the regional endpoint
    /// <c>https://{service}.{region}.amazonaws.com</c> (<c>.amazonaws.com.cn</c> in China) is used.
    /// </summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>The retry policy.</summary>
    public AwsRetryOptions Retry { get; init; } = new();

    internal Uri EndpointFor(string endpointPrefix) =>
        ServiceUrl ?? new Uri(
            $"https://{endpointPrefix}.{Region}.{(Region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com")}/");
}
