using System.Numerics;
using System.Runtime.CompilerServices;

namespace Airline.Pipeline.Flights.Internal;

/// <summary>
/// Decides, for a record with the header's field count, whether it is a plain "not delayed" flight: the cancelled
/// flag (if the file has one) is 0 and the departure delay is a short integer at or under the threshold (BTS's
/// "0.00" and "-3.00" included). About 90%
/// of records end here, so it reads only the two fields, finding them from the record's end when they are among its
/// last fields (the usual layouts), and it never reports: anything unusual goes to the general path.
/// </summary>
internal readonly struct QuickFilter
{
    private readonly int _fieldCount;
    private readonly int _cancelled;
    private readonly int _depDelay;

    /// <summary>Commas after the delay field: the delay ends at the k-th comma from the record's end.</summary>
    private readonly int _depEndFromTop;
    private readonly bool _cancelledIsLast;
    private readonly bool _depNearEnd;

    public QuickFilter(FlightLayout layout)
    {
        _fieldCount = layout.FieldCount;
        _cancelled = layout.Cancelled;
        _depDelay = layout.DepDelay;
        _depEndFromTop = _fieldCount - 1 - _depDelay;
        _cancelledIsLast = _cancelled == _fieldCount - 1;

        // The delay's two commas must lie in the 64 bytes before the line feed; 12 short fields after it fit.
        _depNearEnd = _depEndFromTop is >= 1 and <= 12 && _depDelay > 0;
    }

    /// <summary>Both fields are found from the record's end: the delay near it, the cancelled flag (if any) last.
    /// <see cref="BlockProcessor"/> then runs its fastest loop, which inlines this filter's logic.</summary>
    public bool AllNearEnd => _depNearEnd && (_cancelled < 0 || _cancelledIsLast);

    /// <summary>Whether the file has a cancelled flag.</summary>
    public bool HasCancelled => _cancelled >= 0;

    /// <summary>The delay ends at this comma counted from the record's end (1 is the last comma).</summary>
    public int DepEndFromTop => _depEndFromTop;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsNotDelayed(ReadOnlySpan<byte> data, ulong[] masks, int[] ranks, int rowStart, int rowRank, int rowEnd, long threshold)
    {
        int depStart, depEnd;
        var window = CommaIndex.CommasBefore(masks, rowEnd);
        var bits = BitOperations.PopCount(window);
        var windowStart = rowEnd - 64;
        var nearEnd = _depNearEnd && bits > _depEndFromTop;
        if (nearEnd)
        {
            depEnd = windowStart + CommaIndex.SelectFromTop(window, bits, _depEndFromTop);
            depStart = windowStart + CommaIndex.SelectFromTop(window, bits, _depEndFromTop + 1) + 1;
        }
        else
        {
            (depStart, depEnd) = CommaIndex.FieldBounds(data, masks, ranks, rowStart, rowRank, rowEnd, _depDelay, _fieldCount);
        }

        if (_cancelled >= 0)
        {
            int flagStart, flagEnd;
            if (nearEnd && _cancelledIsLast)
            {
                flagStart = windowStart + CommaIndex.SelectFromTop(window, bits, 1) + 1;
                flagEnd = data[rowEnd - 1] == '\r' ? rowEnd - 1 : rowEnd;
            }
            else
            {
                (flagStart, flagEnd) = CommaIndex.FieldBounds(data, masks, ranks, rowStart, rowRank, rowEnd, _cancelled, _fieldCount);
            }

            if (!IsZeroFlag(data, flagStart, flagEnd))
            {
                return false;
            }
        }

        // BTS writes whole minutes as decimals ("-3.00", "45.00"): the ".00" is dropped before the integer parse.
        if (depEnd - depStart > 3 && data[depEnd - 3] == '.' && data[depEnd - 2] == '0' && data[depEnd - 1] == '0')
        {
            depEnd -= 3;
        }

        return ShortIntegers.TryParse(data, depStart, depEnd, out var delay) && delay <= threshold;
    }

    /// <summary>A cancelled flag of 0, written "0" or, in BTS files, "0.00".</summary>
    private static bool IsZeroFlag(ReadOnlySpan<byte> data, int start, int end) => (end - start) switch
    {
        1 => data[start] == '0',
        4 => data[start] == '0' && data[start + 1] == '.' && data[start + 2] == '0' && data[start + 3] == '0',
        _ => false,
    };
}
