using Airline.Pipeline.Flights;

namespace Airline.Pipeline.Flights.Tests;

/// <summary>The README's example, compiled and run, so it cannot rot.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task Readme_example_enriches_a_file_from_a_stream()
    {
        var folder = Directory.CreateTempSubdirectory("readme-").FullName;
        try
        {
            Directory.SetCurrentDirectory(folder);
            SeedData.WriteTo(folder);
            File.Move(SeedData.FlightsFileName, "flights.csv");

            // README: begin
            var airports = AirportsDimension.LoadCsvFile("airports.csv");
            var enricher = new FlightEnricher(airports, new FlightEnrichmentOptions { UnknownAirport = UnknownAirportPolicy.Reject });
            await using var input = File.OpenRead("flights.csv");          // or an S3 GetObject response stream
            await using var output = File.Create("enriched.csv");          // Redshift COPY ... CSV IGNOREHEADER 1
            await using var rejects = File.Create("rejects.csv");          // line,reason,record
            var result = await enricher.EnrichAsync(input, output, rejects);
            Console.WriteLine($"{result.InputRows} in: {result.KeptRows} kept, {result.NotDelayedRows} not delayed, " +
                              $"{result.NoDelayValueRows} without a delay, {result.RejectedRows} rejected");
            // README: end

            result.KeptRows.Should().Be(5);
            result.IsBalanced.Should().BeTrue();
        }
        finally
        {
            Directory.SetCurrentDirectory(Path.GetTempPath());
            Directory.Delete(folder, recursive: true);
        }
    }
}
