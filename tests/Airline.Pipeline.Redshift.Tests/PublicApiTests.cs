using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Redshift.Tests;

/// <summary>The package's public surface, approved in PublicApi.approved.txt.</summary>
public sealed class PublicApiTests() : PublicApiApprovalTests(typeof(global::Airline.Pipeline.Redshift.SqlValidationException).Assembly, "Airline.Pipeline.Redshift.Tests");
