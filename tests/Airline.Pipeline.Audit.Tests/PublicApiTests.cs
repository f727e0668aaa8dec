using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Audit.Tests;

/// <summary>The package's public surface, approved in PublicApi.approved.txt.</summary>
public sealed class PublicApiTests() : PublicApiApprovalTests(typeof(global::Airline.Pipeline.Audit.AuditReconciler).Assembly, "Airline.Pipeline.Audit.Tests");
