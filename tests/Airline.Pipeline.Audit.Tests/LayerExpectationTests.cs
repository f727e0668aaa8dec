namespace Airline.Pipeline.Audit.Tests;

public sealed class LayerExpectationTests
{
    [Theory]
    [InlineData(100, LayerStatus.Passed)]
    [InlineData(99, LayerStatus.Passed)]   // 1% off: exactly the warn level passes (inclusive)
    [InlineData(101, LayerStatus.Passed)]
    [InlineData(98, LayerStatus.Warning)]  // 2%
    [InlineData(95, LayerStatus.Warning)]  // 5%: exactly the fail level still only warns
    [InlineData(105, LayerStatus.Warning)]
    [InlineData(94, LayerStatus.Failed)]   // 6%
    [InlineData(106, LayerStatus.Failed)]
    [InlineData(0, LayerStatus.Failed)]
    public void Tolerance_Edges_AreInclusive(long count, LayerStatus expected) =>
        LayerExpectation.Tolerance(0.01, 0.05).Judge(count, 100).Should().Be(expected);

    [Theory]
    [InlineData(7, 7, LayerStatus.Passed)]
    [InlineData(6, 7, LayerStatus.Failed)]
    [InlineData(8, 7, LayerStatus.Failed)]
    [InlineData(0, 0, LayerStatus.Passed)]
    public void Equal_IsExact(long count, long reference, LayerStatus expected) =>
        LayerExpectation.Equal.Judge(count, reference).Should().Be(expected);

    [Theory]
    [InlineData(0, 10, LayerStatus.Passed)]
    [InlineData(5, 10, LayerStatus.Passed)]
    [InlineData(10, 10, LayerStatus.Passed)]
    [InlineData(11, 10, LayerStatus.Failed)]
    public void AtMost_AllowsUpToTheReference(long count, long reference, LayerStatus expected) =>
        LayerExpectation.AtMost().Judge(count, reference).Should().Be(expected);

    [Fact]
    public void AtMost_WithARatio_FloorsTheMaximum()
    {
        var half = LayerExpectation.AtMost(0.5);
        half.ExpectedCount(11).Should().Be(5);
        half.Judge(5, 11).Should().Be(LayerStatus.Passed);
        half.Judge(6, 11).Should().Be(LayerStatus.Failed);
    }

    [Fact]
    public void Ratio_ComparesWithTheScaledReference()
    {
        var half = LayerExpectation.Ratio(0.5, 0.1, 0.2);
        half.ExpectedCount(10).Should().Be(5);
        half.Judge(5, 10).Should().Be(LayerStatus.Passed);
        half.Judge(6, 10).Should().Be(LayerStatus.Warning); // 20% off 5
        half.Judge(7, 10).Should().Be(LayerStatus.Failed);  // 40%
    }

    [Fact]
    public void Ratio_AgainstAZeroReference_PassesOnlyZero()
    {
        var tolerance = LayerExpectation.Tolerance(0.1, 0.5);
        tolerance.Judge(0, 0).Should().Be(LayerStatus.Passed);
        tolerance.Judge(1, 0).Should().Be(LayerStatus.Failed);
        tolerance.Deviation(1, 0).Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Tolerance_EdgesHoldForLargeCounts()
    {
        var tolerance = LayerExpectation.Tolerance(0.001, 0.01);
        tolerance.Judge(999_000_000, 1_000_000_000).Should().Be(LayerStatus.Passed);
        tolerance.Judge(998_999_999, 1_000_000_000).Should().Be(LayerStatus.Warning);
        tolerance.Judge(990_000_000, 1_000_000_000).Should().Be(LayerStatus.Warning);
        tolerance.Judge(989_999_999, 1_000_000_000).Should().Be(LayerStatus.Failed);
    }

    [Fact]
    public void Invalid_Levels_AreRejectedWithTheValues()
    {
        ((Action)(() => LayerExpectation.Tolerance(0.1, 0.05))).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("*warn level 0.1 exceeds the fail level 0.05*");
        ((Action)(() => LayerExpectation.Ratio(double.NaN, 0, 0))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => LayerExpectation.AtMost(-1))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ToString_Describes()
    {
        LayerExpectation.Equal.ToString().Should().Be("equal");
        LayerExpectation.AtMost().ToString().Should().Be("at most 1x");
        LayerExpectation.Tolerance(0.01, 0.05).ToString().Should().Be("ratio 1 (warn 1%, fail 5%)");
    }
}
