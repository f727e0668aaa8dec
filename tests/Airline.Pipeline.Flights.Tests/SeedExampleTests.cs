using Airline.Pipeline.Flights;

namespace Airline.Pipeline.Flights.Tests;

public sealed class SeedExampleTests
{
    [Fact]
    public async Task Seeds_ten_rows_keep_exactly_the_seeds_five_with_their_cities_and_states()
    {
        var (result, output, rejects) = await TestRuns.EnrichAsync(SeedData.FlightsCsv);

        output.Should().Be(
            "carrier,dep_airport,arr_airport,dep_city,arr_city,dep_state,arr_state,dep_delay,arr_delay,flight_date,flight_id\n" +
            "AA,Hartsfield-Jackson Atlanta International,Salt Lake City International,Atlanta,Salt Lake,GA,UT,75,82,2023-11-15,AA5678\n" +
            "UA,Phoenix Sky Harbor International,Minneapolis-St Paul International,Phoenix,Minneapolis,AZ,MN,62,58,2023-11-15,UA9012\n" +
            "BA,Denver International,Tucson International,Denver,Tucson,CO,AZ,120,115,2023-11-15,BA7890\n" +
            "EK,Salt Lake City International,Detroit Metro Wayne County,Salt Lake,Detroit,UT,MI,88,92,2023-11-15,EK4567\n" +
            "LH,Los Angeles International,Salt Lake City International,Los Angeles,Salt Lake,CA,UT,63,60,2023-11-15,LH7890\n");
        rejects.Should().Be("line,reason,record\n");
        result.InputRows.Should().Be(10);
        result.KeptRows.Should().Be(5);
        result.NotDelayedRows.Should().Be(5);
        result.NoDelayValueRows.Should().Be(0);
        result.RejectedRows.Should().Be(0);
        result.IsBalanced.Should().BeTrue();
        result.OutputColumns.Should().Equal(
            "carrier", "dep_airport", "arr_airport", "dep_city", "arr_city", "dep_state", "arr_state", "dep_delay", "arr_delay", "flight_date", "flight_id");
    }

    [Fact]
    public async Task Seeds_kept_rows_read_back_in_memory_with_the_seeds_flight_ids()
    {
        var batch = await new FlightEnricher(SeedData.Airports()).EnrichToMemoryAsync(SeedData.Open(SeedData.FlightsCsv));

        batch.Rows.Select(r => r.FlightId).Should().Equal(SeedData.KeptFlightIds);
        batch.Rows[2].Should().BeEquivalentTo(new EnrichedFlight
        {
            Carrier = "BA",
            DepAirport = "Denver International",
            ArrAirport = "Tucson International",
            DepCity = "Denver",
            ArrCity = "Tucson",
            DepState = "CO",
            ArrState = "AZ",
            DepDelay = 120,
            ArrDelay = 115,
            FlightDate = "2023-11-15",
            FlightId = "BA7890",
        });
        batch.GetValues().First().Should().Equal("AA", "Hartsfield-Jackson Atlanta International", "Salt Lake City International",
            "Atlanta", "Salt Lake", "GA", "UT", 75L, 82L, new DateOnly(2023, 11, 15), "AA5678");
    }

    [Fact]
    public async Task Unknown_airport_99999_fails_as_the_seeds_document_with_the_line()
    {
        var act = () => TestRuns.EnrichAsync(SeedData.UnknownAirportFlightsCsv);

        var error = (await act.Should().ThrowAsync<FlightDataException>()).Which;
        error.Reason.Should().Be(SeedData.UnknownAirportError);
        error.Line.Should().Be(3);
        error.Message.Should().Be("line 3: No matching record in airports_dim for airport_id=99999");
    }

    [Fact]
    public async Task Unknown_airport_under_Reject_goes_to_rejects_with_line_and_reason()
    {
        var (result, output, rejects) = await TestRuns.EnrichAsync(
            SeedData.UnknownAirportFlightsCsv, options: new FlightEnrichmentOptions { UnknownAirport = UnknownAirportPolicy.Reject });

        result.KeptRows.Should().Be(1);
        result.RejectedRows.Should().Be(1);
        result.UnknownAirportRows.Should().Be(1);
        result.IsBalanced.Should().BeTrue();
        rejects.Should().Be(
            "line,reason,record\n" +
            "3,No matching record in airports_dim for airport_id=99999,\"AA,99999,14869,75,82,2023-11-15,AA5678\"\n");
        result.RejectSamples.Should().ContainSingle().Which.Should().Be(
            new FlightReject(3, SeedData.UnknownAirportError, "AA,99999,14869,75,82,2023-11-15,AA5678"));
        output.Should().Contain("UA,Phoenix Sky Harbor International");
    }

    [Fact]
    public async Task Unknown_airport_under_KeepWithNulls_keeps_the_row_with_empty_airport_fields()
    {
        var (result, output, _) = await TestRuns.EnrichAsync(
            SeedData.UnknownAirportFlightsCsv, options: new FlightEnrichmentOptions { UnknownAirport = UnknownAirportPolicy.KeepWithNulls });

        result.KeptRows.Should().Be(2);
        result.KeptWithUnknownAirportRows.Should().Be(1);
        output.Split('\n')[1].Should().Be("AA,,Salt Lake City International,,Salt Lake,,UT,75,82,2023-11-15,AA5678");
    }

    [Fact]
    public void Seed_data_writes_its_files()
    {
        var folder = Path.Combine(Path.GetTempPath(), "seed-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (flights, airports) = SeedData.WriteTo(folder);
            File.ReadAllText(flights).Should().Be(SeedData.FlightsCsv);
            AirportsDimension.LoadCsvFile(airports).Count.Should().Be(9);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
