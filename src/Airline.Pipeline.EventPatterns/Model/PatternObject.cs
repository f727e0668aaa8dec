namespace Airline.Pipeline.EventPatterns.Model;

/// <summary>A JSON object of a pattern: its members in the order written.</summary>
/// <param name="Members">Fields, leaves and <c>$or</c>s.</param>
public sealed record PatternObject(IReadOnlyList<PatternMember> Members)
{
    /// <summary>An object with no members.</summary>
    public static PatternObject Empty { get; } = new(Array.Empty<PatternMember>());
}

/// <summary>A member of a pattern object.</summary>
public abstract record PatternMember
{
    private protected PatternMember()
    {
    }
}

/// <summary>A field whose value is a nested object: <c>"detail": { ... }</c>.</summary>
/// <param name="Name">The key as written; a dotted key (<c>"state.status"</c>) equals nesting.</param>
/// <param name="Value">The nested object.</param>
public sealed record NestedField(string Name, PatternObject Value) : PatternMember;

/// <summary>A leaf field: <c>"source": ["aws.s3", {"prefix": "aws."}]</c>; it matches when any entry matches.</summary>
/// <param name="Name">The key as written.</param>
/// <param name="Matchers">The entries of the array.</param>
public sealed record LeafField(string Name, IReadOnlyList<ValueMatcher> Matchers) : PatternMember;

/// <summary><c>"$or": [ {...}, {...} ]</c>: the object matches when any alternative does.</summary>
/// <param name="Alternatives">At least two alternatives.</param>
public sealed record OrMember(IReadOnlyList<PatternObject> Alternatives) : PatternMember;
