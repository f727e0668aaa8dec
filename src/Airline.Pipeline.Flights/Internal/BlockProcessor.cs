using System.Buffers;
using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Airline.Pipeline.Flights.Internal;

/// <summary>
/// The transform over one block of whole records: tokenize, classify (malformed, cancelled, no delay, not delayed),
/// join twice, write the output row. Stateless apart from its settings, so blocks run on any thread.
/// </summary>
internal sealed class BlockProcessor
{
    private const int MaxShownValue = 40;

    /// <summary>Bytes indexed per pass: the line feed list of a window stays small.</summary>
    private const int Window = 32 * 1024;
    private readonly FlightLayout _layout;
    private readonly AirportTable _airports;
    private readonly FlightEnrichmentOptions _options;

    public BlockProcessor(FlightLayout layout, AirportTable airports, FlightEnrichmentOptions options)
    {
        _layout = layout;
        _airports = airports;
        _options = options;
    }

    /// <summary>
    /// Runs the transform over a block of whole records, one window of <see cref="Window"/> bytes at a time, in two
    /// passes. Pass 1 indexes the window 64 bytes at a time: vector compares give bit masks of commas, line feeds and
    /// quotes; quoted regions are removed from the masks without a branch per quote (a prefix XOR of the quote mask);
    /// the comma mask of each chunk is kept and the line feeds' positions are listed. Pass 2 takes the records:
    /// popcounts of the comma masks give a record's field count, and a field's bounds are found by selecting the
    /// n-th comma (PDEP), so a record that is not delayed costs a few instructions per field actually read.
    /// </summary>
    public BlockResult Process(ReadOnlySpan<byte> data, long firstLine, int collectSamples)
    {
        var result = new BlockResult(Math.Max(4096, data.Length / 4));
        var length = data.Length;
        var scan = new ScanState
        {
            Masks = ArrayPool<ulong>.Shared.Rent((length >> 6) + 2),
            Ranks = ArrayPool<int>.Shared.Rent((length >> 6) + 3),
            LineFeeds = ArrayPool<int>.Shared.Rent(Window + 8),
        };
        try
        {
            var fieldCount = _layout.FieldCount;
            var row = new RowContext(data, result, collectSamples) { FieldCount = fieldCount, Seps = new int[fieldCount] };
            var masks = scan.Masks;
            var ranks = scan.Ranks;
            ranks[0] = 0;
            var rowRank = 0;
            var rowsDone = 0L;
            var quotedSeen = 0;
            var cancelledIndex = _layout.Cancelled;
            var depIndex = _layout.DepDelay;
            long threshold = _options.DelayThresholdMinutes;
            var quickNotDelayed = 0L;
            var rowStart = 0;
            while (scan.Pos < length)
            {
                Index(data, Math.Min(length, scan.Pos + Window), ref scan);
                for (var r = 0; r < scan.LineFeedCount; r++)
                {
                    var rowEnd = scan.LineFeeds[r];
                    var endRank = Rank(masks, ranks, rowEnd);
                    var commas = endRank - rowRank;
                    if (commas == fieldCount - 1 && rowEnd < length)
                    {
                        // The usual record: the header's field count, not cancelled, not delayed. Decided here
                        // without the general path's bookkeeping.
                        if ((cancelledIndex < 0 || IsZero(FieldAt(data, masks, ranks, rowStart, rowRank, rowEnd, cancelledIndex, fieldCount))) &&
                            TryShortInt(FieldAt(data, masks, ranks, rowStart, rowRank, rowEnd, depIndex, fieldCount), out var quickDelay) &&
                            quickDelay <= threshold)
                        {
                            quickNotDelayed++;
                            rowsDone++;
                            rowStart = rowEnd + 1;
                            rowRank = endRank;
                            continue;
                        }
                    }

                    row.Start = rowStart;
                    row.Next = rowEnd < length ? rowEnd + 1 : rowEnd;
                    var unterminated = rowEnd == length && scan.InQuotes;
                    var blank = commas == 0 && !unterminated
                        && (rowEnd == rowStart || (rowEnd == rowStart + 1 && data[rowStart] == '\r'));
                    if (!blank)
                    {
                        if (commas == fieldCount - 1)
                        {
                            ListCommas(masks, rowStart, row.Seps);
                            row.Seps[fieldCount - 1] = rowEnd;
                        }

                        row.Line = LineOf(rowStart, firstLine + rowsDone, scan.QuotedLineFeeds, ref quotedSeen);
                        result.Rows++;
                        if (!ProcessRow(ref row, commas + 1, unterminated))
                        {
                            return result;
                        }
                    }

                    rowsDone++;
                    rowStart = row.Next;
                    rowRank = endRank;
                }

                result.Rows += quickNotDelayed;
                result.NotDelayed += quickNotDelayed;
                quickNotDelayed = 0;
                scan.LineFeedCount = 0;
            }

            return result;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(scan.Masks);
            ArrayPool<int>.Shared.Return(scan.Ranks);
            ArrayPool<int>.Shared.Return(scan.LineFeeds);
        }
    }

