namespace Airline.Pipeline.Redshift;

/// <summary>Where COPY reads from: an S3 object prefix, or a manifest file listing the objects.</summary>
/// <param name="Uri">An <c>s3://bucket/key</c> URI.</param>
/// <param name="IsManifest">True when <paramref name="Uri"/> is a manifest (renders <c>MANIFEST</c>).</param>
public sealed record S3Source(string Uri, bool IsManifest)
{
    /// <summary>Every object whose key starts with the prefix.</summary>
    public static S3Source Prefix(string uri) => new(uri, false);

    /// <summary>The objects a manifest file lists.</summary>
    public static S3Source Manifest(string uri) => new(uri, true);
}
