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
    private readonly QuickFilter _quick;

    public BlockProcessor(FlightLayout layout, AirportTable airports, FlightEnrichmentOptions options)
    {
        _layout = layout;
        _airports = airports;
        _options = options;
        _quick = new QuickFilter(layout);
    }

    /// <summary>
    /// Runs the transform over a block of records, one window of <see cref="Window"/> bytes at a time, in two
    /// passes. Pass 1 indexes the window 64 bytes at a time: vector compares give bit masks of commas, line feeds and
    /// quotes; quoted regions are removed from the masks without a branch per quote (a prefix XOR of the quote mask);
    /// the comma mask of each chunk is kept and the line feeds' positions are listed. Pass 2 takes the records:
    /// popcounts of the comma masks give a record's field count, and a field's bounds are found by selecting the
    /// n-th comma (PDEP), so a record that is not delayed costs a few instructions per field actually read.
    /// </summary>
    /// <param name="data">Whole records, except that a block that is not <paramref name="final"/> may end inside one.</param>
    /// <param name="firstLine">The line the block's first record starts on.</param>
    /// <param name="collectSamples">How many rejects to keep as samples.</param>
    /// <param name="final">Whether a record at the end without a line feed ends there (the end of the input); if not,
    /// it is left alone and <see cref="BlockResult.Consumed"/> stops before it.</param>
    public BlockResult Process(ReadOnlySpan<byte> data, long firstLine, int collectSamples, bool final = true)
    {
        var result = new BlockResult(Math.Max(4096, data.Length / 4));
        var length = data.Length;
        var scan = new ScanState
        {
            Masks = ArrayPool<ulong>.Shared.Rent((length >> 6) + 2),
            Ranks = ArrayPool<int>.Shared.Rent((length >> 6) + 3),
            LineFeeds = ArrayPool<int>.Shared.Rent(Window + 8),
            SlowRows = ArrayPool<int>.Shared.Rent(3 * (Window + 8)),
        };
        try
        {
            var fieldCount = _layout.FieldCount;
            var row = new RowContext(data, result, collectSamples) { FieldCount = fieldCount, Seps = new int[fieldCount] };
            scan.Ranks[0] = 0;
            var cursor = default(RowCursor);
            scan.Final = final;
            while (scan.Pos < length)
            {
                Index(data, Math.Min(length, scan.Pos + Window), ref scan);
                var taken = _quick.AllNearEnd
                    ? TakeRowsNearEnd(data, ref scan, ref cursor, ref row, firstLine)
                    : TakeRows(data, ref scan, ref cursor, ref row, firstLine);
                if (!taken)
                {
                    return result;
                }

                scan.LineFeedCount = 0;
            }

            result.Consumed = final ? length : cursor.Start;
            result.LinesConsumed = cursor.Done + QuotedBefore(scan.QuotedLineFeeds, result.Consumed);
            return result;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(scan.Masks);
            ArrayPool<int>.Shared.Return(scan.Ranks);
            ArrayPool<int>.Shared.Return(scan.LineFeeds);
            ArrayPool<int>.Shared.Return(scan.SlowRows);
        }
    }

    /// <summary>
    /// Pass 2 over the records the last <see cref="Index"/> listed. The loop keeps only what the quick filter needs in
    /// registers; anything else is a call to <see cref="TakeRow"/> (kept out of line: inlined, its locals would push
    /// this loop's out of registers). False when the run must stop (result.Fatal is set).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TakeRows(ReadOnlySpan<byte> data, ref ScanState scan, ref RowCursor cursor, ref RowContext row, long firstLine)
    {
        var masks = scan.Masks;
        var ranks = scan.Ranks;
        var lineFeeds = scan.LineFeeds;
        var count = scan.LineFeedCount;
        var length = data.Length;
        var commasPerRecord = _layout.FieldCount - 1;
        var quick = _quick;
        long threshold = _options.DelayThresholdMinutes;
        var rowStart = cursor.Start;
        var rowRank = cursor.Rank;
        var quickRows = 0L;
        var slow = scan.SlowRows;
        var slowCount = 0;
        for (var r = 0; r < count; r++)
        {
            var rowEnd = lineFeeds[r];
            var endRank = CommaIndex.Rank(masks, ranks, rowEnd);

            // The usual record (the header's field count, not cancelled, not delayed) is decided here.
            if (endRank - rowRank == commasPerRecord && rowEnd < length
                && quick.IsNotDelayed(data, masks, ranks, rowStart, rowRank, rowEnd, threshold))
            {
                quickRows++;
            }
            else
            {
                slowCount = AddSlowRow(slow, slowCount, rowStart, r, endRank - rowRank);
            }

            rowStart = rowEnd + 1;
            rowRank = endRank;
        }

        return FinishRows(data, ref scan, ref cursor, ref row, firstLine, rowStart, rowRank, quickRows, slowCount);
    }

    /// <summary>
    /// <see cref="TakeRows"/> for the usual layouts (<see cref="QuickFilter.AllNearEnd"/>), with the filter written
    /// out: per record, one window of the 64 bytes before its line feed gives the field count check and, by selecting
    /// commas from the top (PDEP), the cancelled flag and the delay; the delay is parsed eight bytes at a time. Array
    /// reads go through references: every index here comes from the index pass and lies inside the block.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TakeRowsNearEnd(ReadOnlySpan<byte> data, ref ScanState scan, ref RowCursor cursor, ref RowContext row, long firstLine)
    {
        ref var bytes = ref MemoryMarshal.GetReference(data);
        ref var masks = ref MemoryMarshal.GetArrayDataReference(scan.Masks);
        ref var ranks = ref MemoryMarshal.GetArrayDataReference(scan.Ranks);
        ref var lineFeeds = ref MemoryMarshal.GetArrayDataReference(scan.LineFeeds);
        var count = scan.LineFeedCount;
        var length = data.Length;
        var lastParsable = length - 8;
        var commasPerRecord = _layout.FieldCount - 1;
        var depEndFromTop = _quick.DepEndFromTop;
        var hasCancelled = _quick.HasCancelled;
        long threshold = _options.DelayThresholdMinutes;
        var rowStart = cursor.Start;
        var rowRank = cursor.Rank;
        var quickRows = 0L;
        var slow = scan.SlowRows;
        var slowCount = 0;
        for (var r = 0; r < count; r++)
        {
            var rowEnd = Unsafe.Add(ref lineFeeds, r);
            var c = rowEnd >> 6;
            var below = Unsafe.Add(ref masks, c) & ((1UL << rowEnd) - 1); // the shift count is taken mod 64
            var endRank = Unsafe.Add(ref ranks, c) + BitOperations.PopCount(below);
            if (endRank - rowRank == commasPerRecord && rowEnd < length)
            {
                var previous = c > 0 ? Unsafe.Add(ref masks, c - 1) : 0UL;
                var window = (below << (64 - rowEnd)) | (previous >> rowEnd); // bit j: byte rowEnd - 64 + j
                var bits = BitOperations.PopCount(window);
                if (bits > depEndFromTop)
                {
                    var windowStart = rowEnd - 64;
                    var depEnd = windowStart + CommaIndex.SelectFromTop(window, bits, depEndFromTop);
                    var depStart = windowStart + CommaIndex.SelectFromTop(window, bits, depEndFromTop + 1) + 1;
                    var notCancelled = true;
                    if (hasCancelled)
                    {
                        var flag = windowStart + CommaIndex.SelectFromTop(window, bits, 1) + 1;
                        notCancelled = Unsafe.Add(ref bytes, flag) == '0'
                            && (flag + 1 == rowEnd || (flag + 2 == rowEnd && Unsafe.Add(ref bytes, flag + 1) == '\r'));
                    }

                    if (notCancelled && depStart <= lastParsable
                        && ShortIntegers.TryParse(ref Unsafe.Add(ref bytes, depStart), depEnd - depStart, out var delay) && delay <= threshold)
                    {
                        quickRows++;
                        rowStart = rowEnd + 1;
                        rowRank = endRank;
                        continue;
                    }
                }
            }

            slowCount = AddSlowRow(slow, slowCount, rowStart, r, endRank - rowRank);
            rowStart = rowEnd + 1;
            rowRank = endRank;
        }

        return FinishRows(data, ref scan, ref cursor, ref row, firstLine, rowStart, rowRank, quickRows, slowCount);
    }

    /// <summary>Notes a record the quick loop left for <see cref="TakeRow"/>: its start, its line feed's index in the
    /// window's list, its comma count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AddSlowRow(int[] slow, int slowCount, int rowStart, int lineFeedIndex, int commas)
    {
        slow[slowCount] = rowStart;
        slow[slowCount + 1] = lineFeedIndex;
        slow[slowCount + 2] = commas;
        return slowCount + 3;
    }

    /// <summary>
    /// Takes the records the quick loop left, in order, then moves the cursor past the window. Only these records write
    /// output or rejects, so taking them after the loop keeps the output in input order, and keeps the calls (and
    /// their register spills) out of the loop. False when the run must stop (result.Fatal is set).
    /// </summary>
    private bool FinishRows(
        ReadOnlySpan<byte> data, ref ScanState scan, ref RowCursor cursor, ref RowContext row, long firstLine,
        int rowStart, int rowRank, long quickRows, int slowCount)
    {
        var slow = scan.SlowRows;
        for (var i = 0; i < slowCount; i += 3)
        {
            var lineFeedIndex = slow[i + 1];
            if (!TakeRow(data, ref scan, ref row, slow[i], scan.LineFeeds[lineFeedIndex], slow[i + 2], firstLine + cursor.Done + lineFeedIndex, ref cursor.QuotedSeen))
            {
                return false;
            }
        }

        cursor.Start = rowStart;
        cursor.Rank = rowRank;
        cursor.Done += scan.LineFeedCount;
        row.Result.Rows += quickRows;
        row.Result.NotDelayed += quickRows;
        return true;
    }

    /// <summary>One record the quick filter did not decide: blank lines are skipped, the rest classified in full.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TakeRow(
        ReadOnlySpan<byte> data, ref ScanState scan, ref RowContext row, int rowStart, int rowEnd, int commas, long lineWithoutQuoted, ref int quotedSeen)
    {
        var length = data.Length;
        var unterminated = rowEnd == length && scan.InQuotes;
        var blank = commas == 0 && !unterminated
            && (rowEnd == rowStart || (rowEnd == rowStart + 1 && data[rowStart] == '\r'));
        if (blank)
        {
            return true;
        }

        var fieldCount = _layout.FieldCount;
        row.Start = rowStart;
        row.Next = rowEnd < length ? rowEnd + 1 : rowEnd;
        if (commas == fieldCount - 1)
        {
            ListCommas(scan.Masks, rowStart, row.Seps);
            row.Seps[fieldCount - 1] = rowEnd;
        }

        row.Line = LineOf(rowStart, lineWithoutQuoted, scan.QuotedLineFeeds, ref quotedSeen);
        row.Result.Rows++;
        return ProcessRow(ref row, commas + 1, unterminated);
    }

    /// <summary>The line feeds inside quoted fields before <paramref name="end"/>.</summary>
    private static int QuotedBefore(List<int>? quotedLineFeeds, int end)
    {
        if (quotedLineFeeds is null)
        {
            return 0;
        }

        var index = quotedLineFeeds.BinarySearch(end);
        return index >= 0 ? index : ~index;
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

    /// <summary>Pass 1 over [scan.Pos, windowEnd): stores each chunk's comma mask (outside quotes) and lists the
    /// line feeds outside quotes; at the end of the data, a last record without a line feed ends at the end.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Index(ReadOnlySpan<byte> data, int windowEnd, ref ScanState scan)
    {
        ref var origin = ref MemoryMarshal.GetReference(data);
        ref var lf0 = ref MemoryMarshal.GetArrayDataReference(scan.LineFeeds);
        ref var maskAt = ref MemoryMarshal.GetArrayDataReference(scan.Masks);
        ref var rankAt = ref MemoryMarshal.GetArrayDataReference(scan.Ranks);
        var masks = scan.Masks;
        var ranks = scan.Ranks;
        var start = scan.Pos;
        var pos = start;
        var lfCount = scan.LineFeedCount;
        var quoteCarry = scan.InQuotes ? ulong.MaxValue : 0UL;
        var rank = ranks[pos >> 6]; // kept in a register: through the array, each chunk would wait on the last store
        var quotedLineFeeds = 0UL;

        // No call in this loop (the rare quoted line feeds are listed afterwards), so its state stays in registers.
        // Chunk indexes stay inside the arrays, which are sized for the block.
        while (pos <= windowEnd - 64)
        {
            var (commas, lineFeeds, quotes) = Masks(ref origin, pos);

            // Quoted regions without a branch per quote (about a third of these records quote a name): the prefix
            // XOR of the quote mask is 1 from each opening quote up to its closing quote; a region still open at the
            // chunk's end carries over.
            var quoted = PrefixXor(quotes) ^ quoteCarry;
            quoteCarry = (ulong)((long)quoted >> 63);
            commas &= ~quoted;
            quotedLineFeeds |= lineFeeds & quoted;
            lineFeeds &= ~quoted;
            Unsafe.Add(ref maskAt, pos >> 6) = commas;
            rank += BitOperations.PopCount(commas);
            Unsafe.Add(ref rankAt, (pos >> 6) + 1) = rank;

            // Records are usually longer than 64 bytes, so a chunk has zero or one line feed about equally often:
            // the first is stored unconditionally (and counted only if it exists) instead of branching on it.
            Unsafe.Add(ref lf0, lfCount) = pos + BitOperations.TrailingZeroCount(lineFeeds);
            lfCount += lineFeeds != 0 ? 1 : 0;
            lineFeeds &= lineFeeds - 1;
            while (lineFeeds != 0)
            {
                Unsafe.Add(ref lf0, lfCount++) = pos + BitOperations.TrailingZeroCount(lineFeeds);
                lineFeeds &= lineFeeds - 1;
            }

            pos += 64;
        }

        if (quotedLineFeeds != 0)
        {
            ListQuotedLineFeeds(data, start, pos, scan.InQuotes, ref scan);
        }

        var inQuotes = quoteCarry != 0;
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
            if (scan.Final && data.Length > 0 && (data[^1] != '\n' || inQuotes))
            {
                Unsafe.Add(ref lf0, lfCount++) = data.Length;
            }

            pos = windowEnd;
        }

        scan.Pos = pos;
        scan.LineFeedCount = lfCount;
        scan.InQuotes = inQuotes;
    }

    /// <summary>Adds the line feeds inside quoted fields in the chunks [start, end) to the scan's list (for line
    /// numbers), replaying the quote state from <paramref name="inQuotes"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ListQuotedLineFeeds(ReadOnlySpan<byte> data, int start, int end, bool inQuotes, ref ScanState scan)
    {
        ref var origin = ref MemoryMarshal.GetReference(data);
        var quoteCarry = inQuotes ? ulong.MaxValue : 0UL;
        var list = scan.QuotedLineFeeds ??= [];
        for (var pos = start; pos < end; pos += 64)
        {
            var (_, lineFeeds, quotes) = Masks(ref origin, pos);
            var quoted = PrefixXor(quotes) ^ quoteCarry;
            quoteCarry = (ulong)((long)quoted >> 63);
            for (var inside = lineFeeds & quoted; inside != 0; inside &= inside - 1)
            {
                list.Add(pos + BitOperations.TrailingZeroCount(inside));
            }
        }
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
        if (Pclmulqdq.IsSupported)
        {
            // A carry-less multiply by all ones is the prefix XOR in one instruction.
            return Pclmulqdq.CarrylessMultiply(Vector128.CreateScalar(x), Vector128.CreateScalar(ulong.MaxValue), 0).ToScalar();
        }

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
            if (ComposeDate(ref row, composedDate) is { Column: var column, Problem: var problem })
            {
                return Malformed(ref row, column, problem); // the row is rejected, not kept
            }

            flightDate = composedDate[..10];
        }

        var originIndex = _airports.IndexOf(origin);
        var destIndex = _airports.IndexOf(dest);
        if ((originIndex | destIndex) < 0 && !TakeUnknownAirport(ref row, originIndex < 0 ? origin : dest, out var stop))
        {
            return !stop;
        }

        WriteKept(row.Result.Output, carrier, flightDate, flightId, flightNumber, originIndex, destIndex, depDelay, arrDelay);
        row.Result.Kept++;
        return true;
    }

    /// <summary>Applies the unknown-airport policy: true when the record is still kept (with empty airport fields);
    /// otherwise <paramref name="stop"/> says whether the run fails.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TakeUnknownAirport(ref RowContext row, long unknown, out bool stop)
    {
        stop = false;
        var reason = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"No matching record in airports_dim for airport_id={unknown}");
        switch (_options.UnknownAirport)
        {
            case UnknownAirportPolicy.Fail:
                row.Result.Fatal = new FlightDataException(row.Line, reason);
                stop = true;
                return false;
            case UnknownAirportPolicy.Reject:
                row.Result.UnknownAirport++;
                Reject(ref row, reason);
                return false;
            default:
                row.Result.KeptWithNulls++;
                return true;
        }
    }

    /// <summary>Writes one output record (out of line: the caller's parsing and this method's copies would otherwise
    /// share one register budget).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WriteKept(
        ByteBuffer output, ReadOnlySpan<byte> carrier, ReadOnlySpan<byte> flightDate, ReadOnlySpan<byte> flightId,
        ReadOnlySpan<byte> flightNumber, int originIndex, int destIndex, long depDelay, long? arrDelay)
    {
        var layout = _layout;
        var airports = _airports;
        var d = output.GetSpan(
            RowWriter.MaxTextLength(carrier.Length) + (6 * (airports.MaxEncodedLength + 1)) + (2 * (RowWriter.MaxNumberLength + 1))
            + RowWriter.MaxTextLength(flightDate.Length) + RowWriter.MaxTextLength(carrier.Length + flightId.Length + flightNumber.Length)
            + AirportTable.SlotSize + 3);
        var n = RowWriter.Text(d, 0, carrier);
        if (airports.Slots is { } slots)
        {
            n = WriteAirportSlot(d, n, slots, airports.Names, originIndex, 0);
            n = WriteAirportSlot(d, n, slots, airports.Names, destIndex, 0);
            n = WriteAirportSlot(d, n, slots, airports.Cities, originIndex, 1);
            n = WriteAirportSlot(d, n, slots, airports.Cities, destIndex, 1);
            n = WriteAirportSlot(d, n, slots, airports.States, originIndex, 2);
            n = WriteAirportSlot(d, n, slots, airports.States, destIndex, 2);
        }
        else
        {
            n = WriteAirportField(d, n, airports.Names, originIndex);
            n = WriteAirportField(d, n, airports.Names, destIndex);
            n = WriteAirportField(d, n, airports.Cities, originIndex);
            n = WriteAirportField(d, n, airports.Cities, destIndex);
            n = WriteAirportField(d, n, airports.States, originIndex);
            n = WriteAirportField(d, n, airports.States, destIndex);
        }

        n = RowWriter.Byte(d, n, (byte)',');
        n = RowWriter.Number(d, n, depDelay);
        n = RowWriter.Byte(d, n, (byte)',');
        if (arrDelay is { } arr)
        {
            n = RowWriter.Number(d, n, arr);
        }

        if (layout.HasDate)
        {
            n = RowWriter.Byte(d, n, (byte)',');
            n = RowWriter.Text(d, n, flightDate);
        }

        if (layout.HasFlightId)
        {
            n = RowWriter.Byte(d, n, (byte)',');
            n = layout.FlightId >= 0 ? RowWriter.Text(d, n, flightId) : WriteFlightNumberId(d, n, carrier, flightNumber);
        }

        n = RowWriter.Byte(d, n, (byte)'\n');
        output.Advance(n);
    }

    /// <summary>Writes the flight date (yyyy-MM-dd, 10 bytes) from Year, Month and DayofMonth; or says which of them
    /// is wrong, and why, without reporting it (the caller rejects the row).</summary>
    private (int Column, string Problem)? ComposeDate(ref RowContext row, scoped Span<byte> destination)
    {
        var layout = _layout;
        if (ParseNumber(row.Field(layout.Year), out var year) != NumberStatus.Ok || year is < 1 or > 9999)
        {
            return (layout.Year, "is not a year");
        }

        if (ParseNumber(row.Field(layout.Month), out var month) != NumberStatus.Ok || month is < 1 or > 12)
        {
            return (layout.Month, "is not a month (1-12)");
        }

        if (ParseNumber(row.Field(layout.Day), out var day) != NumberStatus.Ok || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month))
        {
            return (layout.Day, "is not a day of that month");
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
        return null;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteAirportSlot(Span<byte> destination, int at, byte[] slots, byte[][] values, int index, int field)
    {
        destination[at++] = (byte)',';
        return index >= 0
            ? RowWriter.Slot(destination, at, new ReadOnlySpan<byte>(slots, AirportTable.SlotOf(index, field), AirportTable.SlotSize), values[index].Length)
            : at;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WriteAirportField(Span<byte> destination, int at, byte[][] values, int index)
    {
        destination[at++] = (byte)',';
        return index >= 0 ? RowWriter.Encoded(destination, at, values[index]) : at;
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

    private static int WriteFlightNumberId(Span<byte> destination, int at, ReadOnlySpan<byte> carrier, ReadOnlySpan<byte> number)
    {
        Span<byte> joined = stackalloc byte[Math.Min(256, carrier.Length + number.Length)];
        if (carrier.Length + number.Length <= joined.Length)
        {
            carrier.CopyTo(joined);
            number.CopyTo(joined[carrier.Length..]);
            return RowWriter.Text(destination, at, joined);
        }

        return RowWriter.Text(destination, at, [.. carrier, .. number]);
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

    /// <summary>Where pass 2 is: the next record's start and comma rank, records taken, quoted line feeds passed.</summary>
    private struct RowCursor
    {
        public int Start;
        public int Rank;
        public long Done;
        public int QuotedSeen;
    }

    /// <summary>Where pass 1 is: the comma masks and line feeds so far, and the quoted state.</summary>
    private struct ScanState
    {
        public ulong[] Masks;
        public int[] Ranks;
        public int[] LineFeeds;
        public int[] SlowRows;
        public int LineFeedCount;
        public bool Final;
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

        public int FieldCount { get; set; }

        public int SamplesWanted { get; set; }

        public int Start { get; set; }

        public int Next { get; set; }

        public long Line { get; set; }

        public readonly ReadOnlySpan<byte> Field(int index)
        {
            var start = index == 0 ? Start : Seps[index - 1] + 1;
            var end = Seps[index];
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