    /// <summary>The physical line of the record at <paramref name="start"/>: one per earlier record plus the line
    /// feeds inside quoted fields before it (counted with a cursor that only moves forward).</summary>
    private static long LineOf(int start, long lineWithoutQuoted, List<int>? quotedLineFeeds, ref int seen)
    {
        if (quotedLineFeeds is not null)
        {
            while (seen < quotedLineFeeds.Count && quotedLineFeeds[seen] < start)
            {
                seen++;
            }
        }

        return lineWithoutQuoted + seen;
    }

    /// <summary>The number of commas (outside quotes) before <paramref name="position"/> in the block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Rank(ulong[] masks, int[] ranks, int position)
    {
        var c = position >> 6;
        return ranks[c] + BitOperations.PopCount(masks[c] & ((1UL << (position & 63)) - 1));
    }

    /// <summary>The position of the comma of rank <paramref name="rank"/> (0-based in the block), searching from
    /// chunk <paramref name="chunk"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CommaOfRank(ulong[] masks, int[] ranks, int chunk, int rank)
    {
        while (ranks[chunk + 1] <= rank)
        {
            chunk++;
        }

        return (chunk << 6) + BitOperations.TrailingZeroCount(SelectBit(masks[chunk], rank - ranks[chunk]));
    }

    /// <summary>The <paramref name="k"/>-th set bit of <paramref name="m"/> alone (PDEP where the CPU has it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SelectBit(ulong m, int k)
    {
        if (Bmi2.X64.IsSupported)
        {
            return Bmi2.X64.ParallelBitDeposit(1UL << k, m);
        }

        for (var i = 0; i < k; i++)
        {
            m &= m - 1;
        }

        return m & (~m + 1);
    }

