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
            MaxEncodedLength = Math.Max(MaxEncodedLength, Math.Max(Names[i].Length, Math.Max(Cities[i].Length, States[i].Length)));
            max = Math.Max(max, airports[i].Id);
            min = Math.Min(min, airports[i].Id);
        }

        if (MaxEncodedLength <= SlotSize)
        {
            // Every value in a zero-padded slot of its own: the writer copies a whole slot with one vector store.
            Slots = new byte[airports.Count * 3 * SlotSize];
            for (var i = 0; i < airports.Count; i++)
            {
                Names[i].CopyTo(Slots, SlotOf(i, 0));
                Cities[i].CopyTo(Slots, SlotOf(i, 1));
                States[i].CopyTo(Slots, SlotOf(i, 2));
            }
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

    /// <summary>The bytes of a slot in <see cref="Slots"/>.</summary>
    public const int SlotSize = 32;

    /// <summary>The names, cities and states in fixed slots (<see cref="SlotOf"/>), or null when one is longer
    /// than a slot.</summary>
    public byte[]? Slots { get; }

    /// <summary>The longest encoded name, city or state: output rows are sized by it.</summary>
    public int MaxEncodedLength { get; }

    public byte[][] Names { get; }

    public byte[][] Cities { get; }

    public byte[][] States { get; }

    /// <summary>Where the slot of airport <paramref name="index"/>'s field starts (0 name, 1 city, 2 state).</summary>
    public static int SlotOf(int index, int field) => ((index * 3) + field) * SlotSize;

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
