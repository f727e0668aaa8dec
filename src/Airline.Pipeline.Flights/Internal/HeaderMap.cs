namespace Airline.Pipeline.Flights.Internal;

/// <summary>Finds columns in a header by name, case-insensitively, trying each candidate name in order.</summary>
internal sealed class HeaderMap
{
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.OrdinalIgnoreCase);

    public HeaderMap(IReadOnlyList<string> names)
    {
        Names = names;
        for (var i = 0; i < names.Count; i++)
        {
            _indexByName.TryAdd(names[i].Trim().TrimStart('\uFEFF'), i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The index of the first candidate present, or -1.</summary>
    public int Find(IReadOnlyList<string> candidates)
    {
        foreach (var name in candidates)
        {
            if (_indexByName.TryGetValue(name, out var index))
            {
                return index;
            }
        }

        return -1;
    }

    public string Describe() => string.Join(", ", Names.Where(n => n.Length > 0));
}
