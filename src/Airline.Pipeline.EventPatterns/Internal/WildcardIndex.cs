namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>
/// Wildcards of one field grouped by their literal head (the text before the first <c>*</c>): a value only
/// tries the wildcards whose head it starts with, found by one hash lookup per distinct head length.
/// </summary>
internal sealed class WildcardIndex
{
    private readonly Dictionary<string, List<(WildcardPattern Pattern, int Condition)>> _building = new(StringComparer.Ordinal);
    private int[] _lengths = [];
    private Dictionary<string, (WildcardPattern Pattern, int Condition)[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public void Add(WildcardPattern pattern, int condition)
    {
        var head = pattern.Segments[0];
        if (!_building.TryGetValue(head, out var list))
        {
            _building[head] = list = [];
        }

        list.Add((pattern, condition));
    }

    public void Freeze()
    {
        if (_building.Count == 0)
        {
            return;
        }

        var byHead = _building.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _lengths = [.. byHead.Keys.Select(k => k.Length).Distinct().Order()];
        _lookup = byHead.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void Collect(ReadOnlySpan<char> value, MatchScratch scratch)
    {
        foreach (var length in _lengths)
        {
            if (length > value.Length)
            {
                return;
            }

            if (_lookup.TryGetValue(value[..length], out var candidates))
            {
                foreach (var (pattern, condition) in candidates)
                {
                    if (pattern.IsMatch(value))
                    {
                        scratch.Hit(condition);
                    }
                }
            }
        }
    }
}
