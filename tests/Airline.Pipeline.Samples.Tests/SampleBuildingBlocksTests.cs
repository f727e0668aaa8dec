using System.Text.Json.Nodes;
using Airline.Pipeline.Aws.Storage;
using Airline.Pipeline.EventPatterns.Presets;
using Airline.Pipeline.Samples.AirlineIngestion;
using Airline.Pipeline.Samples.AirlineIngestion.Local;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Samples.Tests;

/// <summary>The pieces the airline sample adds between the packages.</summary>
public sealed class SampleBuildingBlocksTests
{
    [Fact]
    public void The_S3_event_has_the_shape_AWS_documents_and_the_rule_matches_it()
    {
        var documented = JsonNode.Parse(File.ReadAllText(RepositoryPaths.SharedDataPath("eventbridge", "s3-object-created.json")))!;
        var file = new ObjectInfo(SampleNames.Bucket, "incoming/flights_20231115.csv", 465, "d98f0354c1e107cdbf5c2f9c80346d8d", new DateTimeOffset(2023, 11, 15, 0, 5, 0, TimeSpan.Zero));

        var json = S3Events.ObjectCreated(file, file.LastModified, Guid.Parse("17793124-05d4-b198-2fde-7ededc63b103"));

        var built = JsonNode.Parse(json)!;
        // version-id appears only for versioned buckets; the local-folder bucket has no versions.
        Paths(built).Should().BeEquivalentTo(Paths(documented).Where(p => p != "/detail/object/version-id"));
        built["detail"]!["object"]!["key"]!.GetValue<string>().Should().Be("incoming/flights_20231115.csv");
        built["detail"]!["object"]!["size"]!.GetValue<long>().Should().Be(465);
        built["time"]!.GetValue<string>().Should().Be("2023-11-15T00:05:00Z");
        EventPresets.S3ObjectCreated(SampleNames.Bucket, prefix: "incoming/", suffix: ".csv").Matches(json).Should().BeTrue();
    }

    [Theory]
    [InlineData("FlightID,Carrier,OriginAirportID,DestAirportID,DepDelay,ArrDelay,FlightDate", "TK8901,TK,15376,10397,15,12,2023-11-15",
        "ZZ9999,ZZ,99999,10397,95,90,2023-11-15")]
    [InlineData("Year,Month,DayofMonth,Carrier,OriginAirportID,OriginAirportName,DestAirportID,DepDelay,ArrDelay,Cancelled",
        "2023,12,31,DL,10397,\"Atlanta, GA International\",14869,,,1",
        "2023,12,31,ZZ,99999,\"Atlanta, GA International\",10397,95,90,0")]
    public void The_injected_row_copies_the_files_layout_and_names_airport_99999(string header, string last, string expected)
    {
        Landing.UnknownAirportRow(header, last, "airport_id,city,state,name\n10397,Atlanta,GA,Hartsfield-Jackson Atlanta International\n")
            .Should().Be(expected);
    }

    [Theory]
    [InlineData("Carrier,OriginAirportID,DestAirportID,DepDelay,ArrDelay", new string[0])]
    [InlineData("OP_CARRIER,ORIGIN_AIRPORT_ID,DEST_AIRPORT_ID,DEP_DELAY,ARR_DELAY,FL_DATE", new string[0])]
    [InlineData("FlightID,Carrier,OriginAirportID,DestAirportID,FlightDate", new[] { "DepDelay", "ArrDelay" })]
    public void The_crawler_checks_the_header_against_the_expected_schema(string header, string[] missing)
    {
        CrawlerTwin.MissingColumns(CsvLine.Split(header)).Should().Equal(missing);
    }

    [Fact]
    public async Task An_unknown_airport_in_a_generated_file_fails_the_run_too()
    {
        using var folder = new SampleFolder();

        var run = await AirlineSample.RunAsync("--out", folder.Root, "--rows", "300", "--inject-unknown-airport");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain("line 302: No matching record in airports_dim for airport_id=99999");
        folder.Files(Path.Combine("s3", "airline-dataset-gds", "failed")).Should().Equal("flights_generated_300.csv");
    }

    private static IEnumerable<string> Paths(JsonNode node, string prefix = "") => node switch
    {
        JsonObject o => o.SelectMany(p => Paths(p.Value!, prefix + "/" + p.Key)),
        JsonArray a => a.SelectMany((item, i) => Paths(item!, prefix + "/" + i)),
        _ => [prefix],
    };
}
