namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>
/// A wildcard value split at its unescaped <c>*</c>s into literal segments (escapes resolved). With only
/// <c>*</c> as a metacharacter, greedy leftmost matching of the middle segments is exact, so matching needs
/// no backtracking and no allocation.
/// </summary>
internal sealed class WildcardPattern
{
    private readonly string[] _segments;

    private WildcardPattern(string[] segments) => _segments = segments;

    /// <summary>The literal segments; a pattern with n stars has n + 1 (possibly empty) segments.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>Checks the syntax: no <c>**</c>, and a backslash escapes only <c>*</c> or <c>\</c>.</summary>
    public static string? Check(string pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length || (pattern[i + 1] != '*' && pattern[i + 1] != '\\'))
                {
                    return $"Invalid escape character at pos {i}: a backslash may only escape * or \\ (write \\\\ for a backslash).";
                }

                i++;
            }
            else if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                return $"Consecutive wildcard characters at pos {i + 1}: use a single * (it already matches any run of characters).";
            }
        }

        return null;
    }

    /// <summary>Compiles a pattern that passed <see cref="Check"/>.</summary>
    public static WildcardPattern Compile(string pattern)
    {
        var segments = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                current.Append(pattern[++i]);
            }
            else if (c == '*')
            {
                segments.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        segments.Add(current.ToString());
        return new WildcardPattern([.. segments]);
    }

    public bool IsMatch(ReadOnlySpan<char> value)
    {
        var segments = _segments;
        if (segments.Length == 1)
        {
            return value.SequenceEqual(segments[0]);
        }

        var first = segments[0];
        var last = segments[^1];
        if (value.Length < first.Length + last.Length || !value.StartsWith(first) || !value.EndsWith(last))
        {
            return false;
        }

        var rest = value[first.Length..^last.Length];
        for (var i = 1; i < segments.Length - 1; i++)
        {
            var at = rest.IndexOf(segments[i], StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            rest = rest[(at + segments[i].Length)..];
        }

        return true;
    }
}
