namespace Airline.Pipeline.TestSupport;

/// <summary>
/// The AWS emulators <c>./build.sh test</c> starts: s3rver (S3) and dynalite (DynamoDB), with the
/// credentials they accept. The credentials are emulator defaults, not secrets.
/// </summary>
public static class LocalAwsEndpoints
{
    /// <summary>s3rver's built-in access key (it checks signatures against it).</summary>
    public const string S3AccessKey = "S3RVER";

    /// <summary>s3rver's built-in secret key.</summary>
    public const string S3SecretKey = "S3RVER";

    /// <summary>dynalite accepts any key; these name the tests in its logs.</summary>
    public const string DynamoDbAccessKey = "airline-tests";

    /// <summary>dynalite accepts any secret.</summary>
    public const string DynamoDbSecretKey = "airline-tests";

    /// <summary>Region the emulators are addressed in.</summary>
    public const string Region = "us-east-1";

    /// <summary>s3rver's service URL.</summary>
    public static Uri S3 => TestEnvironment.S3Endpoint;

    /// <summary>dynalite's service URL.</summary>
    public static Uri DynamoDb => TestEnvironment.DynamoDbEndpoint;

    /// <summary>A bucket name unique to one test.</summary>
    public static string UniqueBucketName(string prefix = "test") =>
        $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();

    /// <summary>A DynamoDB table name unique to one test.</summary>
    public static string UniqueTableName(string prefix = "test") => $"{prefix}-{Guid.NewGuid():N}";
}
