using Airline.Pipeline.Flights;

namespace Airline.Pipeline.Flights.Tests;

/// <summary>Every malformed-input class, under Reject (rejects CSV with line and reason) and Fail (exception with the line).</summary>
public sealed class MalformedRowTests
{
    private const string Header = "Carrier,OriginAirportID,DestAirportID,DepDelay,ArrDelay,FlightDate,FlightID\n";
    private const string Good = "AA,10397,14869,75,82,2023-11-15,AA5678\n";

    public static TheoryData<string, string, string> Cases => new()
    {
        { "too many fields", "UA,14107,13487,62,58,2023-11-15,UA9012,extra\n", "expected 7 fields (as in the header) but found 8" },
        { "too few fields", "UA,14107,13487,62\n", "expected 7 fields (as in the header) but found 4" },
        { "unparsable DepDelay", "UA,14107,13487,abc,58,2023-11-15,UA9012\n", "DepDelay: 'abc' is not a number of minutes" },
        { "fractional DepDelay", "UA,14107,13487,62.5,58,2023-11-15,UA9012\n", "DepDelay: '62.5' is a fractional delay; delays are whole minutes" },
        { "fractional ArrDelay", "UA,14107,13487,62,5.25,2023-11-15,UA9012\n", "ArrDelay: '5.25' is a fractional delay; delays are whole minutes" },
        { "unparsable airport id", "UA,PHX,13487,62,58,2023-11-15,UA9012\n", "OriginAirportID: 'PHX' is not a whole-number airport id" },
        { "empty airport id", "UA,14107,,62,58,2023-11-15,UA9012\n", "DestAirportID: '' is empty; an airport id is required" },
        { "quote inside an unquoted field", "U\"A\",14107,13487,62,58,2023-11-15,UA9012\n", "quote inside an unquoted field" },
        { "text after a closing quote", "\"UA\"x,14107,13487,62,58,2023-11-15,UA9012\n", "text after its closing quote" },
        { "out of range delay", "UA,14107,13487,1234567890123456789012,58,2023-11-15,UA9012\n", "DepDelay: '1234567890123456789012' is out of range" },
        { "unterminated quote at the end", "UA,14107,13487,62,58,2023-11-15,\"UA9012\n", "a quoted field is not closed before the end of the file" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_row_is_rejected_with_its_line_and_reason(string kind, string badRow, string reason)
    {
        var (result, output, rejects) = await TestRuns.EnrichAsync(Header + Good + badRow + Good);

        result.MalformedRows.Should().Be(1, kind);
        result.RejectedRows.Should().Be(1);
        result.IsBalanced.Should().BeTrue();
        result.RejectSamples.Should().ContainSingle().Which.Line.Should().Be(3);
        result.RejectSamples[0].Reason.Should().Contain(reason);
        rejects.Split('\n')[1].Should().StartWith("3,");
        if (kind != "unterminated quote at the end")
        {
            result.KeptRows.Should().Be(2);
            output.Split('\n').Should().HaveCount(4);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_row_fails_the_run_with_its_line_under_Fail(string kind, string badRow, string reason)
    {
        var act = () => TestRuns.EnrichAsync(Header + Good + Good + badRow, options: new FlightEnrichmentOptions { MalformedRows = MalformedRowPolicy.Fail });

        var error = (await act.Should().ThrowAsync<FlightDataException>(kind)).Which;
        error.Line.Should().Be(4);
        error.Message.Should().StartWith("line 4: ").And.Contain(reason);
    }

    [Fact]
    public async Task Line_numbers_count_line_breaks_inside_quoted_fields_and_blank_lines()
    {
        const string flights = "Carrier,OriginAirportID,DestAirportID,DepDelay,ArrDelay,FlightDate,FlightID\r\n" +
            "\"A\r\nA\",10397,14869,75,82,2023-11-15,AA5678\r\n" +
            "\r\n" +
            "UA,14107,13487,6x,58,2023-11-15,UA9012\r\n";

        var (result, _, _) = await TestRuns.EnrichAsync(flights);

        result.InputRows.Should().Be(2);
        result.RejectSamples.Should().ContainSingle().Which.Line.Should().Be(5);
    }

    [Theory]
    [InlineData(4096, 1)]
    [InlineData(1 << 20, 1)]
    [InlineData(4096, 2)]
    public async Task Reject_lines_stay_exact_across_blocks_and_index_windows_with_quoted_line_breaks(int blockSize, int cores)
    {
        // About 200 KB: several 32 KB index windows, and with 4 KB blocks many blocks. Every 7th record has a quoted
        // carrier with a line break inside; every 50th has a bad delay and must be rejected with its physical line.
        var text = new System.Text.StringBuilder(Header.Replace("\n", "\r\n", StringComparison.Ordinal));
        var line = 2L;
        var expectedLines = new List<long>();
        for (var i = 0; i < 4000; i++)
        {
            var carrier = i % 7 == 0 ? "\"U\nA\"" : "UA";
            var delay = i % 50 == 0 ? "6x" : (i % 3 == 0 ? "75" : "-3");
            if (i % 50 == 0)
            {
                expectedLines.Add(line);
            }

            text.Append(carrier).Append(",14107,13487,").Append(delay).Append(",58,2023-11-15,UA").Append(i).Append("\r\n");
            line += i % 7 == 0 ? 2 : 1;
        }

        var options = new FlightEnrichmentOptions
        {
            MalformedRows = MalformedRowPolicy.Reject,
            BlockSizeBytes = blockSize,
            DegreeOfParallelism = cores,
            MaxRejectSamples = 1000,
        };
        var (result, _, _) = await TestRuns.EnrichAsync(text.ToString(), options: options);

        result.InputRows.Should().Be(4000);
        result.RejectSamples.Select(r => r.Line).Should().Equal(expectedLines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task An_unclosed_quote_fails_with_the_line_where_the_record_starts_once_it_exceeds_MaxRowBytes(int cores)
    {
        var records = string.Concat(Enumerable.Range(0, 300).Select(i => $"UA,14107,13487,-3,58,2023-11-15,UA{i}\n"));
        var flights = Header + records + "\"UA,14107,13487,75,58,2023-11-15,UA9012\n" + records + records;
        var options = new FlightEnrichmentOptions { BlockSizeBytes = 4096, MaxRowBytes = 8192, DegreeOfParallelism = cores };

        var act = () => TestRuns.EnrichAsync(flights, options: options);

        var error = (await act.Should().ThrowAsync<FlightDataException>()).Which;
        error.Line.Should().Be(302);
        error.Message.Should().Contain("no record ends within 8192 bytes").And.Contain("MaxRowBytes");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_record_longer_than_a_block_but_within_MaxRowBytes_is_read_whole(int cores)
    {
        var notes = new string('x', 10_000);
        var flights = "Carrier,OriginAirportID,DestAirportID,DepDelay,ArrDelay,FlightDate,FlightID,Notes\n"
            + "UA,14107,13487,75,58,2023-11-15,UA9012,\"" + notes + "\"\n"
            + "AA,10397,14869,90,82,2023-11-15,AA5678,short\n";
        var options = new FlightEnrichmentOptions { BlockSizeBytes = 4096, MaxRowBytes = 1 << 16, DegreeOfParallelism = cores };

        var (result, output, _) = await TestRuns.EnrichAsync(flights, options: options);

        result.KeptRows.Should().Be(2);
        output.Should().Contain("UA9012").And.Contain("AA5678");
    }

    [Fact]
    public async Task Bad_values_in_a_flight_that_is_not_delayed_do_not_reject_it_the_filter_comes_first()
    {
        var (result, _, _) = await TestRuns.EnrichAsync(Header + "UA,PHX,13487,12,5.5,2023-11-15,UA9012\n");

        result.NotDelayedRows.Should().Be(1);
        result.RejectedRows.Should().Be(0);
    }

    [Fact]
    public async Task Missing_required_columns_are_all_named_in_one_error_at_line_1()
    {
        var act = () => TestRuns.EnrichAsync("Carrier,Origin,DestAirportID\nAA,1,2\n");

        var error = (await act.Should().ThrowAsync<FlightDataException>()).Which;
        error.Line.Should().Be(1);
        error.Message.Should().Contain("origin airport id").And.Contain("departure delay").And.Contain("arrival delay").And.Contain("FlightColumnNames");
    }

    [Fact]
    public async Task Empty_input_fails_with_a_clear_message()
    {
        var act = () => TestRuns.EnrichAsync("");

        (await act.Should().ThrowAsync<FlightDataException>()).Which.Message.Should().Contain("empty");
    }

    [Fact]
    public void Duplicate_airport_ids_name_both_lines()
    {
        var act = () => AirportsDimension.ParseCsv("airport_id,city,state,name\n1,A,AA,\"X, Y\"\n2,B,BB,Z\n1,C,CC,\"Q \"\"R\"\"\"\n");

        act.Should().Throw<FlightDataException>().WithMessage("*airport_id=1 is already on line 2*line 4*".Replace("line 4", "")).And.Message.Should().Contain("line 4");
    }

    [Fact]
    public void Airports_load_any_column_order_with_quoted_names()
    {
        var airports = AirportsDimension.ParseCsv("\uFEFFName,State,Airport_ID,City\r\n\"Washington, \"\"Dulles\"\"\",VA,12264,Washington\r\n");

        airports.TryGet(12264, out var airport).Should().BeTrue();
        airport.Should().Be(new Airport(12264, "Washington", "VA", "Washington, \"Dulles\""));
    }

    [Fact]
    public void Duplicate_airport_records_name_both_positions()
    {
        var act = () => AirportsDimension.FromRecords([new Airport(1, "A", "AA", "X"), new Airport(2, "B", "BB", "Y"), new Airport(1, "C", "CC", "Z")]);

        act.Should().Throw<FlightDataException>().Which.Message.Should().Contain("airport_id=1 appears twice: records 1 and 3");
    }
}
