using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Aws.Tests.Support;

/// <summary>An AWSSDK.S3 client for s3rver, as the build script starts it.</summary>
public static class S3Emulator
{
    public static AmazonS3Client CreateClient() => new(
        new BasicAWSCredentials(LocalAwsEndpoints.S3AccessKey, LocalAwsEndpoints.S3SecretKey),
        new AmazonS3Config
        {
            ServiceURL = LocalAwsEndpoints.S3.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = LocalAwsEndpoints.Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    public static async Task<string> CreateBucketAsync(IAmazonS3 s3)
    {
        var bucket = LocalAwsEndpoints.UniqueBucketName("aws");
        await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        return bucket;
    }
}
