using System.Text;
using Airline.Pipeline.Flights;

namespace Airline.Pipeline.Flights.Tests;

/// <summary>Runs the transform on text and returns output, rejects and counts as text.</summary>
internal static class TestRuns
{
    public static async Task<(FlightEnrichmentResult Result, string Output, string Rejects)> EnrichAsync(
        string flights, AirportsDimension? airports = null, FlightEnrichmentOptions? options = null)
    {
        var enricher = new FlightEnricher(airports ?? SeedData.Airports(), options);
        using var output = new MemoryStream();
        using var rejects = new MemoryStream();
        var result = await enricher.EnrichAsync(SeedData.Open(flights), output, rejects);
        return (result, Encoding.UTF8.GetString(output.ToArray()), Encoding.UTF8.GetString(rejects.ToArray()));
    }

    public static Stream Bytes(byte[] bytes) => new MemoryStream(bytes, writable: false);
}
