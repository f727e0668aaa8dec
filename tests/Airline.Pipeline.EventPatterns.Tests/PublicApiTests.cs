using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.EventPatterns.Tests;

/// <summary>The package's public surface, approved in PublicApi.approved.txt.</summary>
public sealed class PublicApiTests() : PublicApiApprovalTests(typeof(global::Airline.Pipeline.EventPatterns.EventPattern).Assembly, "Airline.Pipeline.EventPatterns.Tests");
