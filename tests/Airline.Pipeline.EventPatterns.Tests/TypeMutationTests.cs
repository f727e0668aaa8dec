using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.EventPatterns.Tests;

/// <summary>
/// Corpus patterns with values swapped for values of other JSON types (still valid JSON): parsing must not throw,
/// every problem must say what is wrong and point into the pattern, and a pattern that parses must match events
/// without throwing.
/// </summary>
public sealed class TypeMutationTests
{
    public static TheoryData<string> Files() => ["aws-verified.jsonl", "event-ruler-cases.jsonl", "event-ruler-validity.jsonl"];

    [Theory]
    [MemberData(nameof(Files))]
    public void Swapped_value_types_give_located_problems_and_no_exception(string file)
    {
        var cases = CorpusCase.Load(file);
        foreach (var pattern in cases.Select(c => c.Pattern).Distinct(StringComparer.Ordinal))
        {
            foreach (var json in JsonMutations.Mutate(pattern, JsonMutations.SeedOf(pattern), count: 20))
            {
                if (EventPattern.TryParse(json, out var parsed, out var problems))
                {
                    foreach (var @event in cases.Take(20).Select(c => c.Event))
                    {
                        _ = parsed.Matches(@event);
                    }

                    continue;
                }

                problems.Should().NotBeEmpty();
                foreach (var problem in problems)
                {
                    problem.Message.Should().NotBeNullOrWhiteSpace();
                    JsonMutations.PointerResolves(json, problem.Pointer).Should().BeTrue($"{problem} must point into {json}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Patterns_with_broken_syntax_are_refused_with_a_position(string file)
    {
        const string noise = "{}[]\":,0a$. -";
        foreach (var pattern in CorpusCase.Load(file).Select(c => c.Pattern).Distinct(StringComparer.Ordinal).Take(300))
        {
            var random = new Random(JsonMutations.SeedOf(pattern));
            var chars = pattern.ToCharArray();
            chars[random.Next(chars.Length)] = noise[random.Next(noise.Length)];
            var text = new string(chars);

            var act = () => EventPattern.TryParse(text, out _, out _);
            act.Should().NotThrow(text);
            if (!EventPattern.TryParse(text, out _, out var problems))
            {
                problems.Should().OnlyContain(p => p.Message.Length > 0 && (p.Line != null || JsonMutations.PointerResolves(text, p.Pointer, orMissingMember: true)));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Mutated_events_match_or_not_without_an_exception(string file)
    {
        var cases = CorpusCase.Load(file).Where(c => c.Expected is "true" or "false" or "valid").ToList();
        foreach (var corpusCase in cases.Take(400))
        {
            if (!EventPattern.TryParse(corpusCase.Pattern, out var pattern, out _))
            {
                continue;
            }

            foreach (var @event in JsonMutations.Mutate(corpusCase.Event, JsonMutations.SeedOf(corpusCase.Id), count: 20))
            {
                var act = () => pattern.Matches(@event);
                act.Should().NotThrow($"matching {corpusCase.Pattern} against {@event}");
            }
        }
    }

    [Theory]
    [InlineData("""{"detail":{"$or":["",{"a":[{"numeric":[null,10]}]},{"b":[1]}]}}""", "/detail/$or/1/a/0/numeric")]
    [InlineData("""{"detail":{"$or":[7,{"b":[1]},{}]}}""", "/detail/$or/2")]
    [InlineData("""{"a":[[1],{"prefix":""},{"numeric":["<"]}]}""", "/a/2/numeric")]
    public void Items_after_a_skipped_item_keep_their_own_pointer(string json, string pointer)
    {
        EventPattern.TryParse(json, out _, out var problems).Should().BeFalse();

        problems.Should().Contain(p => p.Pointer == pointer);
        problems.Should().OnlyContain(p => JsonMutations.PointerResolves(json, p.Pointer));
    }
}
