using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.StateMachines.Tests;

/// <summary>The package's public surface, approved in PublicApi.approved.txt.</summary>
public sealed class PublicApiTests() : PublicApiApprovalTests(typeof(global::Airline.Pipeline.StateMachines.Model.StateMachine).Assembly, "Airline.Pipeline.StateMachines.Tests");
