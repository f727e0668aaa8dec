using Airline.Pipeline.EventPatterns.Model;

namespace Airline.Pipeline.EventPatterns.Building;

/// <summary>Factory for the entries of a pattern leaf: <c>Match.Prefix("batch-completion/")</c>, <c>Match.Numeric(...)</c>...</summary>
public static class Match
{
    /// <summary>Exact string.</summary>
    public static ValueMatcher Exact(string value) => new ExactMatcher(PatternLiteral.String(value));

    /// <summary>Exact number (compared by value: 300 matches 300.0 and 3.0e2).</summary>
    public static ValueMatcher Exact(long value) => new ExactMatcher(PatternLiteral.Number(value));

    /// <summary>Exact number.</summary>
    public static ValueMatcher Exact(decimal value) => new ExactMatcher(PatternLiteral.Number(value));

    /// <summary>Exact number.</summary>
    public static ValueMatcher Exact(double value) => new ExactMatcher(PatternLiteral.Number(value));

    /// <summary>Exact boolean (<c>true</c> is not <c>"true"</c>).</summary>
    public static ValueMatcher Exact(bool value) => new ExactMatcher(PatternLiteral.Boolean(value));

    /// <summary>Exact JSON value.</summary>
    public static ValueMatcher Exact(PatternLiteral value) => new ExactMatcher(value);

    /// <summary>JSON <c>null</c> (not the empty string).</summary>
    public static ValueMatcher Null() => new ExactMatcher(PatternLiteral.Null);

    /// <summary>String starting with the prefix ("" matches any string).</summary>
    public static ValueMatcher Prefix(string prefix) => new PrefixMatcher(prefix);

    /// <summary>String starting with the prefix, ignoring case.</summary>
    public static ValueMatcher PrefixIgnoreCase(string prefix) => new PrefixMatcher(prefix, IgnoreCase: true);

    /// <summary>String ending with the suffix.</summary>
    public static ValueMatcher Suffix(string suffix) => new SuffixMatcher(suffix);

    /// <summary>String ending with the suffix, ignoring case.</summary>
    public static ValueMatcher SuffixIgnoreCase(string suffix) => new SuffixMatcher(suffix, IgnoreCase: true);

    /// <summary>String equal ignoring case.</summary>
    public static ValueMatcher EqualsIgnoreCase(string value) => new EqualsIgnoreCaseMatcher(value);

    /// <summary>String matching a wildcard: <c>*</c> is any run of characters; escape <c>\*</c> and <c>\\</c>.</summary>
    public static ValueMatcher Wildcard(string pattern) => new WildcardMatcher(pattern);

    /// <summary>IP address inside the IPv4 or IPv6 block, such as <c>10.0.0.0/24</c>.</summary>
    public static ValueMatcher Cidr(string block) => new CidrMatcher(block);

    /// <summary>Field present (null counts as present).</summary>
    public static ValueMatcher Exists() => new ExistsMatcher(true);

    /// <summary>Field absent (an object value counts as absent).</summary>
    public static ValueMatcher DoesNotExist() => new ExistsMatcher(false);

    /// <summary>Any present value except these strings: <c>{"anything-but": "x"}</c> or a list.</summary>
    public static ValueMatcher AnythingBut(params string[] values) =>
        new AnythingButMatcher(AnythingButKind.Values, [.. values.Select(PatternLiteral.String)], values.Length != 1);

    /// <summary>Any present value except these numbers.</summary>
    public static ValueMatcher AnythingBut(params long[] values) =>
        new AnythingButMatcher(AnythingButKind.Values, [.. values.Select(v => PatternLiteral.Number(v))], values.Length != 1);

    /// <summary>Any present value except these numbers.</summary>
    public static ValueMatcher AnythingBut(params decimal[] values) =>
        new AnythingButMatcher(AnythingButKind.Values, [.. values.Select(v => PatternLiteral.Number(v))], values.Length != 1);

    /// <summary>Any present value except strings with these prefixes.</summary>
    public static ValueMatcher AnythingButPrefix(params string[] prefixes) => AnythingBut(AnythingButKind.Prefix, prefixes);

    /// <summary>Any present value except strings with these suffixes.</summary>
    public static ValueMatcher AnythingButSuffix(params string[] suffixes) => AnythingBut(AnythingButKind.Suffix, suffixes);

    /// <summary>Any present value except these strings, ignoring case.</summary>
    public static ValueMatcher AnythingButEqualsIgnoreCase(params string[] values) => AnythingBut(AnythingButKind.EqualsIgnoreCase, values);

    /// <summary>Any present value except strings matching these wildcards.</summary>
    public static ValueMatcher AnythingButWildcard(params string[] patterns) => AnythingBut(AnythingButKind.Wildcard, patterns);

    /// <summary>Number compared with one operator: <c>Match.Numeric(NumericOperator.GreaterThan, 0)</c>.</summary>
    public static ValueMatcher Numeric(NumericOperator op, decimal value) =>
        new NumericMatcher([PatternLiteral.String(NumericMatcher.Spell(op)), PatternLiteral.Number(value)]);

    /// <summary>Number between a lower bound (&gt; or &gt;=) and an upper bound (&lt; or &lt;=).</summary>
    public static ValueMatcher Numeric(NumericOperator lowerOp, decimal lower, NumericOperator upperOp, decimal upper) =>
        new NumericMatcher([
            PatternLiteral.String(NumericMatcher.Spell(lowerOp)), PatternLiteral.Number(lower),
            PatternLiteral.String(NumericMatcher.Spell(upperOp)), PatternLiteral.Number(upper),
        ]);

    /// <summary>Number equal to the value (numerically).</summary>
    public static ValueMatcher NumericEquals(decimal value) => Numeric(NumericOperator.Equal, value);

    /// <summary>Number greater than the value.</summary>
    public static ValueMatcher GreaterThan(decimal value) => Numeric(NumericOperator.GreaterThan, value);

    /// <summary>Number greater than or equal to the value.</summary>
    public static ValueMatcher GreaterThanOrEqual(decimal value) => Numeric(NumericOperator.GreaterThanOrEqual, value);

    /// <summary>Number less than the value.</summary>
    public static ValueMatcher LessThan(decimal value) => Numeric(NumericOperator.LessThan, value);

    /// <summary>Number less than or equal to the value.</summary>
    public static ValueMatcher LessThanOrEqual(decimal value) => Numeric(NumericOperator.LessThanOrEqual, value);

    private static AnythingButMatcher AnythingBut(AnythingButKind kind, string[] values) =>
        new(kind, [.. values.Select(PatternLiteral.String)], values.Length != 1);
}
