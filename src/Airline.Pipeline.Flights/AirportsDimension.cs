using System.Globalization;
using System.Text;
using Airline.Pipeline.Flights.Internal;

namespace Airline.Pipeline.Flights;

/// <summary>
/// The airports dimension (<c>airports_dim</c>) the transform joins with, twice. Load it from CSV
/// (<see cref="LoadCsv(Stream)"/>: columns airport_id, city, state, name in any order) or from any source of
/// records (<see cref="FromRecords"/>, e.g. rows read from the warehouse). Immutable and thread-safe.
/// </summary>
public sealed class AirportsDimension
{
    private readonly Airport[] _airports;

    private AirportsDimension(Airport[] airports)
    {
        _airports = airports;
        Table = new AirportTable(airports);
    }

    /// <summary>The airports, in the order they were given.</summary>
    public IReadOnlyList<Airport> Airports => _airports;

    /// <summary>How many airports there are.</summary>
    public int Count => _airports.Length;

    internal AirportTable Table { get; }

    /// <summary>Finds an airport by id.</summary>
    public bool TryGet(long id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Airport? airport)
    {
        var index = Table.IndexOf(id);
        airport = index >= 0 ? _airports[index] : null;
        return airport is not null;
    }

    /// <summary>Builds the dimension from records; a repeated id is an error naming both positions (1-based).</summary>
    /// <exception cref="FlightDataException">An id appears twice, or a field is null.</exception>
    public static AirportsDimension FromRecords(IEnumerable<Airport> airports)
    {
        ArgumentNullException.ThrowIfNull(airports);
        var list = new List<Airport>();
        var firstPosition = new Dictionary<long, int>();
        var problems = new List<string>();
        foreach (var airport in airports)
        {
            var position = list.Count + 1;
            if (airport is null || airport.City is null || airport.State is null || airport.Name is null)
            {
                problems.Add($"airport {position} is null or has a null city, state or name");
                continue;
            }

            if (!firstPosition.TryAdd(airport.Id, position))
            {
                problems.Add($"airport_id={airport.Id} appears twice: records {firstPosition[airport.Id]} and {position}; keep one row per airport");
            }

            list.Add(airport);
        }

        return problems.Count > 0
            ? throw new FlightDataException("The airports dimension is invalid: " + string.Join("; ", problems))
            : new AirportsDimension([.. list]);
    }

    /// <summary>Reads airports from CSV text (a header with airport_id, city, state, name in any order, case-insensitive).</summary>
    public static AirportsDimension ParseCsv(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        using var reader = new StringReader(csv);
        return LoadCsv(reader);
    }

    /// <summary>Reads airports from a UTF-8 CSV stream (BOM accepted); see <see cref="ParseCsv"/>. The stream is left open.</summary>
    public static AirportsDimension LoadCsv(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return LoadCsv(reader);
    }

    /// <summary>Reads airports from a CSV file; see <see cref="ParseCsv"/>.</summary>
    public static AirportsDimension LoadCsvFile(string path)
    {
        using var stream = File.OpenRead(path);
        return LoadCsv(stream);
    }

    private static AirportsDimension LoadCsv(TextReader text)
    {
        var reader = new CsvRecordReader(text);
        var header = reader.Read() ?? throw new FlightDataException(1, "the airports file is empty; expected a header with airport_id, city, state, name");
        var map = new HeaderMap(header);
        int[] columns =
        [
            map.Find(["airport_id", "AirportID", "id"]),
            map.Find(["city"]),
            map.Find(["state"]),
            map.Find(["name", "airport_name", "AirportName"]),
        ];
        string[] wanted = ["airport_id", "city", "state", "name"];
        var missing = wanted.Where((_, i) => columns[i] < 0).ToList();
        if (missing.Count > 0)
        {
            throw new FlightDataException(1, $"the airports header has no {string.Join(", ", missing)} column; found: {map.Describe()}");
        }

        var airports = new List<Airport>();
        var lineById = new Dictionary<long, long>();
        var problems = new List<string>();
        while (reader.Read() is { } record)
        {
            var line = reader.RecordLine;
            if (record.Count != header.Count)
            {
                problems.Add($"line {line}: expected {header.Count} fields (as in the header) but found {record.Count}");
                continue;
            }

            var idText = record[columns[0]].Trim();
            if (!long.TryParse(idText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            {
                problems.Add($"line {line}: airport_id '{idText}' is not a whole number");
                continue;
            }

            if (!lineById.TryAdd(id, line))
            {
                problems.Add($"line {line}: airport_id={id} is already on line {lineById[id]}; keep one row per airport");
                continue;
            }

            airports.Add(new Airport(id, record[columns[1]], record[columns[2]], record[columns[3]]));
        }

        return problems.Count > 0
            ? throw new FlightDataException("The airports file is invalid: " + string.Join("; ", problems))
            : new AirportsDimension([.. airports]);
    }
}
