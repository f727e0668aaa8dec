namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>
/// Numeric ranges of one field cut into elementary intervals at every bound: each interval (and each bound
/// itself) knows which ranges contain it, so a value is placed by one binary search whatever the rule count.
/// Falls back to scanning when heavy overlap would make the table too large.
/// </summary>
internal sealed class RangeIndex
{
    private const int MaxTableEntries = 200_000;
    private readonly List<(NumericRange Range, int Condition)> _ranges = [];
    private double[] _bounds = [];
    private int[][]? _regions;
    private (NumericRange Range, int Condition)[] _scan = [];

    public void Add(NumericRange range, int condition) => _ranges.Add((range, condition));

    public void Freeze()
    {
        _scan = [.. _ranges];
        if (_ranges.Count == 0)
        {
            return;
        }

        _bounds = [.. _ranges.SelectMany(r => new[] { r.Range.Lower, r.Range.Upper }).Where(double.IsFinite).Distinct().Order()];
        var regions = new int[(2 * _bounds.Length) + 1][];
        var entries = 0;
        for (var region = 0; region < regions.Length; region++)
        {
            var probe = Representative(region);
            regions[region] = [.. _ranges.Where(r => r.Range.Contains(probe)).Select(r => r.Condition)];
            entries += regions[region].Length;
            if (entries > MaxTableEntries)
            {
                return;
            }
        }

        _regions = regions;
    }

    public void Collect(double value, MatchScratch scratch)
    {
        if (_regions is null)
        {
            foreach (var (range, condition) in _scan)
            {
                if (range.Contains(value))
                {
                    scratch.Hit(condition);
                }
            }

            return;
        }

        var at = Array.BinarySearch(_bounds, value);
        var region = at >= 0 ? (2 * at) + 1 : 2 * ~at;
        scratch.Hit(_regions[region]);
    }

    private double Representative(int region)
    {
        if (region % 2 == 1)
        {
            return _bounds[region / 2];
        }

        var upperIndex = region / 2;
        if (upperIndex == 0)
        {
            return double.BitDecrement(_bounds[0]);
        }

        if (upperIndex == _bounds.Length)
        {
            return double.BitIncrement(_bounds[^1]);
        }

        var low = _bounds[upperIndex - 1];
        var high = _bounds[upperIndex];
        var middle = low + ((high - low) / 2);
        return middle > low && middle < high ? middle : double.BitIncrement(low);
    }
}
