using System.Text;
using System.Text.Json;
using Airline.Pipeline.EventPatterns.Building;
using Airline.Pipeline.EventPatterns.Matching;

namespace Airline.Pipeline.EventPatterns.Tests;

public sealed class MultiRuleMatcherTests
{
    [Fact]
    public void Match_ReturnsTheNamesOfEveryMatchingRule()
    {
        var matcher = EventMatcher.Compile(
            ("s3", EventPattern.Builder().Source("aws.s3").Build()),
            ("created", EventPattern.Builder().DetailType("Object Created").Build()),
            ("glue", EventPattern.Builder().Source("aws.glue").Build()),
            ("big", EventPattern.Builder().Path("detail.object.size", Match.GreaterThan(1000)).Build()));

        matcher.Match(SampleEvents.S3ObjectCreated).Should().BeEquivalentTo("s3", "created");
        matcher.RuleNames.Should().Equal("s3", "created", "glue", "big");
    }

    [Fact]
    public void Match_AThousandRules_FindsExactlyTheRightOnes()
    {
        var rules = Enumerable.Range(0, 1000).Select(i => new KeyValuePair<string, EventPattern>(
            "rule-" + i,
            EventPattern.Builder().Path("detail.bucket.name", Match.Exact("bucket-" + i)).Path("detail.object.key", Match.Prefix("in-" + (i % 10) + "/")).Build()));
        var matcher = EventMatcher.Compile(rules);

        matcher.Match(SampleEvents.S3ObjectCreatedAt("bucket-417", "in-7/file")).Should().Equal("rule-417");
        matcher.Match(SampleEvents.S3ObjectCreatedAt("bucket-417", "in-6/file")).Should().BeEmpty();
    }

    [Fact]
    public void Match_SameNameTwice_MatchesWhenEitherPatternDoes()
    {
        var matcher = EventMatcher.Compile(new[]
        {
            KeyValuePair.Create("R1", EventPattern.Parse("""{"x":[1]}""")),
            KeyValuePair.Create("R1", EventPattern.Parse("""{"y":[2]}""")),
        });

        matcher.Match("""{"y":2}""").Should().Equal("R1");
        matcher.Match("""{"x":1,"y":2}""").Should().Equal("R1");
    }

    [Fact]
    public void Match_AcceptsTextBytesAndParsedDocuments_AndReusesTheCallersList()
    {
        var matcher = EventMatcher.Compile(EventPattern.Parse("""{"source":["aws.s3"]}"""));
        using var document = JsonDocument.Parse(SampleEvents.S3ObjectCreated);
        var results = new List<string>();

        matcher.Match(document.RootElement).Should().Equal("pattern");
        matcher.Match(Encoding.UTF8.GetBytes(SampleEvents.S3ObjectCreated), results).Should().Be(1);
        results.Should().Equal("pattern");
        matcher.MatchesAny(Encoding.UTF8.GetBytes(SampleEvents.CloudTrailPutObject)).Should().BeTrue();
    }

    [Fact]
    public void Match_FromManyThreads_GivesTheSameAnswers()
    {
        var matcher = EventMatcher.Compile(
            ("a", EventPattern.Parse("""{"detail":{"bucket":{"name":[{"prefix":"DOC"}]}}}""")),
            ("b", EventPattern.Parse("""{"detail":{"object":{"size":[{"numeric":["<",10]}]}}}""")));
        var bytes = Encoding.UTF8.GetBytes(SampleEvents.S3ObjectCreated);

        Parallel.For(0, 2000, _ => matcher.Match(bytes).Should().Equal("a", "b"));
    }
}
