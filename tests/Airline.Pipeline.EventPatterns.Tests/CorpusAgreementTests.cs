using Airline.Pipeline.EventPatterns.Matching;
using Xunit.Abstractions;

namespace Airline.Pipeline.EventPatterns.Tests;

/// <summary>The shared corpora: AWS's own answers, and event-ruler's (the engine behind EventBridge).</summary>
public sealed class CorpusAgreementTests(ITestOutputHelper output)
{
    /// <summary>
    /// event-ruler accepts these and AWS documents otherwise; AWS wins. Each entry gives the reason.
    /// </summary>
    private static readonly Dictionary<string, string> ValidityExceptions = new(StringComparer.Ordinal);

    [Fact]
    public void AwsVerified_EveryCase_AgreesWithAws() =>
        AssertEveryCaseAgrees("aws-verified.jsonl", 155, c => $"pattern {c.Pattern}", shown: int.MaxValue);

    [Fact]
    public void EventRulerCases_EveryCase_GivesTheEngineAnswer() =>
        AssertEveryCaseAgrees("event-ruler-cases.jsonl", 3854, c => $"pattern {c.Pattern} event {c.Event}", shown: 40);

    private void AssertEveryCaseAgrees(string file, int expectedCount, Func<CorpusCase, string> describe, int shown)
    {
        var cases = CorpusCase.Load(file);
        var failures = new List<string>();
        var agreed = 0;
        foreach (var c in cases)
        {
            var actual = Answer(c);
            if (actual == c.Expected)
            {
                agreed++;
            }
            else
            {
                failures.Add($"{c.Id}: expected {c.Expected}, got {actual}; {describe(c)}");
            }
        }

        output.WriteLine($"{file}: {agreed}/{cases.Count} agree");
        failures.Take(shown).ToList().ForEach(output.WriteLine);
        failures.Should().BeEmpty();
        cases.Should().HaveCount(expectedCount);
    }

    [Fact]
    public void EventRulerValidity_EveryPattern_AgreesOrIsAListedException()
    {
        var cases = CorpusCase.Load("event-ruler-validity.jsonl");
        var failures = new List<string>();
        var agreed = 0;
        var excepted = 0;
        foreach (var c in cases)
        {
            var problems = EventPattern.Validate(c.Pattern);
            var actual = problems.Count == 0 ? "valid" : "error";
            if (actual == c.Expected)
            {
                agreed++;
            }
            else if (ValidityExceptions.ContainsKey(c.Id))
            {
                excepted++;
            }
            else
            {
                failures.Add($"{c.Id}: expected {c.Expected}, got {actual} ({string.Join("; ", problems)}); pattern {c.Pattern}");
            }
        }

        output.WriteLine($"event-ruler-validity.jsonl: {agreed}/{cases.Count} agree, {excepted} listed exceptions (AWS documentation wins)");
        failures.ForEach(output.WriteLine);
        failures.Should().BeEmpty();
    }

    private static string Answer(CorpusCase c)
    {
        var problems = EventPattern.Validate(c.Pattern);
        if (problems.Count > 0)
        {
            return "error";
        }

        return EventMatcher.Matches(EventPattern.Parse(c.Pattern), c.Event) ? "true" : "false";
    }
}
