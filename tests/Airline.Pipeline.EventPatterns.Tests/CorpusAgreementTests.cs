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
    public void AwsVerified_EveryCase_AgreesWithAws()
    {
        var cases = CorpusCase.Load("aws-verified.jsonl");
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
                failures.Add($"{c.Id}: expected {c.Expected}, got {actual}; pattern {c.Pattern}");
            }
        }

        output.WriteLine($"aws-verified.jsonl: {agreed}/{cases.Count} agree");
        failures.ForEach(output.WriteLine);
        failures.Should().BeEmpty();
        cases.Should().HaveCount(155);
    }

    [Fact]
    public void EventRulerCases_EveryCase_GivesTheEngineAnswer()
    {
        var cases = CorpusCase.Load("event-ruler-cases.jsonl");
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
                failures.Add($"{c.Id}: expected {c.Expected}, got {actual}; pattern {c.Pattern} event {c.Event}");
            }
        }

        output.WriteLine($"event-ruler-cases.jsonl: {agreed}/{cases.Count} agree");
        failures.Take(40).ToList().ForEach(output.WriteLine);
        failures.Should().BeEmpty();
        cases.Should().HaveCount(3854);
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
