using System.Text;
using Airline.Pipeline.EventPatterns.Validation;
using Airline.Pipeline.TestSupport;
using FsCheck;
using FsCheck.Fluent;

namespace Airline.Pipeline.EventPatterns.Tests;

public sealed class PropertyTests
{
    [Fact]
    public void BuilderOutput_PassesTheValidator_AndRoundTripsThroughJson()
    {
        Prop.ForAll(
                ArbMap.Default.ArbFor<int>(),
                seed =>
                {
                    var pattern = new RandomPatterns(seed).Next(); // Build() runs the validator and throws on any problem
                    var reparsed = EventPattern.Parse(pattern.ToJson());
                    EventPatternValidator.Validate(pattern).Should().BeEmpty();
                    reparsed.ToJson().Should().Be(pattern.ToJson());
                    EventPattern.Parse(Encoding.UTF8.GetBytes(pattern.ToJson())).Should().Be(pattern);
                    return true;
                })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void BuilderOutput_CompilesAndMatchesWithoutThrowing()
    {
        Prop.ForAll(
                ArbMap.Default.ArbFor<int>(),
                seed =>
                {
                    var pattern = new RandomPatterns(seed).Next();
                    pattern.Matches(SampleEvents.S3ObjectCreated);
                    pattern.Matches(SampleEvents.CloudTrailPutObject);
                    return true;
                })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Fact]
    public void Parser_RandomStrings_NeverThrowAnythingButEventPatternException()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => Survives(text ?? string.Empty))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    [Fact]
    public void Parser_MutatedCorpusPatterns_NeverThrowAnythingButEventPatternException()
    {
        var seeds = CorpusCase.Load("aws-verified.jsonl").Concat(CorpusCase.Load("event-ruler-validity.jsonl"))
            .Concat(CorpusCase.Load("event-ruler-cases.jsonl").Where((_, i) => i % 25 == 0))
            .Select(c => c.Pattern).ToArray();
        var random = new Random(20261122);
        const string alphabet = "{}[]\",:0123456789.-+eE abxyz*\\/$\u00e9\ud83d";
        var survived = 0;
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Length)]);
            for (var m = random.Next(1, 4); m > 0 && text.Length > 0; m--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(5))
                {
                    case 0: text.Remove(at, 1); break;
                    case 1: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    case 2: text[at] = alphabet[random.Next(alphabet.Length)]; break;
                    case 3: text.Length = at; break;
                    default: text.Insert(at, text.ToString(at, Math.Min(8, text.Length - at))); break;
                }
            }

            survived += Survives(text.ToString()) ? 1 : 0;
        }

        survived.Should().Be(3000);
    }

    private static bool Survives(string text)
    {
        try
        {
            var problems = EventPattern.Validate(text);
            if (EventPattern.TryParse(text, out var pattern, out var again))
            {
                problems.Should().BeEmpty();
                pattern.Matches(SampleEvents.S3ObjectCreated);
                EventPattern.Parse(pattern.ToJson()).Should().Be(pattern);
            }
            else
            {
                again.Should().NotBeEmpty();
                again.Should().OnlyContain(p => p.Message.Length > 0 && p.Pointer != null);
            }

            return true;
        }
        catch (EventPatternException)
        {
            return false;
        }
    }
}
