namespace Airline.Pipeline.EventPatterns.Validation;

/// <summary>Limits the validator applies; the defaults are EventBridge's.</summary>
public sealed record EventPatternValidationOptions
{
    /// <summary>EventBridge's defaults.</summary>
    public static EventPatternValidationOptions Default { get; } = new();

    /// <summary>Largest pattern, in characters of its JSON (2,048 by default; accounts can have it raised to 4,096).</summary>
    public int MaxPatternLength { get; init; } = 2048;

    /// <summary>Most combinations the <c>$or</c>s of one pattern may expand to (1,000).</summary>
    public int MaxOrCombinations { get; init; } = 1000;

    /// <summary>Most wildcard prefixes one event value may keep alive at once before AWS calls a rule too complex (10).</summary>
    public int MaxWildcardComplexity { get; init; } = 10;
}
