namespace Airline.Pipeline.EventPatterns.Tests;

/// <summary>EventBridge's matching rules, one row each.</summary>
public sealed class MatcherSemanticsTests
{
    [Theory]
    // JSON types: "5" is not 5, true is not "true", null is not "".
    [InlineData("""{"x":["5"]}""", """{"x":5}""", false)]
    [InlineData("""{"x":[5]}""", """{"x":"5"}""", false)]
    [InlineData("""{"x":[true]}""", """{"x":"true"}""", false)]
    [InlineData("""{"x":[null]}""", """{"x":""}""", false)]
    [InlineData("""{"x":[""]}""", """{"x":null}""", false)]
    [InlineData("""{"x":[null]}""", """{"x":null}""", true)]
    // Numbers by value.
    [InlineData("""{"x":[300]}""", """{"x":300.0}""", true)]
    [InlineData("""{"x":[300]}""", """{"x":3.0e2}""", true)]
    [InlineData("""{"x":[{"numeric":["=",3.018e2]}]}""", """{"x":301.8}""", true)]
    [InlineData("""{"x":[{"numeric":[">",0,"<=",5]}]}""", """{"x":5}""", true)]
    [InlineData("""{"x":[{"numeric":[">",0,"<=",5]}]}""", """{"x":0}""", false)]
    [InlineData("""{"x":[{"numeric":[">",0]}]}""", """{"x":"7"}""", false)]
    // Arrays: any element; nested arrays flattened; [] is absent.
    [InlineData("""{"x":["b"]}""", """{"x":["a","b"]}""", true)]
    [InlineData("""{"x":["c"]}""", """{"x":[["a"],["b",["c"]]]}""", true)]
    [InlineData("""{"x":[{"exists":true}]}""", """{"x":[]}""", false)]
    [InlineData("""{"x":[{"exists":false}]}""", """{"x":[]}""", true)]
    // Array consistency: fields from different objects of one array never combine.
    [InlineData("""{"a":{"b":["1"],"c":["2"]}}""", """{"a":[{"b":"1","c":"2"}]}""", true)]
    [InlineData("""{"a":{"b":["1"],"c":["2"]}}""", """{"a":[{"b":"1"},{"c":"2"}]}""", false)]
    // exists on leaves: an object counts as missing, null as present.
    [InlineData("""{"x":[{"exists":true}]}""", """{"x":{"y":1}}""", false)]
    [InlineData("""{"x":[{"exists":false}]}""", """{"x":{"y":1}}""", true)]
    [InlineData("""{"x":[{"exists":true}]}""", """{"x":null}""", true)]
    // anything-but: never a missing field; does match null.
    [InlineData("""{"x":[{"anything-but":"a"}]}""", """{"y":"b"}""", false)]
    [InlineData("""{"x":[{"anything-but":"a"}]}""", """{"x":null}""", true)]
    [InlineData("""{"x":[{"anything-but":[1,2]}]}""", """{"x":2.0}""", false)]
    [InlineData("""{"x":[{"anything-but":{"prefix":"in"}}]}""", """{"x":"out"}""", true)]
    [InlineData("""{"x":[{"anything-but":{"equals-ignore-case":["A"]}}]}""", """{"x":"a"}""", false)]
    // prefix "" matches any string, but not a number.
    [InlineData("""{"x":[{"prefix":""}]}""", """{"x":"anything"}""", true)]
    [InlineData("""{"x":[{"prefix":""}]}""", """{"x":1}""", false)]
    [InlineData("""{"x":[{"prefix":{"equals-ignore-case":"EventB"}}]}""", """{"x":"eventbridge"}""", true)]
    [InlineData("""{"x":[{"suffix":{"equals-ignore-case":".png"}}]}""", """{"x":"A.PNG"}""", true)]
    [InlineData("""{"x":[{"equals-ignore-case":"straße"}]}""", """{"x":"STRAßE"}""", true)]
    [InlineData("""{"x":[{"equals-ignore-case":"ÉTÉ"}]}""", """{"x":"été"}""", true)]
    // Wildcards with escapes.
    [InlineData("""{"x":[{"wildcard":"a*c"}]}""", """{"x":"abbbc"}""", true)]
    [InlineData("""{"x":[{"wildcard":"a\\*c"}]}""", """{"x":"abc"}""", false)]
    [InlineData("""{"x":[{"wildcard":"a\\*c"}]}""", """{"x":"a*c"}""", true)]
    [InlineData("""{"x":[{"wildcard":"a\\\\c*"}]}""", """{"x":"a\\cd"}""", true)]
    [InlineData("""{"x":[{"wildcard":"*/dir/*"}]}""", """{"x":"/a/dir/b"}""", true)]
    // CIDR, IPv4 and IPv6.
    [InlineData("""{"x":[{"cidr":"10.0.0.0/24"}]}""", """{"x":"10.0.0.255"}""", true)]
    [InlineData("""{"x":[{"cidr":"10.0.0.0/24"}]}""", """{"x":"10.0.1.0"}""", false)]
    [InlineData("""{"x":[{"cidr":"2001:db8:1234:1a00::/64"}]}""", """{"x":"2001:db8:1234:1a00::10"}""", true)]
    [InlineData("""{"x":[{"cidr":"2001:db8:1234:1a00::/64"}]}""", """{"x":"2001:db8:1234:1a01::10"}""", false)]
    // Dotted keys equal nesting, both ways; unnamed fields are ignored.
    [InlineData("""{"detail":{"state.status":["running"]}}""", """{"detail":{"state":{"status":"running"},"other":1}}""", true)]
    [InlineData("""{"detail":{"state":{"status":["running"]}}}""", """{"detail":{"state.status":"running"}}""", true)]
    // $or nested and side by side.
    [InlineData("""{"$or":[{"a":[1]},{"b":[2]}],"c":{"$or":[{"d":[3]},{"e":[4]}]}}""", """{"b":2,"c":{"e":4}}""", true)]
    [InlineData("""{"$or":[{"a":[1]},{"b":[2]}],"c":{"$or":[{"d":[3]},{"e":[4]}]}}""", """{"b":2,"c":{"e":5}}""", false)]
    public void Matches_FollowsEventBridge(string pattern, string @event, bool expected) =>
        EventPattern.Parse(pattern).Matches(@event).Should().Be(expected);

    [Fact]
    public void Match_EventThatIsNotJson_ThrowsWithItsPosition()
    {
        var act = () => EventPattern.Parse("""{"x":["a"]}""").Matches("{\"x\": ");

        act.Should().Throw<ArgumentException>().WithMessage("*not valid JSON*line 1*");
    }
}
