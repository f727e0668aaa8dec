using System.Text;
using Airline.Pipeline.Flights;

namespace Airline.Pipeline.Flights.Tests;

public sealed class FormatTests
{
    [Fact]
    public async Task Microsoft_flights_csv_is_read_by_name_with_a_date_from_year_month_day()
    {
        const string flights =
            "Year,Month,DayofMonth,DayOfWeek,Carrier,OriginAirportID,OriginAirportName,OriginCity,OriginState,DestAirportID,DestAirportName,DestCity,DestState,CRSDepTime,DepDelay,DepDel15,CRSArrTime,ArrDelay,ArrDel15,Cancelled\n" +
            "2013,4,19,5,DL,11433,Detroit Metro Wayne County,Detroit,MI,13303,Miami International,Miami,FL,837,-3,0,1138,1,0,0\n" +
            "2013,4,19,5,AA,10397,\"Hartsfield-Jackson, Atlanta\",Atlanta,GA,14869,Salt Lake City International,Salt Lake City,UT,1705,75,1,1915,82,1,0\n" +
            "2013,4,19,5,UA,14107,Phoenix Sky Harbor International,Phoenix,AZ,13487,Minneapolis-St Paul International,Minneapolis,MN,600,,,1000,,,1\n";

        var (result, output, _) = await TestRuns.EnrichAsync(flights);

        output.Should().Be(
            "carrier,dep_airport,arr_airport,dep_city,arr_city,dep_state,arr_state,dep_delay,arr_delay,flight_date\n" +
            "AA,Hartsfield-Jackson Atlanta International,Salt Lake City International,Atlanta,Salt Lake,GA,UT,75,82,2013-04-19\n");
        result.NoDelayValueRows.Should().Be(1);
        result.CancelledRows.Should().Be(1);
        result.NotDelayedRows.Should().Be(1);
    }

    [Fact]
    public async Task Bts_on_time_format_with_trailing_comma_quoted_commas_decimals_and_empty_delays()
    {
        const string flights =
            "\"Year\",\"Quarter\",\"Month\",\"DayofMonth\",\"DayOfWeek\",\"FlightDate\",\"Reporting_Airline\",\"DOT_ID_Reporting_Airline\",\"IATA_CODE_Reporting_Airline\",\"Tail_Number\",\"Flight_Number_Reporting_Airline\",\"OriginAirportID\",\"OriginCityName\",\"DestAirportID\",\"DestCityName\",\"DepDelay\",\"ArrDelay\",\"Cancelled\",\"CancellationCode\",\n" +
            "2023,4,11,15,3,2023-11-15,\"AA\",19805,\"AA\",\"N101NN\",\"5678\",10397,\"Atlanta, GA\",14869,\"Salt Lake City, UT\",75.00,82.00,0.00,\"\",\n" +
            "2023,4,11,15,3,2023-11-15,\"DL\",19790,\"DL\",\"N102DL\",\"1234\",11433,\"Detroit, MI\",13303,\"Miami, FL\",-3.00,1.00,0.00,\"\",\n" +
            "2023,4,11,15,3,2023-11-15,\"UA\",19977,\"UA\",\"N103UA\",\"9012\",14107,\"Phoenix, AZ\",13487,\"Minneapolis, MN\",,,1.00,\"B\",\n" +
            "2023,4,11,15,3,2023-11-15,\"EK\",19999,\"EK\",\"N104EK\",\"4567\",14869,\"Salt Lake City, UT\",11433,\"Detroit, MI\",88.00,,0.00,\"\",\n";

        var batch = await new FlightEnricher(SeedData.Airports()).EnrichToMemoryAsync(SeedData.Open(flights));

        batch.Result.InputRows.Should().Be(4);
        batch.Result.CancelledRows.Should().Be(1);
        batch.Result.NotDelayedRows.Should().Be(1);
        batch.Rows.Select(r => (r.FlightId, r.DepDelay, r.ArrDelay, r.FlightDate)).Should().Equal(
            ("AA5678", 75L, (long?)82L, "2023-11-15"),
            ("EK4567", 88L, (long?)null, "2023-11-15"));
    }

    [Fact]
    public async Task Custom_column_names_any_order_BOM_and_CRLF()
    {
        var flights = "\uFEFFdep_delay_min,ARR,to,from,airline\r\n75,82,14869,10397,AA\r\n";
        var options = new FlightEnrichmentOptions
        {
            Columns = FlightColumnNames.Default with
            {
                DepDelay = ["dep_delay_min"],
                ArrDelay = ["arr"],
                OriginAirportId = ["FROM"],
                DestAirportId = ["to"],
                Carrier = ["airline"],
            },
        };

        var (_, output, _) = await TestRuns.EnrichAsync(flights, options: options);

        output.Should().Be(
            "carrier,dep_airport,arr_airport,dep_city,arr_city,dep_state,arr_state,dep_delay,arr_delay\n" +
            "AA,Hartsfield-Jackson Atlanta International,Salt Lake City International,Atlanta,Salt Lake,GA,UT,75,82\n");
    }

    [Fact]
    public async Task Threshold_is_strictly_greater_and_configurable()
    {
        const string flights = "Carrier,OriginAirportID,DestAirportID,DepDelay,ArrDelay\nAA,10397,14869,60,1\nAA,10397,14869,61,1\n";

        (await TestRuns.EnrichAsync(flights)).Result.KeptRows.Should().Be(1);
        (await TestRuns.EnrichAsync(flights, options: new FlightEnrichmentOptions { DelayThresholdMinutes = 59 })).Result.KeptRows.Should().Be(2);
    }

    [Fact]
    public async Task Output_quotes_names_with_commas_quotes_and_writes_gzip_when_asked()
    {
        var airports = AirportsDimension.FromRecords([new Airport(1, "Washington", "DC", "Reagan, \"National\""), new Airport(2, "", "VA", "Dulles")]);
        const string flights = "Carrier,OriginAirportID,DestAirportID,DepDelay,ArrDelay\nAA,1,2,90,\n";
        var enricher = new FlightEnricher(airports, new FlightEnrichmentOptions { GzipOutput = true });
        using var output = new MemoryStream();

        await enricher.EnrichAsync(SeedData.Open(flights), output);

        output.Position = 0;
        using var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionMode.Decompress);
        using var text = new StreamReader(gzip, Encoding.UTF8);
        (await text.ReadToEndAsync()).Split('\n')[1].Should().Be("AA,\"Reagan, \"\"National\"\"\",Dulles,Washington,\"\",DC,VA,90,");
    }
}
