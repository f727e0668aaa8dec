namespace Airline.Pipeline.Audit;

/// <summary>A layer's expectation in bindable form (see <see cref="LayerExpectation"/>).</summary>
public sealed class LayerExpectationOptions
{
    /// <summary>Equal, Ratio or AtMost.</summary>
    public ExpectationKind Kind { get; set; } = ExpectationKind.Equal;

    /// <summary>Expected (Ratio) or largest allowed (AtMost) count ÷ reference count. Default 1.</summary>
    public double Ratio { get; set; } = 1;

    /// <summary>Ratio only: relative deviation beyond which the layer warns (0.01 = 1%).</summary>
    public double WarnTolerance { get; set; }

    /// <summary>Ratio only: relative deviation beyond which the layer fails.</summary>
    public double FailTolerance { get; set; }

    /// <summary>The expectation.</summary>
    /// <exception cref="ArgumentException">A value is out of range (the message names it).</exception>
    public LayerExpectation ToExpectation() => Kind switch
    {
        ExpectationKind.Equal => LayerExpectation.Equal,
        ExpectationKind.AtMost => LayerExpectation.AtMost(Ratio),
        ExpectationKind.Ratio => LayerExpectation.Ratio(Ratio, WarnTolerance, FailTolerance),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "use Equal, Ratio or AtMost."),
    };
}
