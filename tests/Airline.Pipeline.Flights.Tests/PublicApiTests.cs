using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Flights.Tests;

/// <summary>The package's public surface, approved in PublicApi.approved.txt.</summary>
public sealed class PublicApiTests() : PublicApiApprovalTests(typeof(global::Airline.Pipeline.Flights.FlightEnricher).Assembly, "Airline.Pipeline.Flights.Tests");
