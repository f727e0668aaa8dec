namespace Airline.Pipeline.Audit.Tests;

public sealed class AuditPlanTests
{
    [Fact]
    public void Builder_WithoutLayers_UsesTheSeedsFourLayers_LandingAsReference()
    {
        var plan = AuditPlan.CreateBuilder("orders").Build();

        plan.Layers.Select(l => l.Name).Should().Equal("s3_landing", "s3_staging", "redshift_staging", "redshift_final");
        plan.ReferenceLayer.Should().Be("s3_landing");
        plan.Layers.Should().AllSatisfy(l => l.Expectation.Should().Be(LayerExpectation.Equal));
        plan.CompletionTimeout.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Builder_AnyNames_AndAnotherReference()
    {
        var plan = AuditPlan.CreateBuilder("flights")
            .Layer("raw")
            .Layer("delayed", LayerExpectation.AtMost())
            .Layer("fact", LayerExpectation.Tolerance(0, 0.01))
            .Reference("raw")
            .CompletionTimeout(TimeSpan.FromMinutes(30))
            .Build();

        plan.Layers.Should().HaveCount(3);
        plan.Layers[1].Expectation.Kind.Should().Be(ExpectationKind.AtMost);
        plan.CompletionTimeout.Should().Be(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void Build_ReportsEveryProblemAtOnce()
    {
        var builder = AuditPlan.CreateBuilder(" ")
            .Layer("ok")
            .Layer("ok")
            .Layer("bad name")
            .Reference("missing")
            .CompletionTimeout(TimeSpan.Zero);

        builder.TryBuild(out var plan, out var problems).Should().BeFalse();
        plan.Should().BeNull();
        problems.Should().HaveCount(5);
        ((Action)(() => builder.Build())).Should().Throw<InvalidOperationException>()
            .WithMessage("*pipeline name is empty*'ok' appears twice*'bad name'*reference layer 'missing'*completion timeout 00:00:00*");
    }
}