    /// <summary>Field <paramref name="index"/> of a record with the header's field count (a CR before the line feed
    /// is not part of the last field).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> FieldAt(
        ReadOnlySpan<byte> data, ulong[] masks, int[] ranks, int rowStart, int rowRank, int rowEnd, int index, int fieldCount)
    {
        var start = index == 0 ? rowStart : CommaOfRank(masks, ranks, rowStart >> 6, rowRank + index - 1) + 1;
        if (index == fieldCount - 1)
        {
            var end = rowEnd > start && data[rowEnd - 1] == '\r' ? rowEnd - 1 : rowEnd;
            return data[start..end];
        }

        return data[start..CommaOfRank(masks, ranks, start >> 6, rowRank + index)];
    }

    /// <summary>Writes the positions of the record's commas (it has <c>destination.Length - 1</c> of them).</summary>
    private static void ListCommas(ulong[] masks, int start, int[] destination)
    {
        var c = start >> 6;
        var m = masks[c] & (ulong.MaxValue << (start & 63));
        for (var n = 0; n < destination.Length - 1;)
        {
            while (m == 0)
            {
                m = masks[++c];
            }

            destination[n++] = (c << 6) + BitOperations.TrailingZeroCount(m);
            m &= m - 1;
        }
    }

    private static bool IsZero(ReadOnlySpan<byte> field) => field.Length == 1 && field[0] == '0';

    /// <summary>A field that is a plain short integer (optional minus, 1-6 digits); false for anything else, which
    /// the general path then handles (and reports).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryShortInt(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        if ((uint)(field.Length - 1) >= 7)
        {
            return false;
        }

        var negative = field[0] == '-';
        var i = negative ? 1 : 0;
        if (i == field.Length)
        {
            return false;
        }

        long v = 0;
        for (; i < field.Length; i++)
        {
            var d = (uint)(field[i] - '0');
            if (d > 9)
            {
                return false;
            }

            v = (v * 10) + d;
        }

        value = negative ? -v : v;
        return true;
    }

    /// <summary>Pass 1 over [scan.Pos, windowEnd): stores each chunk's comma mask (outside quotes) and lists the
    /// line feeds outside quotes; at the end of the data, a last record without a line feed ends at the end.</summary>
    private static void Index(ReadOnlySpan<byte> data, int windowEnd, ref ScanState scan)
    {
        ref var origin = ref MemoryMarshal.GetReference(data);
        ref var lf0 = ref MemoryMarshal.GetArrayDataReference(scan.LineFeeds);
        var masks = scan.Masks;
        var ranks = scan.Ranks;
        var pos = scan.Pos;
        var lfCount = scan.LineFeedCount;
        var inQuotes = scan.InQuotes;
        while (pos <= windowEnd - 64)
        {
            var (commas, lineFeeds, quotes) = Masks(ref origin, pos);
            if ((quotes | (inQuotes ? 1UL : 0UL)) != 0)
            {
                // Quoted regions without a branch per quote: the prefix XOR of the quote mask is 1 from each
                // opening quote up to its closing quote; a region still open at the chunk's end carries over.
                var quoted = PrefixXor(quotes) ^ (inQuotes ? ulong.MaxValue : 0UL);
                inQuotes = (long)quoted < 0;
                commas &= ~quoted;
                var quotedLineFeeds = lineFeeds & quoted;
                lineFeeds &= ~quoted;
                while (quotedLineFeeds != 0)
                {
                    (scan.QuotedLineFeeds ??= []).Add(pos + BitOperations.TrailingZeroCount(quotedLineFeeds));
                    quotedLineFeeds &= quotedLineFeeds - 1;
                }
            }

            masks[pos >> 6] = commas;
            ranks[(pos >> 6) + 1] = ranks[pos >> 6] + BitOperations.PopCount(commas);
            while (lineFeeds != 0)
            {
                Unsafe.Add(ref lf0, lfCount++) = pos + BitOperations.TrailingZeroCount(lineFeeds);
                lineFeeds &= lineFeeds - 1;
            }

            pos += 64;
        }

        if (windowEnd == data.Length)
        {
            var tail = 0UL;
            for (var p = pos; p < windowEnd; p++)
            {
                var b = Unsafe.Add(ref origin, p);
                if (b == '"')
                {
                    inQuotes = !inQuotes;
                }
                else if (b == '\n' && inQuotes)
                {
                    (scan.QuotedLineFeeds ??= []).Add(p);
                }
                else if (b == ',' && !inQuotes)
                {
                    tail |= 1UL << (p - pos);
                }
                else if (b == '\n' && !inQuotes)
                {
                    Unsafe.Add(ref lf0, lfCount++) = p;
                }
            }

            masks[pos >> 6] = tail;
            masks[(pos >> 6) + 1] = 0;
            ranks[(pos >> 6) + 1] = ranks[pos >> 6] + BitOperations.PopCount(tail);
            ranks[(pos >> 6) + 2] = ranks[(pos >> 6) + 1];
            // (also when a quote is still open: the record then ends at the end, unterminated, and is reported)
            if (data.Length > 0 && (data[^1] != '\n' || inQuotes))
            {
                Unsafe.Add(ref lf0, lfCount++) = data.Length;
            }

            pos = windowEnd;
        }

        scan.Pos = pos;
        scan.LineFeedCount = lfCount;
        scan.InQuotes = inQuotes;
    }

    /// <summary>The comma, line feed and quote masks of the 64 bytes at <paramref name="pos"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Commas, ulong LineFeeds, ulong Quotes) Masks(ref byte origin, int pos)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var v = Vector512.LoadUnsafe(ref origin, (nuint)pos);
            return (
                Vector512.Equals(v, Vector512.Create((byte)',')).ExtractMostSignificantBits(),
                Vector512.Equals(v, Vector512.Create((byte)'\n')).ExtractMostSignificantBits(),
                Vector512.Equals(v, Vector512.Create((byte)'"')).ExtractMostSignificantBits());
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var lo = Vector256.LoadUnsafe(ref origin, (nuint)pos);
            var hi = Vector256.LoadUnsafe(ref origin, (nuint)(pos + 32));
            return (
                Combine(Vector256.Equals(lo, Vector256.Create((byte)',')), Vector256.Equals(hi, Vector256.Create((byte)','))),
                Combine(Vector256.Equals(lo, Vector256.Create((byte)'\n')), Vector256.Equals(hi, Vector256.Create((byte)'\n'))),
                Combine(Vector256.Equals(lo, Vector256.Create((byte)'"')), Vector256.Equals(hi, Vector256.Create((byte)'"'))));
        }

        ulong commas = 0, lineFeeds = 0, quotes = 0;
        for (var i = 0; i < 64; i++)
        {
            var b = Unsafe.Add(ref origin, pos + i);
            commas |= (b == ',' ? 1UL : 0UL) << i;
            lineFeeds |= (b == '\n' ? 1UL : 0UL) << i;
            quotes |= (b == '"' ? 1UL : 0UL) << i;
        }

        return (commas, lineFeeds, quotes);
    }

    /// <summary>Bit i of the result is the XOR of bits 0..i of <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong PrefixXor(ulong x)
    {
        x ^= x << 1;
        x ^= x << 2;
        x ^= x << 4;
        x ^= x << 8;
        x ^= x << 16;
        x ^= x << 32;
        return x;
    }

    private static ulong Combine(Vector256<byte> low, Vector256<byte> high) =>
        low.ExtractMostSignificantBits() | ((ulong)high.ExtractMostSignificantBits() << 32);

    /// <summary>Classifies and writes one record; false when the run must stop (result.Fatal is set).</summary>
    private bool ProcessRow(ref RowContext row, int fieldCount, bool unterminated)
    {
        var layout = _layout;
        if (unterminated)
        {
            return Malformed(ref row, "a quoted field is not closed before the end of the file");
        }

        if (fieldCount != layout.FieldCount)
        {
            return Malformed(ref row, $"expected {layout.FieldCount} fields (as in the header) but found {fieldCount}");
        }

        if (layout.Cancelled >= 0 && !IsZero(row.Field(layout.Cancelled)))
        {
            var status = ParseNumber(row.Field(layout.Cancelled), out var cancelled);
            if (status is not (NumberStatus.Ok or NumberStatus.Empty))
            {
                return Malformed(ref row, layout.Cancelled, "is not a cancelled flag (0 or 1)");
            }

            if (status == NumberStatus.Ok && cancelled != 0)
            {
                row.Result.NoDelayValue++;
                row.Result.Cancelled++;
                return true;
            }
        }

        var depStatus = ParseNumber(row.Field(layout.DepDelay), out var depDelay);
        if (depStatus == NumberStatus.Empty)
        {
            row.Result.NoDelayValue++;
            return true;
        }

        if (depStatus != NumberStatus.Ok)
        {
            return Malformed(ref row, layout.DepDelay, Describe(depStatus));
        }

        // The filter comes before the join, as in the seeds' job: the arrival delay and the airport ids of a flight
        // that is not delayed are not read (nor checked), so a bad value there never fails or rejects a row.
        if (depDelay <= _options.DelayThresholdMinutes)
        {
            row.Result.NotDelayed++;
            return true;
        }

        var arrStatus = ParseNumber(row.Field(layout.ArrDelay), out var arrDelay);
        if (arrStatus is not (NumberStatus.Ok or NumberStatus.Empty))
        {
            return Malformed(ref row, layout.ArrDelay, Describe(arrStatus));
        }

        if (ParseNumber(row.Field(layout.Origin), out var origin) is var originStatus && originStatus != NumberStatus.Ok)
        {
            return Malformed(ref row, layout.Origin, originStatus == NumberStatus.Empty ? "is empty; an airport id is required" : "is not a whole-number airport id");
        }

        if (ParseNumber(row.Field(layout.Dest), out var dest) is var destStatus && destStatus != NumberStatus.Ok)
        {
            return Malformed(ref row, layout.Dest, destStatus == NumberStatus.Empty ? "is empty; an airport id is required" : "is not a whole-number airport id");
        }

        return Keep(ref row, depDelay, arrStatus == NumberStatus.Ok ? arrDelay : null, origin, dest);
    }

    private bool Keep(ref RowContext row, long depDelay, long? arrDelay, long origin, long dest)
    {
        var layout = _layout;
        var carrierStatus = CsvText.Unquote(row.Field(layout.Carrier), out var carrier);
        if (carrierStatus != TextStatus.Ok)
        {
            return Malformed(ref row, layout.Carrier, CsvText.Describe(carrierStatus));
        }

        ReadOnlySpan<byte> flightId = default;
        ReadOnlySpan<byte> flightNumber = default;
        if (layout.FlightId >= 0 || layout.FlightNumber >= 0)
        {
            var index = layout.FlightId >= 0 ? layout.FlightId : layout.FlightNumber;
            var status = CsvText.Unquote(row.Field(index), out var value);
            if (status != TextStatus.Ok)
            {
                return Malformed(ref row, index, CsvText.Describe(status));
            }

            if (layout.FlightId >= 0)
            {
                flightId = value;
            }
            else
            {
                flightNumber = value.Trim((byte)' ');
            }
        }

        scoped ReadOnlySpan<byte> flightDate = default;
        Span<byte> composedDate = stackalloc byte[16];
        if (layout.FlightDate >= 0)
        {
            var status = CsvText.Unquote(row.Field(layout.FlightDate), out flightDate);
            if (status != TextStatus.Ok)
            {
                return Malformed(ref row, layout.FlightDate, CsvText.Describe(status));
            }
        }
        else if (layout.Year >= 0)
        {
            if (!TryComposeDate(ref row, composedDate, out var written))
            {
                return false;
            }

            flightDate = composedDate[..written];
        }

        var originIndex = _airports.IndexOf(origin);
        var destIndex = _airports.IndexOf(dest);
        if ((originIndex | destIndex) < 0)
        {
            var unknown = originIndex < 0 ? origin : dest;
            var reason = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"No matching record in airports_dim for airport_id={unknown}");
            switch (_options.UnknownAirport)
            {
                case UnknownAirportPolicy.Fail:
                    row.Result.Fatal = new FlightDataException(row.Line, reason);
                    return false;
                case UnknownAirportPolicy.Reject:
                    row.Result.UnknownAirport++;
                    Reject(ref row, reason);
                    return true;
                default:
                    row.Result.KeptWithNulls++;
                    break;
            }
        }

        var output = row.Result.Output;
        WriteText(output, carrier);
        WriteAirportField(output, _airports.Names, originIndex);
        WriteAirportField(output, _airports.Names, destIndex);
        WriteAirportField(output, _airports.Cities, originIndex);
        WriteAirportField(output, _airports.Cities, destIndex);
        WriteAirportField(output, _airports.States, originIndex);
        WriteAirportField(output, _airports.States, destIndex);
        output.Write((byte)',');
        WriteNumber(output, depDelay);
        output.Write((byte)',');
        if (arrDelay is { } arr)
        {
            WriteNumber(output, arr);
        }

        if (layout.HasDate)
        {
            output.Write((byte)',');
            WriteText(output, flightDate);
        }

        if (layout.HasFlightId)
        {
            output.Write((byte)',');
            if (layout.FlightId >= 0)
            {
                WriteText(output, flightId);
            }
            else
            {
                WriteFlightNumberId(output, carrier, flightNumber);
            }
        }

        output.Write((byte)'\n');
        row.Result.Kept++;
        return true;
    }

    private bool TryComposeDate(ref RowContext row, scoped Span<byte> destination, out int written)
    {
        written = 0;
        var layout = _layout;
        if (ParseNumber(row.Field(layout.Year), out var year) != NumberStatus.Ok || year is < 1 or > 9999)
        {
            return Malformed(ref row, layout.Year, "is not a year");
        }

        if (ParseNumber(row.Field(layout.Month), out var month) != NumberStatus.Ok || month is < 1 or > 12)
        {
            return Malformed(ref row, layout.Month, "is not a month (1-12)");
        }

        if (ParseNumber(row.Field(layout.Day), out var day) != NumberStatus.Ok || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month))
        {
            return Malformed(ref row, layout.Day, "is not a day of that month");
        }

        destination[0] = (byte)('0' + (year / 1000));
        destination[1] = (byte)('0' + (year / 100 % 10));
        destination[2] = (byte)('0' + (year / 10 % 10));
        destination[3] = (byte)('0' + (year % 10));
        destination[4] = (byte)'-';
        destination[5] = (byte)('0' + (month / 10));
        destination[6] = (byte)('0' + (month % 10));
        destination[7] = (byte)'-';
        destination[8] = (byte)('0' + (day / 10));
        destination[9] = (byte)('0' + (day % 10));
        written = 10;
        return true;
    }

    private static NumberStatus ParseNumber(ReadOnlySpan<byte> raw, out long value)
    {
        if (raw.Length > 0 && raw[0] == '"')
        {
            if (CsvText.Unquote(raw, out var inner) != TextStatus.Ok)
            {
                value = 0;
                return NumberStatus.NotANumber;
            }

            return Utf8Numbers.Parse(inner, out value);
        }

        return Utf8Numbers.Parse(raw, out value);
    }

    private static string Describe(NumberStatus status) => status switch
    {
        NumberStatus.Fractional => "is a fractional delay; delays are whole minutes",
        NumberStatus.OutOfRange => "is out of range for a delay in minutes",
        _ => "is not a number of minutes",
    };

    private static void WriteAirportField(ByteBuffer output, byte[][] values, int index)
    {
        output.Write((byte)',');
        if (index >= 0)
        {
            output.Write(values[index]);
        }
    }

    private static void WriteNumber(ByteBuffer output, long value)
    {
        Utf8Formatter.TryFormat(value, output.GetSpan(20), out var written);
        output.Advance(written);
    }

    private static void WriteText(ByteBuffer output, ReadOnlySpan<byte> value)
    {
        if (!CsvBytes.NeedsQuotes(value))
        {
            output.Write(value);
            return;
        }

        output.Write((byte)'"');
        foreach (var b in value)
        {
            output.Write(b);
            if (b == '"')
            {
                output.Write(b);
            }
        }

        output.Write((byte)'"');
    }

    private static void WriteFlightNumberId(ByteBuffer output, ReadOnlySpan<byte> carrier, ReadOnlySpan<byte> number)
    {
        Span<byte> joined = stackalloc byte[Math.Min(256, carrier.Length + number.Length)];
        if (carrier.Length + number.Length <= joined.Length)
        {
            carrier.CopyTo(joined);
            number.CopyTo(joined[carrier.Length..]);
            WriteText(output, joined);
        }
        else
        {
            WriteText(output, [.. carrier, .. number]);
        }
    }

    private bool Malformed(ref RowContext row, int column, string problem)
    {
        var raw = row.Field(column);
        var shown = Encoding.UTF8.GetString(raw.Length > MaxShownValue ? raw[..MaxShownValue] : raw);
        return Malformed(ref row, $"{_layout.NameOf(column)}: '{shown}' {problem}");
    }

    private bool Malformed(ref RowContext row, string reason)
    {
        if (_options.MalformedRows == MalformedRowPolicy.Fail)
        {
            row.Result.Fatal = new FlightDataException(row.Line, reason);
            return false;
        }

        row.Result.Malformed++;
        Reject(ref row, reason);
        return true;
    }

    private static void Reject(ref RowContext row, string reason)
    {
        var record = row.Record();
        var rejects = row.Result.Rejects;
        WriteNumber(rejects, row.Line);
        rejects.Write((byte)',');
        rejects.Write(CsvBytes.Encode(reason));
        rejects.Write((byte)',');
        WriteText(rejects, record);
        rejects.Write((byte)'\n');
        if (row.SamplesWanted > 0)
        {
            row.Result.Samples ??= [];
            row.Result.Samples.Add(new FlightReject(row.Line, reason, Encoding.UTF8.GetString(record)));
            row.SamplesWanted--;
        }
    }

    /// <summary>Where pass 1 is: the comma masks and line feeds so far, and the quoted state.</summary>
    private struct ScanState
    {
        public ulong[] Masks;
        public int[] Ranks;
        public int[] LineFeeds;
        public int LineFeedCount;
        public int Pos;
        public bool InQuotes;
        public List<int>? QuotedLineFeeds;
    }

    /// <summary>The record being processed: its bounds, its separators in the index, its line.</summary>
    private ref struct RowContext
    {
        private readonly ReadOnlySpan<byte> _data;

        public RowContext(ReadOnlySpan<byte> data, BlockResult result, int samplesWanted)
        {
            _data = data;
            Result = result;
            SamplesWanted = samplesWanted;
            Seps = [];
        }

        public BlockResult Result { get; }

        public int[] Seps { get; set; }

        /// <summary>The index entry of the record's first separator.</summary>
        public int K { get; set; }

        public int FieldCount { get; set; }

        public int SamplesWanted { get; set; }

        public int Start { get; set; }

        public int Next { get; set; }

        public long Line { get; set; }

        public readonly ReadOnlySpan<byte> Field(int index)
        {
            var start = index == 0 ? Start : Seps[K + index - 1] + 1;
            var end = Seps[K + index];
            if (index == FieldCount - 1 && end > start && _data[end - 1] == '\r')
            {
                end--;
            }

            return _data[start..end];
        }

        /// <summary>The whole record without its line break.</summary>
        public readonly ReadOnlySpan<byte> Record()
        {
            var end = Next;
            if (end > Start && _data[end - 1] == '\n')
            {
                end--;
            }

            if (end > Start && _data[end - 1] == '\r')
            {
                end--;
            }

            return _data[Start..end];
        }
    }
}
