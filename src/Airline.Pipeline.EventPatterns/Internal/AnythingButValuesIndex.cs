using Airline.Pipeline.EventPatterns.Model;

namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>
/// The plain anything-but lists of one field, inverted: a value is looked up once to find the few conditions
/// that exclude it, and every other condition of its type passes. Strings and numbers are kept apart: a value
/// of the other type (or true, false, null) passes every list.
/// </summary>
internal sealed class AnythingButValuesIndex
{
    private readonly List<int> _stringConditions = [];
    private readonly List<int> _numberConditions = [];
    private readonly Dictionary<string, List<int>> _stringExclusions = new(StringComparer.Ordinal);
    private readonly Dictionary<double, List<int>> _numberExclusions = [];
    private int[] _strings = [];
    private int[] _numbers = [];
    private Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _stringLookup;
    private Dictionary<double, int[]> _numberLookup = [];

    /// <summary>True when the matcher is a plain list this index can hold.</summary>
    public static bool Handles(AnythingButMatcher matcher) =>
        matcher.Kind == AnythingButKind.Values && (matcher.Values.All(v => v.IsString) || matcher.Values.All(v => v.IsNumber));

    public void Add(AnythingButMatcher matcher, int condition)
    {
        // Exclusions are kept per matcher (its index in the list), not per condition: a condition holding
        // two anything-buts passes a value that either lets through.
        if (matcher.Values.All(v => v.IsString))
        {
            var id = _stringConditions.Count;
            _stringConditions.Add(condition);
            foreach (var value in matcher.Values)
            {
                Exclude(_stringExclusions, value.Text, id);
            }

            return;
        }

        var numberId = _numberConditions.Count;
        _numberConditions.Add(condition);
        foreach (var value in matcher.Values)
        {
            if (JsonNumbers.TryComparable(value.Text, out var number))
            {
                Exclude(_numberExclusions, number, numberId);
            }
        }
    }

    public void Freeze()
    {
        if (_stringConditions.Count == 0 && _numberConditions.Count == 0)
        {
            return; // no lists: the On* methods only hit empty arrays
        }

        _strings = [.. _stringConditions];
        _numbers = [.. _numberConditions];
        _stringLookup = _stringExclusions.ToDictionary(p => p.Key, p => p.Value.Distinct().Order().ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _numberLookup = _numberExclusions.ToDictionary(p => p.Key, p => p.Value.Distinct().Order().ToArray());
    }

    public void OnString(ReadOnlySpan<char> value, MatchScratch scratch)
    {
        scratch.Hit(_numbers);
        if (_strings.Length > 0)
        {
            HitAllBut(_strings, _stringLookup.TryGetValue(value, out var excluded) ? excluded : [], scratch);
        }
    }

    public void OnNumber(double value, bool comparable, MatchScratch scratch)
    {
        scratch.Hit(_strings);
        if (_numbers.Length > 0)
        {
            HitAllBut(_numbers, comparable && _numberLookup.TryGetValue(value, out var excluded) ? excluded : [], scratch);
        }
    }

    public void OnLiteral(MatchScratch scratch)
    {
        scratch.Hit(_strings);
        scratch.Hit(_numbers);
    }

    private static void HitAllBut(int[] conditions, int[] excluded, MatchScratch scratch)
    {
        // Matcher ids run 0..n-1 and the excluded ids are sorted: one merge walk skips them.
        var e = 0;
        for (var id = 0; id < conditions.Length; id++)
        {
            if (e < excluded.Length && excluded[e] == id)
            {
                e++;
                continue;
            }

            scratch.Hit(conditions[id]);
        }
    }

    private static void Exclude<TKey>(Dictionary<TKey, List<int>> map, TKey key, int condition)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(condition);
    }
}
