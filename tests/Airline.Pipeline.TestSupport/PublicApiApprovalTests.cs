using System.Reflection;
using FluentAssertions;
using Xunit;

namespace Airline.Pipeline.TestSupport;

/// <summary>
/// A package's public surface, approved in its test project's PublicApi.approved.txt: a change to it is a visible
/// diff. Each test project derives one class from this, naming an assembly and itself.
/// </summary>
public abstract class PublicApiApprovalTests(Assembly assembly, string testProject)
{
    [Fact]
    public void PublicApi_MatchesTheApprovedFile()
    {
        var (approved, actual, path) = PublicApi.Compare(assembly, testProject);
        actual.Should().Be(approved, $"the public API changed; if intended, copy {path}.received over the approved file");
    }
}
