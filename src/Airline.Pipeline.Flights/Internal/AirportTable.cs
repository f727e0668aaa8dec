namespace Airline.Pipeline.Flights.Internal;

/// <summary>The airports as the hot loop wants them: id to index by a dense array when ids are small (BTS ids are
/// five digits), each airport's name, city and state already CSV-encoded as UTF-8.</summary>
internal sealed class AirportTable
{
    private const long DenseLimit = 1 << 20;
    private readonly int[]? _dense;
    private readonly Dictionary<long, int>? _sparse;

    public AirportTable(IReadOnlyList<Airport> airports)
    {
        Names = new byte[airports.Count][];
        Cities = new byte[airports.Count][];
        States = new byte[airports.Count][];
        var max = -1L;
        var min = 0L;
        for (var i = 0; i < airports.Count; i++)
        {
            Names[i] = CsvBytes.Encode(airports[i].Name);
            Cities[i] = CsvBytes.Encode(airports[i].City);
            States[i] = CsvBytes.Encode(airports[i].State);
            max = Math.Max(max, airports[i].Id);
            min = Math.Min(min, airports[i].Id);
        }

        if (min >= 0 && max < DenseLimit)
        {
            _dense = new int[max + 1];
            Array.Fill(_dense, -1);
            for (var i = 0; i < airports.Count; i++)
            {
                _dense[airports[i].Id] = i;
            }
        }
        else
        {
            _sparse = new Dictionary<long, int>(airports.Count);
            for (var i = 0; i < airports.Count; i++)
            {
                _sparse[airports[i].Id] = i;
            }
        }
    }

    public byte[][] Names { get; }

    public byte[][] Cities { get; }

    public byte[][] States { get; }

    /// <summary>The airport's index, or -1 when unknown.</summary>
    public int IndexOf(long id)
    {
        if (_dense is not null)
        {
            return (ulong)id < (ulong)_dense.Length ? _dense[id] : -1;
        }

        return _sparse!.TryGetValue(id, out var index) ? index : -1;
    }
}
