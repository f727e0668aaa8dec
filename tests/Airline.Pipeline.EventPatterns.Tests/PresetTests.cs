using Airline.Pipeline.EventPatterns.Presets;

namespace Airline.Pipeline.EventPatterns.Tests;

public sealed class PresetTests
{
    [Fact]
    public void S3ObjectCreated_MatchesTheDocumentationSample()
    {
        var pattern = EventPresets.S3ObjectCreated("DOC-EXAMPLE-BUCKET1", prefix: "example", minSize: 1, maxSize: 1024, reasons: ["PutObject"]);

        pattern.Matches(SampleEvents.S3ObjectCreated).Should().BeTrue();
        pattern.ToJson().Should().Contain("\"size\":[{\"numeric\":[\">=\",1,\"<=\",1024]}]");
    }

    [Fact]
    public void S3ObjectCreated_WithPrefixAndSuffix_NeedsBoth()
    {
        var pattern = EventPresets.S3ObjectCreated("b", prefix: "in/*", suffix: ".csv");

        pattern.ToJson().Should().Contain("{\"wildcard\":\"in/\\\\**.csv\"}");
        pattern.Matches(SampleEvents.S3ObjectCreatedAt("b", "in/*/x.csv")).Should().BeTrue();
        pattern.Matches(SampleEvents.S3ObjectCreatedAt("b", "in/x.csv")).Should().BeFalse("the * of the prefix is a literal");
        pattern.Matches(SampleEvents.S3ObjectCreatedAt("b", "in/*/x.txt")).Should().BeFalse();
    }

    [Theory]
    [InlineData(5L, null, true)]
    [InlineData(6L, null, false)]
    [InlineData(null, 4L, false)]
    [InlineData(null, 5L, true)]
    public void S3ObjectCreated_SizeBounds_AreInclusive(long? min, long? max, bool expected) =>
        EventPresets.S3ObjectCreated("DOC-EXAMPLE-BUCKET1", minSize: min, maxSize: max).Matches(SampleEvents.S3ObjectCreated).Should().Be(expected);

    [Fact]
    public void S3ObjectCreated_OtherReason_DoesNotMatch() =>
        EventPresets.S3ObjectCreated("DOC-EXAMPLE-BUCKET1", reasons: ["CopyObject"]).Matches(SampleEvents.S3ObjectCreated).Should().BeFalse();

    [Fact]
    public void CloudTrailS3ObjectWrite_MatchesTheDocumentationSample()
    {
        EventPresets.CloudTrailS3ObjectWrite("username-sfn-tutorial", suffix: ".png").Matches(SampleEvents.CloudTrailPutObject).Should().BeTrue();
        EventPresets.CloudTrailS3PutObject("username-sfn-tutorial", prefix: "test").Matches(SampleEvents.CloudTrailPutObject).Should().BeTrue();
        EventPresets.CloudTrailS3ObjectWrite("username-sfn-tutorial", eventNames: ["CompleteMultipartUpload"]).Matches(SampleEvents.CloudTrailPutObject).Should().BeFalse();
        EventPresets.CloudTrailS3ObjectWrite("username-sfn-tutorial", suffix: ".csv").Matches(SampleEvents.CloudTrailPutObject).Should().BeFalse();
    }

    [Fact]
    public void CloudTrailS3ObjectWrite_CompleteMultipartUpload_IsIncludedByDefault() =>
        EventPresets.CloudTrailS3ObjectWrite("b").Matches(SampleEvents.CloudTrailPutObjectAt("b", "big.parquet", "CompleteMultipartUpload")).Should().BeTrue();

    [Fact]
    public void GlueJobStateChange_MatchesItsJobAndStates()
    {
        var pattern = EventPresets.GlueJobStateChange(["orders_landing_to_staging", "orders_staging_audit_load"], "FAILED", "TIMEOUT");

        pattern.Matches(SampleEvents.GlueJobStateChange("orders_landing_to_staging", "FAILED")).Should().BeTrue();
        pattern.Matches(SampleEvents.GlueJobStateChange("orders_staging_audit_load", "TIMEOUT")).Should().BeTrue();
        pattern.Matches(SampleEvents.GlueJobStateChange("orders_staging_audit_load", "SUCCEEDED")).Should().BeFalse();
        EventPresets.GlueJobStateChange("orders_landing_to_staging").Matches(SampleEvents.GlueJobStateChange("orders_landing_to_staging", "RUNNING")).Should().BeTrue("no states means any state");
    }

    [Fact]
    public void GlueCrawlerStateChange_MatchesItsCrawlerAndStates()
    {
        var pattern = EventPresets.GlueCrawlerStateChange("orders-landing-area-crawler", "Succeeded");

        pattern.Matches(SampleEvents.GlueCrawlerStateChange("orders-landing-area-crawler", "Succeeded")).Should().BeTrue();
        pattern.Matches(SampleEvents.GlueCrawlerStateChange("orders-landing-area-crawler", "Failed")).Should().BeFalse();
        pattern.Matches(SampleEvents.GlueCrawlerStateChange("orders-staging-area-crawler", "Succeeded")).Should().BeFalse();
        pattern.Matches(SampleEvents.GlueJobStateChange("orders-landing-area-crawler", "Succeeded")).Should().BeFalse("a job event is not a crawler event");
    }

    [Fact]
    public void JobSucceededOrObjectCreated_IsOneOrOfTheTwoPresets()
    {
        var pattern = EventPresets.JobSucceededOrObjectCreated("job", "bucket", "in/");

        pattern.ToJson().Should().StartWith("{\"$or\":[");
        pattern.Matches(SampleEvents.GlueJobStateChange("job", "SUCCEEDED")).Should().BeTrue();
        pattern.Matches(SampleEvents.S3ObjectCreatedAt("bucket", "in/x")).Should().BeTrue();
        pattern.Matches(SampleEvents.GlueJobStateChange("job", "FAILED")).Should().BeFalse();
    }
}
