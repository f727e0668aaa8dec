namespace Airline.Pipeline.Audit;

/// <summary>How a layer's count must relate to the reference layer's count.</summary>
public enum ExpectationKind
{
    /// <summary>Exactly the reference count (and equal named sums where both layers record them).</summary>
    Equal = 0,

    /// <summary>Near <c>ratio × reference</c>: warn beyond one relative tolerance, fail beyond another.</summary>
    Ratio = 1,

    /// <summary>No more than <c>ratio × reference</c> (a filter layer such as "delayed flights only").</summary>
    AtMost = 2,
}
