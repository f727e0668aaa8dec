namespace Airline.Pipeline.Aws.Ledger;

/// <summary>One processed object, identified by bucket, key and ETag (a new version of a key is a new file).</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Key">The key (as it landed).</param>
/// <param name="ETag">The ETag without quotes.</param>
/// <param name="ProcessedAt">When processing finished.</param>
/// <param name="RunId">The pipeline run that processed it, if known.</param>
public sealed record ProcessedFile(string Bucket, string Key, string ETag, DateTimeOffset ProcessedAt, string? RunId = null)
{
    internal string Identity => $"s3://{Bucket}/{Key}#{ETag}";

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Bucket, nameof(Bucket));
        ArgumentException.ThrowIfNullOrEmpty(Key, nameof(Key));
        ArgumentException.ThrowIfNullOrWhiteSpace(ETag, nameof(ETag));
    }
}
