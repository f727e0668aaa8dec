using System.Globalization;
using System.Text.Json.Nodes;
using Airline.Pipeline.Aws.Storage;

namespace Airline.Pipeline.Samples.AirlineIngestion.Local;

/// <summary>The EventBridge "Object Created" event S3 sends for a new object (the shape AWS documents).</summary>
internal static class S3Events
{
    public static string ObjectCreated(ObjectInfo file, DateTimeOffset time, Guid id) => new JsonObject
    {
        ["version"] = "0",
        ["id"] = id.ToString(),
        ["detail-type"] = "Object Created",
        ["source"] = "aws.s3",
        ["account"] = SampleNames.Account,
        ["time"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["region"] = SampleNames.Region,
        ["resources"] = new JsonArray($"arn:aws:s3:::{file.Bucket}"),
        ["detail"] = new JsonObject
        {
            ["version"] = "0",
            ["bucket"] = new JsonObject { ["name"] = file.Bucket },
            ["object"] = new JsonObject
            {
                ["key"] = file.Key,
                ["size"] = file.Size,
                ["etag"] = file.ETag,
                ["sequencer"] = file.LastModified.UtcTicks.ToString("X16", CultureInfo.InvariantCulture),
            },
            ["request-id"] = id.ToString("N")[..16].ToUpperInvariant(),
            ["requester"] = SampleNames.Account,
            ["source-ip-address"] = "127.0.0.1",
            ["reason"] = "PutObject",
        },
    }.ToJsonString();
}
