using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Aws.Tests.Support;

/// <summary>An AWSSDK.DynamoDBv2 client for dynalite, as the build script starts it.</summary>
public static class DynamoDbEmulator
{
    public static AmazonDynamoDBClient CreateClient() => new(
        new BasicAWSCredentials(LocalAwsEndpoints.DynamoDbAccessKey, LocalAwsEndpoints.DynamoDbSecretKey),
        new AmazonDynamoDBConfig { ServiceURL = LocalAwsEndpoints.DynamoDb.ToString(), AuthenticationRegion = LocalAwsEndpoints.Region });
}
