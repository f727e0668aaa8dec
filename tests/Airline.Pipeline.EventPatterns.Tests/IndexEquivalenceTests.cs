using System.Globalization;
using Airline.Pipeline.EventPatterns.Matching;
using FsCheck;
using FsCheck.Fluent;

namespace Airline.Pipeline.EventPatterns.Tests;

/// <summary>The many-rule indexes (ranges, wildcards, CIDRs) give the same answers as testing each rule alone.</summary>
public sealed class IndexEquivalenceTests
{
    [Fact]
    public void ManyRules_AgreeWithEachRuleMatchedAlone()
    {
        Prop.ForAll(
                ArbMap.Default.ArbFor<int>(),
                seed =>
                {
                    var random = new Random(seed);
                    var rules = Enumerable.Range(0, 40).Select(i => ("r" + i, EventPattern.Parse(RandomRule(random)))).ToArray();
                    var matcher = EventMatcher.Compile(rules);
                    for (var e = 0; e < 20; e++)
                    {
                        var @event = RandomEvent(random);
                        var expected = rules.Where(r => r.Item2.Matches(@event)).Select(r => r.Item1);
                        matcher.Match(@event).Should().BeEquivalentTo(expected, "event {0}", @event);
                    }

                    return true;
                })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(20));
    }

    private static string RandomRule(Random random) => random.Next(6) switch
    {
        4 => $$"""{"s":[{"anything-but":["{{"abc"[random.Next(3)]}}","ab"]},{"anything-but":"{{"abc"[random.Next(3)]}}"}]}""",
        5 => $$"""{"n":[{"anything-but":[{{random.Next(-5, 5)}},{{random.Next(-5, 5)}}.0]}]}""",
        0 => $$"""{"n":[{"numeric":[">{{(random.Next(2) == 0 ? "=" : "")}}",{{random.Next(-20, 20)}},"<{{(random.Next(2) == 0 ? "=" : "")}}",{{random.Next(21, 40)}}]}]}""",
        1 => $$"""{"n":[{"numeric":["{{(random.Next(2) == 0 ? "<" : ">=")}}",{{(random.Next(-400, 400) / 10.0).ToString(CultureInfo.InvariantCulture)}}]}]}""",
        2 => $$"""{"s":[{"wildcard":"{{(random.Next(3) == 0 ? "" : "a")}}*{{"ab"[random.Next(2)]}}*"}]}""",
        _ => $$"""{"ip":[{"cidr":"10.{{random.Next(3)}}.0.0/{{random.Next(8, 17)}}"}]}""",
    };

    private static string RandomEvent(Random random) =>
        $$"""{"n":{{(random.Next(3) == 0 ? random.Next(-5, 5) : random.Next(-500, 500) / 10.0).ToString(CultureInfo.InvariantCulture)}},"s":"{{new string([.. Enumerable.Range(0, random.Next(5)).Select(_ => "abc"[random.Next(3)])])}}","ip":"10.{{random.Next(3)}}.{{random.Next(3)}}.1"}""";
}
