using System.Text;
using Airline.Pipeline.EventPatterns.Model;
using Airline.Pipeline.EventPatterns.Validation;

namespace Airline.Pipeline.EventPatterns.Tests;

public sealed class ParserTests
{
    [Fact]
    public void Parse_MalformedJson_GivesLineAndColumn()
    {
        var act = () => EventPattern.Parse("{\n  \"source\": [\"aws.s3\"\n  \"detail-type\": [\"x\"]\n}");

        var problem = act.Should().Throw<EventPatternException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Line.Should().Be(3);
        problem.Column.Should().BeGreaterThan(0);
        problem.Message.Should().StartWith("Malformed JSON");
    }

    [Fact]
    public void Parse_Utf8Bytes_GivesTheSamePattern() =>
        EventPattern.Parse(Encoding.UTF8.GetBytes("""{"source":["aws.s3"]}""")).Should().Be(EventPattern.Parse("""{"source": ["aws.s3"]}"""));

    [Theory]
    [InlineData("""{"x":[3.0e2,-0.5,1E-7,100]}""")]
    [InlineData("""{"x":[{"numeric":[">",0,"<=",5.000]}]}""")]
    [InlineData("""{"x":[{"anything-but":[100,200.0]}],"y":[{"anything-but":{"prefix":["a","b"]}}]}""")]
    [InlineData("""{"a.b":[{"exists":false}],"c":{"$or":[{"d":[null]},{"e":[true,false,""]}]}}""")]
    [InlineData("""{"k":[{"wildcard":"a\\*b\\\\c*"},{"cidr":"2001:db8::/32"},{"equals-ignore-case":"É"},{"suffix":{"equals-ignore-case":".PNG"}}]}""")]
    [InlineData("""{"s":["A CamelCase string with <html> & \"quotes\" and é"]}""")]
    public void ParseWriteParse_IsIdentity_AndKeepsNumberSpelling(string json)
    {
        var once = EventPattern.Parse(json);
        var twice = EventPattern.Parse(once.ToJson());

        twice.ToJson().Should().Be(once.ToJson());
        once.ToJson().Should().Be(json);
    }

    [Fact]
    public void Write_CharactersOutsideTheBmp_SurviveTheRoundTrip()
    {
        var pattern = EventPattern.Parse("""{"s":["emoji 🚀 "]}""");

        EventPattern.Parse(pattern.ToJson()).Should().Be(pattern);
        pattern.Matches("""{"s":"emoji 🚀 "}""").Should().BeTrue();
    }

    [Fact]
    public void Parse_DuplicateKey_LastOneWins() =>
        EventPattern.Parse("""{"x":["y"],"x":["z"]}""").ToJson().Should().Be("""{"x":["z"]}""");

    [Fact]
    public void Parse_ProblemsCarryJsonPointers_AndAllAreReported()
    {
        var problems = EventPattern.Validate("""{"detail":{"a/b":[{"prefix":5}],"n":[{"numeric":[">",5,"<",1]}],"w":[{"wildcard":"a**"}],"e":[]}}""");

        problems.Select(p => p.Pointer).Should().BeEquivalentTo("/detail/a~1b/0/prefix", "/detail/n/0/numeric", "/detail/w/0/wildcard", "/detail/e");
        problems.Select(p => p.Message).Should().Contain(m => m.Contains("Bottom must be less than top", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"x":[{"numeric":[">",0,">",1]}]}""", "Bad numeric range operator")]
    [InlineData("""{"x":[{"numeric":["<>",1]}]}""", "Unrecognized numeric range operator: <>")]
    [InlineData("""{"x":[{"NUMERIC":["=",1]}]}""", "Unrecognized match type NUMERIC")]
    [InlineData("""{"x":[{"anything-but":["a",1]}]}""", "mixed type is not supported")]
    [InlineData("""{"x":[{"equals-ignore-case":["a"]}]}""", "equals-ignore-case match pattern must be a string")]
    [InlineData("""{"x":[{"cidr":"10.0.0.0/33"}]}""", "Invalid CIDR mask")]
    [InlineData("""{"x":[{"cidr":"10.0.0.300/8"}]}""", "Invalid IP address")]
    [InlineData("""{"x":[{"wildcard":"a\\b"}]}""", "Invalid escape character")]
    [InlineData("""{"$or":[{"x":["a"]}]}""", "$or needs at least 2")]
    [InlineData("""{"x":"a"}""", "Match value must be an array")]
    [InlineData("""{"x":[{"wildcard":"*:*:*:*:*:event-bus/*"}]}""", "Rule is too complex")]
    [InlineData("""[1,2,3]""", "Filter is not an object")]
    public void Validate_ReportsAwsWording(string json, string expected) =>
        EventPattern.Validate(json).Should().Contain(p => p.Message.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void Validate_PatternOverTheSizeLimit_IsRejected_UnlessTheLimitIsRaised()
    {
        var json = "{\"x\":[\"" + new string('a', 2100) + "\"]}";

        EventPattern.Validate(json).Should().ContainSingle().Which.Message.Should().Contain("maximum is 2048");
        EventPattern.Validate(json, new EventPatternValidationOptions { MaxPatternLength = 4096 }).Should().BeEmpty();
    }

    [Fact]
    public void Validate_MoreThanAThousandOrCombinations_IsRejected()
    {
        static string Or(string field) => "\"" + field + "\":{\"$or\":[" + string.Join(',', Enumerable.Range(0, 11).Select(i => $"{{\"f{i}\":[{i}]}}")) + "]}";
        var json = "{" + Or("a") + "," + Or("b") + "," + Or("c") + "}";

        EventPattern.Validate(json).Should().Contain(p => p.Message.Contains("1331 combinations", StringComparison.Ordinal));
    }

    [Fact]
    public void Model_IsTypedAsWritten()
    {
        var root = EventPattern.Parse("""{"d":{"n":[5, "5", true, null, {"anything-but":{"suffix":[".tmp"]}}]}}""").Root;

        var leaf = root.Members.Should().ContainSingle().Which.Should().BeOfType<NestedField>().Which.Value.Members.Should().ContainSingle().Which.Should().BeOfType<LeafField>().Subject;
        leaf.Matchers.Should().HaveCount(5);
        leaf.Matchers[0].Should().Be(new ExactMatcher(PatternLiteral.Number("5")));
        leaf.Matchers[1].Should().Be(new ExactMatcher(PatternLiteral.String("5")));
        leaf.Matchers[2].Should().Be(new ExactMatcher(PatternLiteral.Boolean(true)));
        leaf.Matchers[3].Should().Be(new ExactMatcher(PatternLiteral.Null));
        leaf.Matchers[4].Should().BeOfType<AnythingButMatcher>().Which.Kind.Should().Be(AnythingButKind.Suffix);
    }
}
