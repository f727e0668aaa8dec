using System.Text;
using Airline.Pipeline.EventPatterns.Building;
using Airline.Pipeline.EventPatterns.Model;

namespace Airline.Pipeline.EventPatterns.Presets;

/// <summary>Patterns for the events data pipelines start from: S3 Object Created, CloudTrail S3 writes, Glue job and crawler state changes.</summary>
public static class EventPresets
{
    /// <summary>
    /// S3 "Object Created" delivered by EventBridge notifications (enable them on the bucket). With both a prefix
    /// and a suffix the key is matched by one wildcard, since a leaf's entries are alternatives.
    /// </summary>
    /// <param name="bucket">Bucket name.</param>
    /// <param name="prefix">Key prefix such as <c>batch-completion/</c>.</param>
    /// <param name="suffix">Key suffix such as <c>.csv</c>.</param>
    /// <param name="minSize">Smallest object size in bytes (inclusive).</param>
    /// <param name="maxSize">Largest object size in bytes (inclusive).</param>
    /// <param name="reasons">Creation reasons: <c>PutObject</c>, <c>POST Object</c>, <c>CopyObject</c>, <c>CompleteMultipartUpload</c>.</param>
    public static EventPattern S3ObjectCreated(
        string bucket,
        string? prefix = null,
        string? suffix = null,
        long? minSize = null,
        long? maxSize = null,
        IEnumerable<string>? reasons = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        return EventPattern.Builder()
            .Source("aws.s3")
            .DetailType("Object Created")
            .Detail(d =>
            {
                d.Path("bucket.name", Match.Exact(bucket));
                var key = KeyMatcher(prefix, suffix);
                if (key is not null)
                {
                    d.Path("object.key", key);
                }

                var size = SizeMatcher(minSize, maxSize);
                if (size is not null)
                {
                    d.Path("object.size", size);
                }

                var reasonList = reasons?.ToArray() ?? [];
                if (reasonList.Length > 0)
                {
                    d.Field("reason", reasonList);
                }
            })
            .Build();
    }

    /// <summary>
    /// CloudTrail "AWS API Call via CloudTrail" for S3 object writes (needs a trail with S3 data events): the
    /// bucket in <c>requestParameters.bucketName</c>, the key in <c>requestParameters.key</c>.
    /// </summary>
    /// <param name="bucket">Bucket name.</param>
    /// <param name="prefix">Key prefix.</param>
    /// <param name="suffix">Key suffix such as <c>.csv</c>.</param>
    /// <param name="eventNames">API calls; <c>PutObject</c> and <c>CompleteMultipartUpload</c> by default.</param>
    public static EventPattern CloudTrailS3ObjectWrite(string bucket, string? prefix = null, string? suffix = null, IEnumerable<string>? eventNames = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        var names = eventNames?.ToArray() ?? ["PutObject", "CompleteMultipartUpload"];
        return EventPattern.Builder()
            .Source("aws.s3")
            .DetailType("AWS API Call via CloudTrail")
            .Detail(d =>
            {
                d.Field("eventSource", "s3.amazonaws.com");
                d.Field("eventName", names);
                d.Path("requestParameters.bucketName", Match.Exact(bucket));
                var key = KeyMatcher(prefix, suffix);
                if (key is not null)
                {
                    d.Path("requestParameters.key", key);
                }
            })
            .Build();
    }

    /// <summary>CloudTrail PutObject only: <see cref="CloudTrailS3ObjectWrite"/> with <c>eventName</c> PutObject.</summary>
    public static EventPattern CloudTrailS3PutObject(string bucket, string? prefix = null, string? suffix = null) =>
        CloudTrailS3ObjectWrite(bucket, prefix, suffix, ["PutObject"]);

    /// <summary>"Glue Job State Change" for the jobs, in the states (SUCCEEDED, FAILED, TIMEOUT, STOPPED...; all when none given).</summary>
    public static EventPattern GlueJobStateChange(IEnumerable<string> jobNames, params string[] states)
    {
        var jobs = jobNames?.ToArray() ?? throw new ArgumentNullException(nameof(jobNames));
        return EventPattern.Builder()
            .Source("aws.glue")
            .DetailType("Glue Job State Change")
            .Detail(d =>
            {
                d.Field("jobName", jobs);
                if (states.Length > 0)
                {
                    d.Field("state", states);
                }
            })
            .Build();
    }

    /// <summary>"Glue Job State Change" for one job.</summary>
    public static EventPattern GlueJobStateChange(string jobName, params string[] states) => GlueJobStateChange([jobName], states);

    /// <summary>"Glue Crawler State Change" for the crawlers, in the states (Started, Succeeded, Failed; all when none given).</summary>
    public static EventPattern GlueCrawlerStateChange(IEnumerable<string> crawlerNames, params string[] states)
    {
        var crawlers = crawlerNames?.ToArray() ?? throw new ArgumentNullException(nameof(crawlerNames));
        return EventPattern.Builder()
            .Source("aws.glue")
            .DetailType("Glue Crawler State Change")
            .Detail(d =>
            {
                d.Field("crawlerName", crawlers);
                if (states.Length > 0)
                {
                    d.Field("state", states);
                }
            })
            .Build();
    }

    /// <summary>"Glue Crawler State Change" for one crawler.</summary>
    public static EventPattern GlueCrawlerStateChange(string crawlerName, params string[] states) => GlueCrawlerStateChange([crawlerName], states);

    /// <summary>
    /// The seeds' continuous-loop rule: the Glue job finished (SUCCEEDED) <em>or</em> a file landed under the
    /// prefix, as one <c>$or</c> pattern.
    /// </summary>
    public static EventPattern JobSucceededOrObjectCreated(string jobName, string bucket, string prefix) =>
        EventPattern.Builder()
            .Or(GlueJobStateChange(jobName, "SUCCEEDED"), S3ObjectCreated(bucket, prefix))
            .Build();

    private static ValueMatcher? KeyMatcher(string? prefix, string? suffix) => (prefix, suffix) switch
    {
        (null, null) => null,
        ({ } p, null) => Match.Prefix(p),
        (null, { } s) => Match.Suffix(s),
        ({ } p, { } s) => Match.Wildcard(EscapeWildcard(p) + "*" + EscapeWildcard(s)),
    };

    private static ValueMatcher? SizeMatcher(long? min, long? max) => (min, max) switch
    {
        (null, null) => null,
        ({ } lo, null) => Match.GreaterThanOrEqual(lo),
        (null, { } hi) => Match.LessThanOrEqual(hi),
        ({ } lo, { } hi) when lo == hi => Match.NumericEquals(lo),
        ({ } lo, { } hi) => Match.Numeric(NumericOperator.GreaterThanOrEqual, lo, NumericOperator.LessThanOrEqual, hi),
    };

    private static string EscapeWildcard(string literal)
    {
        var builder = new StringBuilder(literal.Length);
        foreach (var c in literal)
        {
            if (c is '*' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
