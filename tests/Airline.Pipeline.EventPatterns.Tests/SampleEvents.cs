using System.Text.Json.Nodes;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.EventPatterns.Tests;

/// <summary>Sample events: the shared AWS documentation samples, and Glue events shaped as AWS documents them.</summary>
internal static class SampleEvents
{
    public static string S3ObjectCreated => File.ReadAllText(RepositoryPaths.SharedDataPath("eventbridge", "s3-object-created.json"));

    public static string CloudTrailPutObject => File.ReadAllText(RepositoryPaths.SharedDataPath("eventbridge", "cloudtrail-s3-putobject.json"));

    /// <summary>The S3 sample with another bucket and key.</summary>
    public static string S3ObjectCreatedAt(string bucket, string key) => Edit(S3ObjectCreated, e =>
    {
        e["detail"]!["bucket"]!["name"] = bucket;
        e["detail"]!["object"]!["key"] = key;
        e["resources"] = new JsonArray("arn:aws:s3:::" + bucket);
    });

    /// <summary>The CloudTrail sample with another bucket and key.</summary>
    public static string CloudTrailPutObjectAt(string bucket, string key, string eventName = "PutObject") => Edit(CloudTrailPutObject, e =>
    {
        e["detail"]!["requestParameters"]!["bucketName"] = bucket;
        e["detail"]!["requestParameters"]!["key"] = key;
        e["detail"]!["eventName"] = eventName;
    });

    public static string GlueJobStateChange(string jobName, string state) => $$"""
        {
          "version": "0",
          "id": "a9f1a4c0-0ad2-4d5b-9f9f-3b3a8a4f7d11",
          "detail-type": "Glue Job State Change",
          "source": "aws.glue",
          "account": "123456789012",
          "time": "2026-11-22T10:00:00Z",
          "region": "us-east-1",
          "resources": [],
          "detail": {
            "jobName": "{{jobName}}",
            "severity": "INFO",
            "state": "{{state}}",
            "jobRunId": "jr_0c2b3e9b8d9c0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0",
            "message": "Job run succeeded"
          }
        }
        """;

    public static string GlueCrawlerStateChange(string crawlerName, string state) => $$"""
        {
          "version": "0",
          "id": "05efe8a2-c309-6884-a41b-3508bdcbf9ed",
          "detail-type": "Glue Crawler State Change",
          "source": "aws.glue",
          "account": "123456789012",
          "time": "2026-11-22T10:05:00Z",
          "region": "us-east-1",
          "resources": [],
          "detail": {
            "tablesCreated": "0",
            "warningMessage": "N/A",
            "partitionsUpdated": "0",
            "tablesUpdated": "0",
            "message": "Crawler Succeeded",
            "partitionsDeleted": "0",
            "partitionsCreated": "0",
            "tablesDeleted": "0",
            "crawlerName": "{{crawlerName}}",
            "state": "{{state}}"
          }
        }
        """;

    public static string Edit(string json, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(json)!;
        edit(node);
        return node.ToJsonString();
    }
}
