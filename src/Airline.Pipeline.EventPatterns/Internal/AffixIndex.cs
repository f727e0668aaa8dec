namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>
/// Prefixes (or suffixes) of one field, grouped by length: a value is tested with one hash lookup per distinct
/// length instead of one comparison per rule, so a thousand prefixes cost about as much as a few.
/// </summary>
internal sealed class AffixIndex
{
    private readonly Dictionary<string, List<int>> _building = new(StringComparer.Ordinal);
    private int[] _lengths = [];
    private Dictionary<string, int[]> _byAffix = new(StringComparer.Ordinal);
    private Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public bool IsEmpty => _lengths.Length == 0;

    public void Add(string affix, int condition)
    {
        if (!_building.TryGetValue(affix, out var list))
        {
            _building[affix] = list = [];
        }

        list.Add(condition);
    }

    public void Freeze()
    {
        if (_building.Count == 0)
        {
            return; // Collect never looks anything up
        }

        _byAffix = _building.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray(), StringComparer.Ordinal);
        _lengths = [.. _byAffix.Keys.Select(k => k.Length).Distinct().Order()];
        _lookup = _byAffix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void Collect(ReadOnlySpan<char> value, bool suffix, MatchScratch scratch)
    {
        foreach (var length in _lengths)
        {
            if (length > value.Length)
            {
                return;
            }

            var part = suffix ? value[^length..] : value[..length];
            if (_lookup.TryGetValue(part, out var conditions))
            {
                scratch.Hit(conditions);
            }
        }
    }
}
