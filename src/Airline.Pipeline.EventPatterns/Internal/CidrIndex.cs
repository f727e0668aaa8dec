namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>CIDR blocks of one field grouped by family and mask: one masked lookup per distinct mask.</summary>
internal sealed class CidrIndex
{
    private readonly Dictionary<(bool V6, int Bits), Dictionary<UInt128, List<int>>> _building = [];
    private (bool V6, UInt128 Mask, Dictionary<UInt128, int[]> Networks)[] _groups = [];

    public bool IsEmpty => _groups.Length == 0;

    public void Add(CidrBlock block, int condition)
    {
        if (!_building.TryGetValue((block.IsV6, block.MaskBits), out var networks))
        {
            _building[(block.IsV6, block.MaskBits)] = networks = [];
        }

        if (!networks.TryGetValue(block.Network, out var list))
        {
            networks[block.Network] = list = [];
        }

        list.Add(condition);
    }

    public void Freeze() =>
        _groups = [.. _building.Select(g => (g.Key.V6, CidrBlock.Mask(g.Key.V6, g.Key.Bits), g.Value.ToDictionary(n => n.Key, n => n.Value.Distinct().ToArray())))];

    public void Collect(ReadOnlySpan<char> value, MatchScratch scratch)
    {
        if (!CidrBlock.TryParseAddress(value, out var address, out var v6))
        {
            return;
        }

        foreach (var (groupV6, mask, networks) in _groups)
        {
            if (groupV6 == v6 && networks.TryGetValue(address & mask, out var conditions))
            {
                scratch.Hit(conditions);
            }
        }
    }
}
