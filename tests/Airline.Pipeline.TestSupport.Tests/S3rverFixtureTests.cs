using System.Text;
using Airline.Pipeline.TestSupport;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Airline.Pipeline.TestSupport.Tests;

public sealed class S3rverFixtureTests
{
    [Fact]
    public async Task PutObject_then_GetObject_round_trips_through_s3rver()
    {
        using var s3 = new AmazonS3Client(
            new BasicAWSCredentials(LocalAwsEndpoints.S3AccessKey, LocalAwsEndpoints.S3SecretKey),
            new AmazonS3Config { ServiceURL = LocalAwsEndpoints.S3.ToString(), ForcePathStyle = true, AuthenticationRegion = LocalAwsEndpoints.Region });
        var bucket = LocalAwsEndpoints.UniqueBucketName();
        await s3.PutBucketAsync(bucket);

        const string body = "Carrier,OriginAirportID\nAA,10397\n";
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = "incoming/flights.csv",
            ContentBody = body,
            // AWSSDK.S3 4.x signs bodies as aws-chunked by default; s3rver would store the chunk framing.
            UseChunkEncoding = false,
        });

        using var response = await s3.GetObjectAsync(bucket, "incoming/flights.csv");
        using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
        (await reader.ReadToEndAsync()).Should().Be(body);
    }
}
