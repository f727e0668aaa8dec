using System.Buffers;
using System.Text;
using System.Text.Json;
using Airline.Pipeline.EventPatterns.Internal;

namespace Airline.Pipeline.EventPatterns.Matching;

/// <summary>
/// Many named patterns compiled once into one shared structure (like event-ruler's Machine): matching an event
/// reads its JSON once and tests every value against all rules through hash lookups, so a thousand rules cost
/// little more than one. Thread-safe; matching allocates nothing but the returned list.
/// </summary>
public sealed class EventMatcher
{
    private static readonly Func<(List<string> Results, string[] Names), int, bool> AddName = static (state, rule) =>
    {
        state.Results.Add(state.Names[rule]);
        return true;
    };

    [ThreadStatic]
    private static List<string>? t_results;

    private readonly CompiledRules _rules;

    private EventMatcher(CompiledRules rules) => _rules = rules;

    /// <summary>The rule names, in the order given.</summary>
    public IReadOnlyList<string> RuleNames => _rules.RuleNames;

    /// <summary>Compiles named patterns. Names may repeat: a name then matches when any of its patterns does.</summary>
    public static EventMatcher Compile(IEnumerable<KeyValuePair<string, EventPattern>> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = new List<(string, EventPattern)>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, pattern) in rules)
        {
            ArgumentNullException.ThrowIfNull(name);
            ArgumentNullException.ThrowIfNull(pattern);
            list.Add((name, pattern));
        }

        return new EventMatcher(new CompiledRules(Deduplicate(list, names)));
    }

    /// <summary>Compiles named patterns.</summary>
    public static EventMatcher Compile(params (string Name, EventPattern Pattern)[] rules) =>
        Compile(rules.Select(r => new KeyValuePair<string, EventPattern>(r.Name, r.Pattern)));

    /// <summary>Compiles one pattern; its rule name is "pattern".</summary>
    public static EventMatcher Compile(EventPattern pattern) => Compile(("pattern", pattern));

    private static List<(string, EventPattern)> Deduplicate(List<(string Name, EventPattern Pattern)> rules, Dictionary<string, int> names)
    {
        // One rule id per distinct name: patterns sharing a name become alternatives of that rule.
        var merged = new List<(string Name, List<EventPattern> Patterns)>();
        foreach (var (name, pattern) in rules)
        {
            if (!names.TryGetValue(name, out var id))
            {
                names[name] = id = merged.Count;
                merged.Add((name, []));
            }

            merged[id].Patterns.Add(pattern);
        }

        return [.. merged.Select(m => (m.Name, m.Patterns.Count == 1
            ? m.Patterns[0]
            : new EventPattern(new Model.PatternObject([new Model.OrMember([.. m.Patterns.Select(p => p.Root)])]))))];
    }

    /// <summary>The names of the rules the event (UTF-8 JSON) matches (an empty list when none does).</summary>
    /// <exception cref="ArgumentException">The event is not well-formed JSON.</exception>
    public IReadOnlyList<string> Match(ReadOnlySpan<byte> utf8Event)
    {
        var buffer = t_results ??= [];
        buffer.Clear();
        Match(utf8Event, buffer);
        return buffer.Count == 0 ? [] : buffer.ToArray();
    }

    /// <summary>Adds the names of the matching rules to <paramref name="results"/>; returns how many matched. Allocates nothing.</summary>
    /// <exception cref="ArgumentException">The event is not well-formed JSON.</exception>
    public int Match(ReadOnlySpan<byte> utf8Event, List<string> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return Run(utf8Event).Collect((results, _rules.RuleNames), AddName);
    }

    /// <summary>The names of the rules the event (JSON text) matches.</summary>
    public IReadOnlyList<string> Match(string eventJson)
    {
        ArgumentNullException.ThrowIfNull(eventJson);
        var max = Encoding.UTF8.GetMaxByteCount(eventJson.Length);
        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var length = Encoding.UTF8.GetBytes(eventJson, rented);
            return Match(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The names of the rules a parsed event matches.</summary>
    public IReadOnlyList<string> Match(JsonElement @event)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            @event.WriteTo(writer);
        }

        return Match(buffer.WrittenSpan);
    }

    /// <summary>True when the event matches at least one rule. Allocates nothing.</summary>
    public bool MatchesAny(ReadOnlySpan<byte> utf8Event) =>
        Run(utf8Event).Collect(0, static (_, _) => false) > 0;

    /// <summary>True when the event (JSON text) matches the pattern, with EventBridge's semantics.</summary>
    public static bool Matches(EventPattern pattern, string eventJson)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(eventJson);
        return pattern.Compiled.Match(eventJson).Count > 0;
    }

    /// <summary>True when the event (UTF-8 JSON) matches the pattern, with EventBridge's semantics.</summary>
    public static bool Matches(EventPattern pattern, ReadOnlySpan<byte> utf8Event)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.Compiled.MatchesAny(utf8Event);
    }

    /// <summary>Parses the pattern (throwing if AWS would reject it) and tells whether the event matches.</summary>
    /// <exception cref="Validation.EventPatternException">The pattern is malformed or invalid.</exception>
    public static bool Matches(string patternJson, string eventJson) => Matches(EventPattern.Parse(patternJson), eventJson);

    private MatchScratch Run(ReadOnlySpan<byte> utf8Event)
    {
        var scratch = MatchScratch.For(_rules);
        try
        {
            scratch.Read(utf8Event);
        }
        catch (JsonException e)
        {
            throw new ArgumentException(
                $"The event is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}): {e.Message}",
                nameof(utf8Event),
                e);
        }

        return scratch;
    }
}
