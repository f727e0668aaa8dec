using System.Globalization;

namespace Airline.Pipeline.Audit;

/// <summary>
/// A layer's expected relation to the reference layer. Tolerances are relative to the expected count and
/// inclusive: with <c>Tolerance(0.01, 0.05)</c> and a reference of 100, 99 passes, 98 warns, 95 warns, 94 fails.
/// </summary>
public sealed record LayerExpectation
{
    private const double Epsilon = 1e-12;

    private LayerExpectation(ExpectationKind kind, double ratio, double warnTolerance, double failTolerance)
    {
        Kind = kind;
        ExpectedRatio = ratio;
        WarnTolerance = warnTolerance;
        FailTolerance = failTolerance;
    }

    /// <summary>The relation.</summary>
    public ExpectationKind Kind { get; }

    /// <summary>Expected count ÷ reference count (Equal: 1; AtMost: the largest allowed ratio).</summary>
    public double ExpectedRatio { get; }

    /// <summary>Relative deviation beyond which the layer warns (Ratio only; 0 otherwise).</summary>
    public double WarnTolerance { get; }

    /// <summary>Relative deviation beyond which the layer fails (Ratio only; 0 otherwise).</summary>
    public double FailTolerance { get; }

    /// <summary>Exactly the reference count; named sums recorded by both layers must be equal too.</summary>
    public static LayerExpectation Equal { get; } = new(ExpectationKind.Equal, 1, 0, 0);

    /// <summary>Near the reference count: warn beyond <paramref name="warnTolerance"/>, fail beyond <paramref name="failTolerance"/> (fractions, e.g. 0.01 = 1%).</summary>
    public static LayerExpectation Tolerance(double warnTolerance, double failTolerance) =>
        Ratio(1, warnTolerance, failTolerance);

    /// <summary>Near <paramref name="expectedRatio"/> × the reference count, with relative warn and fail levels.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, not finite, or warn exceeds fail.</exception>
    public static LayerExpectation Ratio(double expectedRatio, double warnTolerance, double failTolerance)
    {
        RequireFinite(expectedRatio, nameof(expectedRatio));
        RequireFinite(warnTolerance, nameof(warnTolerance));
        RequireFinite(failTolerance, nameof(failTolerance));
        if (warnTolerance > failTolerance)
        {
            throw new ArgumentOutOfRangeException(
                nameof(warnTolerance), warnTolerance,
                string.Create(CultureInfo.InvariantCulture, $"the warn level {warnTolerance} exceeds the fail level {failTolerance}; warn must be at most fail."));
        }

        return new(ExpectationKind.Ratio, expectedRatio, warnTolerance, failTolerance);
    }

    /// <summary>At most <paramref name="maxRatio"/> × the reference count (default: at most the reference).</summary>
    public static LayerExpectation AtMost(double maxRatio = 1) =>
        new(ExpectationKind.AtMost, RequireFinite(maxRatio, nameof(maxRatio)), 0, 0);

    /// <summary>The count this expectation asks for given <paramref name="referenceCount"/> (AtMost: the maximum).</summary>
    public long ExpectedCount(long referenceCount) => Kind switch
    {
        ExpectationKind.Equal => referenceCount,
        ExpectationKind.AtMost => (long)Math.Floor((ExpectedRatio * referenceCount) + Epsilon),
        _ => (long)Math.Round(ExpectedRatio * referenceCount, MidpointRounding.AwayFromZero),
    };

    /// <summary>Judges <paramref name="count"/> against <paramref name="referenceCount"/>: Passed, Warning or Failed.</summary>
    public LayerStatus Judge(long count, long referenceCount)
    {
        switch (Kind)
        {
            case ExpectationKind.Equal:
                return count == referenceCount ? LayerStatus.Passed : LayerStatus.Failed;
            case ExpectationKind.AtMost:
                return count <= ExpectedCount(referenceCount) ? LayerStatus.Passed : LayerStatus.Failed;
            default:
                var deviation = Deviation(count, referenceCount);
                return deviation <= FailTolerance + Epsilon
                    ? deviation <= WarnTolerance + Epsilon ? LayerStatus.Passed : LayerStatus.Warning
                    : LayerStatus.Failed;
        }
    }

    /// <summary>|count − expected| ÷ expected, the relative deviation (0 when both are 0, infinity when only expected is 0).</summary>
    public double Deviation(long count, long referenceCount)
    {
        var expected = ExpectedRatio * referenceCount;
        var difference = Math.Abs(count - expected);
        return expected == 0 ? (difference == 0 ? 0 : double.PositiveInfinity) : difference / expected;
    }

    /// <summary>Reads as <c>equal</c>, <c>ratio 0.5 (warn 1%, fail 5%)</c> or <c>at most 1x</c>.</summary>
    public override string ToString() => Kind switch
    {
        ExpectationKind.Equal => "equal",
        ExpectationKind.AtMost => string.Create(CultureInfo.InvariantCulture, $"at most {ExpectedRatio}x"),
        _ => string.Create(
            CultureInfo.InvariantCulture,
            $"ratio {ExpectedRatio} (warn {WarnTolerance:0.####%}, fail {FailTolerance:0.####%})"),
    };

    private static double RequireFinite(double value, string name) =>
        double.IsFinite(value) && value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number at least 0.");
}
