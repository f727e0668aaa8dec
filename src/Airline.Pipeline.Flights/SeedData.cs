using System.Text;

namespace Airline.Pipeline.Flights;

/// <summary>
/// The airline seed's sample data, embedded: its 10-row flights file (5 rows are delayed over 60 minutes and are
/// kept: AA5678, UA9012, BA7890, EK4567, LH7890), the airports of its two airports_dim tables, and its error
/// scenario (airport 99999). WN2345 names airport 11298, which the seeds' tables lack; it is not delayed over 60,
/// so it is filtered before the join and does not fail the run.
/// </summary>
public static class SeedData
{
    /// <summary>The seeds' file name for the sample day.</summary>
    public const string FlightsFileName = "flights_20231115.csv";

    /// <summary>The seeds' 10-row flights file (header FlightID,Carrier,OriginAirportID,DestAirportID,DepDelay,ArrDelay,FlightDate).</summary>
    public const string FlightsCsv =
        "FlightID,Carrier,OriginAirportID,DestAirportID,DepDelay,ArrDelay,FlightDate\n" +
        "DL1234,DL,11433,13303,-3,1,2023-11-15\n" +
        "AA5678,AA,10397,14869,75,82,2023-11-15\n" +
        "UA9012,UA,14107,13487,62,58,2023-11-15\n" +
        "WN2345,WN,11298,12892,45,39,2023-11-15\n" +
        "BA7890,BA,11292,15376,120,115,2023-11-15\n" +
        "QF3456,QF,10397,14107,5,-2,2023-11-15\n" +
        "EK4567,EK,14869,11433,88,92,2023-11-15\n" +
        "SQ6789,SQ,13487,11298,0,-5,2023-11-15\n" +
        "LH7890,LH,12892,14869,63,60,2023-11-15\n" +
        "TK8901,TK,15376,10397,15,12,2023-11-15\n";

    /// <summary>The union of the seeds' two airports_dim tables (airport_id,city,state,name).</summary>
    public const string AirportsCsv =
        "airport_id,city,state,name\n" +
        "10397,Atlanta,GA,Hartsfield-Jackson Atlanta International\n" +
        "11292,Denver,CO,Denver International\n" +
        "11433,Detroit,MI,Detroit Metro Wayne County\n" +
        "12892,Los Angeles,CA,Los Angeles International\n" +
        "13303,Miami,FL,Miami International\n" +
        "13487,Minneapolis,MN,Minneapolis-St Paul International\n" +
        "14107,Phoenix,AZ,Phoenix Sky Harbor International\n" +
        "14869,Salt Lake,UT,Salt Lake City International\n" +
        "15376,Tucson,AZ,Tucson International\n";

    /// <summary>The seeds' error scenario: a delayed flight from airport 99999, which airports_dim lacks (line 3).</summary>
    public const string UnknownAirportFlightsCsv =
        "Carrier,OriginAirportID,DestAirportID,DepDelay,ArrDelay,FlightDate,FlightID\n" +
        "DL,11433,13303,-3,1,2023-11-15,DL1234\n" +
        "AA,99999,14869,75,82,2023-11-15,AA5678\n" +
        "UA,14107,13487,62,58,2023-11-15,UA9012\n";

    /// <summary>The error the seeds document for <see cref="UnknownAirportFlightsCsv"/>.</summary>
    public const string UnknownAirportError = "No matching record in airports_dim for airport_id=99999";

    /// <summary>The flight ids the seeds keep from <see cref="FlightsCsv"/>, in file order.</summary>
    public static IReadOnlyList<string> KeptFlightIds { get; } = ["AA5678", "UA9012", "BA7890", "EK4567", "LH7890"];

    /// <summary>The seeds' airports as a dimension.</summary>
    public static AirportsDimension Airports() => AirportsDimension.ParseCsv(AirportsCsv);

    /// <summary>A readable stream over a text (UTF-8), e.g. <c>SeedData.Open(SeedData.FlightsCsv)</c>.</summary>
    public static Stream Open(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);

    /// <summary>Writes <c>flights_20231115.csv</c> and <c>airports.csv</c> into a folder and returns their paths.</summary>
    public static (string FlightsPath, string AirportsPath) WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var flights = Path.Combine(directory, FlightsFileName);
        var airports = Path.Combine(directory, "airports.csv");
        File.WriteAllText(flights, FlightsCsv, new UTF8Encoding(false));
        File.WriteAllText(airports, AirportsCsv, new UTF8Encoding(false));
        return (flights, airports);
    }
}
