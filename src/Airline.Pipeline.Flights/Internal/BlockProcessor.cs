using System.Buffers.Text;
using System.Text;

namespace Airline.Pipeline.Flights.Internal;

/// <summary>
/// The transform over one block of whole records: tokenize, classify (malformed, cancelled, no delay, not delayed),
/// join twice, write the output row. Stateless apart from its settings, so blocks run on any thread.
/// </summary>
internal sealed class BlockProcessor
{
    private const int MaxShownValue = 40;
    private readonly FlightLayout _layout;
    private readonly AirportTable _airports;
    private readonly FlightEnrichmentOptions _options;

    public BlockProcessor(FlightLayout layout, AirportTable airports, FlightEnrichmentOptions options)
    {
        _layout = layout;
        _airports = airports;
        _options = options;
    }

    public BlockResult Process(ReadOnlySpan<byte> data, long firstLine, int collectSamples)
    {
        var result = new BlockResult(Math.Max(4096, data.Length / 4));
        var row = new RowContext(data, new int[_layout.FieldCount], result, collectSamples);
        var pos = 0;
        var line = firstLine;
        while (pos < data.Length)
        {
            row.Start = pos;
            pos = RowTokenizer.Read(data, pos, row.Ends, out var fieldCount, out var innerNewlines, out var unterminated);
            row.Next = pos;
            row.Line = line;
            line += 1 + innerNewlines;
            if (fieldCount == 1 && row.Ends[0] == row.Start)
            {
                continue;
            }

            result.Rows++;
            if (!ProcessRow(ref row, fieldCount, unterminated))
            {
                break;
            }
        }

        return result;
    }

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

        if (layout.Cancelled >= 0)
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

        if (depDelay <= _options.DelayThresholdMinutes)
        {
            row.Result.NotDelayed++;
            return true;
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

        new DateOnly((int)year, (int)month, (int)day).TryFormat(destination, out written, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
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

    /// <summary>The record being processed: its bounds, field ends and line.</summary>
    private ref struct RowContext
    {
        private readonly ReadOnlySpan<byte> _data;

        public RowContext(ReadOnlySpan<byte> data, int[] ends, BlockResult result, int samplesWanted)
        {
            _data = data;
            Ends = ends;
            Result = result;
            SamplesWanted = samplesWanted;
        }

        public int[] Ends { get; }

        public BlockResult Result { get; }

        public int SamplesWanted { get; set; }

        public int Start { get; set; }

        public int Next { get; set; }

        public long Line { get; set; }

        public readonly ReadOnlySpan<byte> Field(int index)
        {
            var start = index == 0 ? Start : Ends[index - 1] + 1;
            return _data[start..Ends[index]];
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
