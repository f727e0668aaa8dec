using System.Globalization;
using System.Text;
using Airline.Pipeline.Flights.Internal;

namespace Airline.Pipeline.Flights;

/// <summary>
/// Writes and reads the transform's output format: RFC 4180 CSV with a header, UTF-8 without BOM, LF line ends,
/// NULL as an empty unquoted field and an empty string as <c>""</c> (as Redshift and PostgreSQL COPY ... CSV read them).
/// </summary>
public static class EnrichedFlightCsv
{
    /// <summary>Writes rows with the given columns (default: all of <see cref="EnrichedFlight.AllColumnNames"/>). The stream is left open.</summary>
    public static void Write(Stream output, IEnumerable<EnrichedFlight> rows, IReadOnlyList<string>? columns = null, bool writeHeader = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        columns ??= EnrichedFlight.AllColumnNames;
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        if (writeHeader)
        {
            writer.Write(string.Join(',', columns));
            writer.Write('\n');
        }

        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                switch (row.GetValue(columns[i]))
                {
                    case null:
                        break;
                    case long number:
                        writer.Write(number.ToString(CultureInfo.InvariantCulture));
                        break;
                    case var text:
                        writer.Write(CsvBytes.EncodeString((string)text));
                        break;
                }
            }

            writer.Write('\n');
        }
    }

    /// <summary>Reads rows written by <see cref="Write"/> or <see cref="FlightEnricher"/> (columns by header name, any order).</summary>
    /// <exception cref="FlightDataException">The header lacks carrier or dep_delay, or a row is malformed (with its line).</exception>
    public static IReadOnlyList<EnrichedFlight> Read(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var text = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var reader = new CsvRecordReader(text);
        var header = reader.Read();
        if (header is null)
        {
            return [];
        }

        var map = new HeaderMap(header);
        var index = EnrichedFlight.AllColumnNames.ToDictionary(name => name, name => map.Find([name]));
        if (index["carrier"] < 0 || index["dep_delay"] < 0)
        {
            throw new FlightDataException(1, $"the header has no carrier or dep_delay column; found: {map.Describe()}");
        }

        var rows = new List<EnrichedFlight>();
        while (reader.Read() is { } record)
        {
            var line = reader.RecordLine;
            if (record.Count != header.Count)
            {
                throw new FlightDataException(line, $"expected {header.Count} fields (as in the header) but found {record.Count}");
            }

            string? Text(string column) => index[column] < 0 ? null : NullIfEmpty(record[index[column]], reader, index[column]);
            long? Number(string column)
            {
                var value = Text(column);
                return value is null ? null
                    : long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
                    : throw new FlightDataException(line, $"{column}: '{value}' is not a whole number");
            }

            rows.Add(new EnrichedFlight
            {
                Carrier = Text("carrier") ?? "",
                DepAirport = Text("dep_airport"),
                ArrAirport = Text("arr_airport"),
                DepCity = Text("dep_city"),
                ArrCity = Text("arr_city"),
                DepState = Text("dep_state"),
                ArrState = Text("arr_state"),
                DepDelay = Number("dep_delay") ?? throw new FlightDataException(line, "dep_delay is empty"),
                ArrDelay = Number("arr_delay"),
                FlightDate = Text("flight_date"),
                FlightId = Text("flight_id"),
            });
        }

        return rows;
    }

    // The record reader unquotes, so "" and an empty unquoted field look alike; it records which were quoted.
    private static string? NullIfEmpty(string value, CsvRecordReader reader, int field) =>
        value.Length == 0 && !reader.WasQuoted(field) ? null : value;
}
