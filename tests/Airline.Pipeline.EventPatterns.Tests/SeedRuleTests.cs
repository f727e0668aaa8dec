using System.Text.Json.Nodes;
using Airline.Pipeline.EventPatterns.Building;
using Airline.Pipeline.EventPatterns.Presets;

namespace Airline.Pipeline.EventPatterns.Tests;

/// <summary>The three rules of the seed documents (../shared/seeds/001_*.txt), built and matched.</summary>
public sealed class SeedRuleTests
{
    private const string Bucket = "fo-to-dw-orders-landing-area";

    /// <summary>orders-eventbridge-rule, as the seed writes it.</summary>
    public const string SeedRule1 = """
        {
          "source": ["aws.s3"],
          "detail-type": ["Object Created"],
          "detail": {
            "bucket": {
              "name": ["fo-to-dw-orders-landing-area"]
            },
            "object": {
              "key": [{
                "prefix": "batch-completion/"
              }]
            }
          }
        }
        """;

    /// <summary>orders-infinite-loop-rule, as the seed writes it.</summary>
    public const string SeedRule3 = """
        {
          "$or": [{
            "detail-type": ["Glue Job State Change"],
            "source": ["aws.glue"],
            "detail": {
              "jobName": ["orders_staging_audit_load"],
              "state": ["SUCCEEDED"]
            }
          }, {
            "source": ["aws.s3"],
            "detail-type": ["Object Created"],
            "detail": {
              "bucket": {
                "name": ["fo-to-dw-orders-landing-area"]
              },
              "object": {
                "key": [{
                  "prefix": "batch-completion/"
                }]
              }
            }
          }]
        }
        """;

    [Fact]
    public void Rule1_BuiltWithTheBuilder_IsTheSeedJson()
    {
        var built = EventPattern.Builder()
            .Source("aws.s3")
            .DetailType("Object Created")
            .Path("detail.bucket.name", Match.Exact(Bucket))
            .Path("detail.object.key", Match.Prefix("batch-completion/"))
            .Build();

        built.ToJson().Should().Be(EventPattern.Parse(SeedRule1).ToJson());
        SeedRules.OrdersBatchCompletion.Should().Be(built);
    }

    [Fact]
    public void Rule3_BuiltWithTheBuilder_IsTheSeedJsonUpToKeyOrder()
    {
        var built = EventPattern.Builder()
            .Or(
                job => job.Source("aws.glue").DetailType("Glue Job State Change")
                    .Detail(d => d.Field("jobName", "orders_staging_audit_load").Field("state", "SUCCEEDED")),
                file => file.Source("aws.s3").DetailType("Object Created")
                    .Path("detail.bucket.name", Match.Exact(Bucket))
                    .Path("detail.object.key", Match.Prefix("batch-completion/")))
            .Build();

        Normalize(built.ToJson()).Should().Be(Normalize(SeedRule3));
        SeedRules.OrdersInfiniteLoop.Should().Be(built);
    }

    [Fact]
    public void Rule1_MatchesABatchCompletionFile_AndNotItsNearMisses()
    {
        var rule = EventPattern.Parse(SeedRule1);

        rule.Matches(SampleEvents.S3ObjectCreatedAt(Bucket, "batch-completion/2026-11-22.done")).Should().BeTrue();
        rule.Matches(SampleEvents.S3ObjectCreatedAt("fo-to-dw-orders-staging-area", "batch-completion/x.done")).Should().BeFalse("another bucket");
        rule.Matches(SampleEvents.S3ObjectCreatedAt(Bucket, "orders/batch-completion/x.done")).Should().BeFalse("another prefix");
        rule.Matches(SampleEvents.S3ObjectCreatedAt(Bucket, "Batch-Completion/x.done")).Should().BeFalse("prefix is case-sensitive");
        rule.Matches(SampleEvents.S3ObjectCreated).Should().BeFalse("the documentation sample is another bucket");
    }

    [Fact]
    public void Rule2_CloudTrailCsvPutObject_MatchesACsv_AndNotItsNearMisses()
    {
        var rule = SeedRules.CsvPutObject(Bucket);
        rule.ToJson().Should().Be(
            """{"source":["aws.s3"],"detail-type":["AWS API Call via CloudTrail"],"detail":{"eventSource":["s3.amazonaws.com"],"eventName":["PutObject"],"requestParameters":{"bucketName":["fo-to-dw-orders-landing-area"],"key":[{"suffix":".csv"}]}}}""");

        rule.Matches(SampleEvents.CloudTrailPutObjectAt(Bucket, "orders/2026/11/22/orders.csv")).Should().BeTrue();
        rule.Matches(SampleEvents.CloudTrailPutObjectAt("other-bucket", "orders.csv")).Should().BeFalse("another bucket");
        rule.Matches(SampleEvents.CloudTrailPutObjectAt(Bucket, "orders.csv.tmp")).Should().BeFalse("another suffix");
        rule.Matches(SampleEvents.CloudTrailPutObjectAt(Bucket, "orders.csv", "DeleteObject")).Should().BeFalse("another API call");
        rule.Matches(SampleEvents.CloudTrailPutObject).Should().BeFalse("the documentation sample is a .png in another bucket");
    }

    [Fact]
    public void Rule3_MatchesTheJobSuccessOrAFile_AndNotTheJobFailing()
    {
        var rule = EventPattern.Parse(SeedRule3);

        rule.Matches(SampleEvents.GlueJobStateChange("orders_staging_audit_load", "SUCCEEDED")).Should().BeTrue();
        rule.Matches(SampleEvents.S3ObjectCreatedAt(Bucket, "batch-completion/done")).Should().BeTrue();
        rule.Matches(SampleEvents.GlueJobStateChange("orders_staging_audit_load", "FAILED")).Should().BeFalse("FAILED instead of SUCCEEDED");
        rule.Matches(SampleEvents.GlueJobStateChange("orders_landing_audit_load", "SUCCEEDED")).Should().BeFalse("another job");
        rule.Matches(SampleEvents.S3ObjectCreatedAt("other-bucket", "batch-completion/done")).Should().BeFalse("other bucket");
        rule.Matches(SampleEvents.S3ObjectCreatedAt(Bucket, "orders/done")).Should().BeFalse("other prefix");
    }

    internal static string Normalize(string json) => Sort(JsonNode.Parse(json)!)!.ToJsonString();

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sort)]),
        null => null,
        _ => node.DeepClone(),
    };
}
