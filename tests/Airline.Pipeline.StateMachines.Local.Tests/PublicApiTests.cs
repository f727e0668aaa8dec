using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.StateMachines.Local.Tests;

/// <summary>The package's public surface, approved in PublicApi.approved.txt.</summary>
public sealed class PublicApiTests() : PublicApiApprovalTests(typeof(global::Airline.Pipeline.StateMachines.Local.StateMachineRunner).Assembly, "Airline.Pipeline.StateMachines.Local.Tests");
