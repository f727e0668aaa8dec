using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.StateMachines.Tests;

/// <summary>The package's public surface, approved in PublicApi.approved.txt: a change to it is a visible diff.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheApprovedFile()
    {
        var (approved, actual, path) = PublicApi.Compare(typeof(global::Airline.Pipeline.StateMachines.Model.StateMachine).Assembly, "Airline.Pipeline.StateMachines.Tests");
        actual.Should().Be(approved, $"the public API changed; if intended, copy {path}.received over the approved file");
    }
}
