using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Aws.Tests;

/// <summary>The package's public surface, approved in PublicApi.approved.txt.</summary>
public sealed class PublicApiTests() : PublicApiApprovalTests(typeof(global::Airline.Pipeline.Aws.Storage.S3ObjectStore).Assembly, "Airline.Pipeline.Aws.Tests");
