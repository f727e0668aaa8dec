using Airline.Pipeline.EventPatterns.Building;
using Airline.Pipeline.EventPatterns.Matching;
using Airline.Pipeline.EventPatterns.Presets;
using Airline.Pipeline.EventPatterns.Rules;

namespace Airline.Pipeline.EventPatterns.Tests;

/// <summary>The code of docs/readme/EventPatterns.md, compiled and run so the README cannot rot.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void SeedRule1_Builder_ProducesTheReadmeJson()
    {
        var rule = EventPattern.Builder()
            .Source("aws.s3")
            .DetailType("Object Created")
            .Path("detail.bucket.name", Match.Exact("fo-to-dw-orders-landing-area"))
            .Path("detail.object.key", Match.Prefix("batch-completion/"))
            .Build();

        rule.ToJson().Should().Be(
            """{"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"bucket":{"name":["fo-to-dw-orders-landing-area"]},"object":{"key":[{"prefix":"batch-completion/"}]}}}""");
        EventPresets.S3ObjectCreated("fo-to-dw-orders-landing-area", prefix: "batch-completion/").Should().Be(rule);
    }

    [Fact]
    public void SeedRule2_Builder_ProducesTheReadmeJson()
    {
        var rule = EventPattern.Builder()
            .Source("aws.s3")
            .DetailType("AWS API Call via CloudTrail")
            .Detail(d => d
                .Field("eventSource", "s3.amazonaws.com")
                .Field("eventName", "PutObject")
                .Path("requestParameters.bucketName", Match.Exact("fo-to-dw-orders-landing-area"))
                .Path("requestParameters.key", Match.Suffix(".csv")))
            .Build();

        rule.ToJson().Should().Be(
            """{"source":["aws.s3"],"detail-type":["AWS API Call via CloudTrail"],"detail":{"eventSource":["s3.amazonaws.com"],"eventName":["PutObject"],"requestParameters":{"bucketName":["fo-to-dw-orders-landing-area"],"key":[{"suffix":".csv"}]}}}""");
        EventPresets.CloudTrailS3PutObject("fo-to-dw-orders-landing-area", suffix: ".csv").Should().Be(rule);
    }

    [Fact]
    public void SeedRule3_Builder_ProducesTheReadmeJson()
    {
        var rule = EventPattern.Builder()
            .Or(
                job => job
                    .Source("aws.glue")
                    .DetailType("Glue Job State Change")
                    .Detail(d => d.Field("jobName", "orders_staging_audit_load").Field("state", "SUCCEEDED")),
                file => file
                    .Source("aws.s3")
                    .DetailType("Object Created")
                    .Path("detail.bucket.name", Match.Exact("fo-to-dw-orders-landing-area"))
                    .Path("detail.object.key", Match.Prefix("batch-completion/")))
            .Build();

        rule.ToJson().Should().Be(
            """{"$or":[{"source":["aws.glue"],"detail-type":["Glue Job State Change"],"detail":{"jobName":["orders_staging_audit_load"],"state":["SUCCEEDED"]}},{"source":["aws.s3"],"detail-type":["Object Created"],"detail":{"bucket":{"name":["fo-to-dw-orders-landing-area"]},"object":{"key":[{"prefix":"batch-completion/"}]}}}]}""");
        SeedRules.OrdersInfiniteLoop.Should().Be(rule);
    }

    // "Test your rule without AWS": the example as it appears in the README.
    [Fact]
    public void OrdersRule_FiresOnABatchCompletionFile_NotOnOtherFolders()
    {
        var rule = EventPattern.Parse(File.ReadAllText("rules/orders-eventbridge-rule.json"));

        rule.Matches(S3Event("fo-to-dw-orders-landing-area", "batch-completion/2026-11-22.done")).Should().BeTrue();
        rule.Matches(S3Event("fo-to-dw-orders-landing-area", "orders/part-0001.parquet")).Should().BeFalse();
        rule.Matches(S3Event("some-other-bucket", "batch-completion/2026-11-22.done")).Should().BeFalse();
    }

    private static string S3Event(string bucket, string key) => $$$"""
        {"version":"0","id":"1","detail-type":"Object Created","source":"aws.s3","account":"111122223333",
         "time":"2026-11-22T00:00:00Z","region":"us-east-1","resources":["arn:aws:s3:::{{{bucket}}}"],
         "detail":{"bucket":{"name":"{{{bucket}}}"},"object":{"key":"{{{key}}}","size":5},"reason":"PutObject"}}
        """;

    [Fact]
    public void ManyRules_CompileOnce_MatchByName()
    {
        var matcher = EventMatcher.Compile(
            ("orders-eventbridge-rule", SeedRules.OrdersBatchCompletion),
            ("orders-infinite-loop-rule", SeedRules.OrdersInfiniteLoop));

        matcher.Match(S3Event("fo-to-dw-orders-landing-area", "batch-completion/x")).Should().Equal("orders-eventbridge-rule", "orders-infinite-loop-rule");
    }

    [Fact]
    public void Deploy_CloudFormationSnippet_KeepsThePatternAsAnObject()
    {
        var cfn = new EventRuleDescription("orders-infinite-loop-rule", SeedRules.OrdersInfiniteLoop)
        {
            Targets = [new EventRuleTarget("orders-workflow", "arn:aws:glue:us-east-1:123456789012:workflow/orders-workflow", "arn:aws:iam::123456789012:role/orders-events")],
        }.ToCloudFormationYaml("OrdersInfiniteLoopRule");

        cfn.Should().Contain("EventPattern: {\"$or\":[");
    }
}
