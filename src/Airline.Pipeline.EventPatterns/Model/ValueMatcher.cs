namespace Airline.Pipeline.EventPatterns.Model;

/// <summary>
/// One entry of a pattern leaf array: an exact value or an operator object such as
/// <c>{"prefix": "batch-completion/"}</c>. A leaf matches when any of its entries matches.
/// </summary>
public abstract record ValueMatcher
{
    private protected ValueMatcher()
    {
    }
}

/// <summary>An exact value: <c>"aws.s3"</c>, <c>42</c>, <c>true</c>, <c>null</c>. Types must agree ("5" is not 5).</summary>
/// <param name="Value">The value to equal.</param>
public sealed record ExactMatcher(PatternLiteral Value) : ValueMatcher;

/// <summary><c>{"prefix": "x"}</c> or <c>{"prefix": {"equals-ignore-case": "x"}}</c>; strings only.</summary>
/// <param name="Value">The prefix.</param>
/// <param name="IgnoreCase">True for the equals-ignore-case form.</param>
public sealed record PrefixMatcher(string Value, bool IgnoreCase = false) : ValueMatcher;

/// <summary><c>{"suffix": "x"}</c> or <c>{"suffix": {"equals-ignore-case": "x"}}</c>; strings only.</summary>
/// <param name="Value">The suffix.</param>
/// <param name="IgnoreCase">True for the equals-ignore-case form.</param>
public sealed record SuffixMatcher(string Value, bool IgnoreCase = false) : ValueMatcher;

/// <summary><c>{"equals-ignore-case": "x"}</c>; strings only.</summary>
/// <param name="Value">The string to equal, ignoring case.</param>
public sealed record EqualsIgnoreCaseMatcher(string Value) : ValueMatcher;

/// <summary><c>{"exactly": "x"}</c>: event-ruler's explicit exact string match.</summary>
/// <param name="Value">The string to equal.</param>
public sealed record ExactlyMatcher(string Value) : ValueMatcher;

/// <summary><c>{"wildcard": "arn:aws:s3:::*/in/*"}</c>: <c>*</c> matches any run of characters; <c>\*</c> and <c>\\</c> escape.</summary>
/// <param name="Value">The wildcard pattern as written (escapes included).</param>
public sealed record WildcardMatcher(string Value) : ValueMatcher;

/// <summary><c>{"cidr": "10.0.0.0/24"}</c>: an IPv4 or IPv6 address inside the block.</summary>
/// <param name="Value">The CIDR block.</param>
public sealed record CidrMatcher(string Value) : ValueMatcher;

/// <summary><c>{"exists": true}</c> or <c>{"exists": false}</c>: the leaf is present (null counts) or absent (an object counts as absent).</summary>
/// <param name="Exists">True for present, false for absent.</param>
public sealed record ExistsMatcher(bool Exists) : ValueMatcher;

/// <summary>The form of an anything-but operator.</summary>
public enum AnythingButKind
{
    /// <summary><c>{"anything-but": "x"}</c>, <c>{"anything-but": 5}</c> or a list of strings or of numbers.</summary>
    Values,

    /// <summary><c>{"anything-but": {"prefix": ...}}</c>.</summary>
    Prefix,

    /// <summary><c>{"anything-but": {"suffix": ...}}</c>.</summary>
    Suffix,

    /// <summary><c>{"anything-but": {"equals-ignore-case": ...}}</c>.</summary>
    EqualsIgnoreCase,

    /// <summary><c>{"anything-but": {"wildcard": ...}}</c>.</summary>
    Wildcard,
}

/// <summary>
/// <c>{"anything-but": ...}</c>: matches a present value (null included) that none of <see cref="Values"/> matches.
/// It never matches a missing field.
/// </summary>
/// <param name="Kind">The form.</param>
/// <param name="Values">The excluded values (or prefixes, suffixes, wildcards).</param>
/// <param name="IsList">True when written as a JSON list, false for a single value.</param>
public sealed record AnythingButMatcher(AnythingButKind Kind, IReadOnlyList<PatternLiteral> Values, bool IsList) : ValueMatcher;

/// <summary>A numeric comparison operator.</summary>
public enum NumericOperator
{
    /// <summary><c>=</c>.</summary>
    Equal,

    /// <summary><c>&lt;</c>.</summary>
    LessThan,

    /// <summary><c>&lt;=</c>.</summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterThanOrEqual,
}

/// <summary>
/// <c>{"numeric": [">", 0, "&lt;=", 5]}</c>: JSON numbers only. <see cref="Terms"/> keeps the list as written
/// (operators as strings, numbers with their spelling) so that the validator can report AWS's errors.
/// </summary>
/// <param name="Terms">The list as written.</param>
public sealed record NumericMatcher(IReadOnlyList<PatternLiteral> Terms) : ValueMatcher
{
    /// <summary>The JSON spelling of an operator.</summary>
    public static string Spell(NumericOperator op) => op switch
    {
        NumericOperator.Equal => "=",
        NumericOperator.LessThan => "<",
        NumericOperator.LessThanOrEqual => "<=",
        NumericOperator.GreaterThan => ">",
        NumericOperator.GreaterThanOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown numeric operator"),
    };
}
