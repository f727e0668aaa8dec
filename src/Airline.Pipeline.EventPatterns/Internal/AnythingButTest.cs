using Airline.Pipeline.EventPatterns.Model;

namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>One compiled anything-but: which present values it excludes. Values of other JSON types always pass.</summary>
internal sealed class AnythingButTest
{
    private readonly AnythingButKind _kind;
    private readonly HashSet<string>? _strings;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly HashSet<double>? _numbers;
    private readonly string[] _affixes = [];
    private readonly WildcardPattern[] _wildcards = [];

    public AnythingButTest(AnythingButMatcher matcher, int condition)
    {
        Condition = condition;
        _kind = matcher.Kind;
        switch (matcher.Kind)
        {
            case AnythingButKind.Values when matcher.Values.All(v => v.IsNumber):
                _numbers = [.. matcher.Values.Select(v => JsonNumbers.TryComparable(v.Text, out var d) ? d : double.NaN)];
                break;
            case AnythingButKind.Values:
                _strings = new HashSet<string>(matcher.Values.Select(v => v.Text), StringComparer.Ordinal);
                _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
                break;
            case AnythingButKind.EqualsIgnoreCase:
                _strings = new HashSet<string>(matcher.Values.Select(v => CaseFolding.Fold(v.Text)), StringComparer.Ordinal);
                _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
                break;
            case AnythingButKind.Wildcard:
                _wildcards = [.. matcher.Values.Select(v => WildcardPattern.Compile(v.Text))];
                break;
            default:
                _affixes = [.. matcher.Values.Select(v => v.Text)];
                break;
        }
    }

    public int Condition { get; }

    public bool NeedsFolded => _kind == AnythingButKind.EqualsIgnoreCase;

    public bool PassesString(ReadOnlySpan<char> value, ReadOnlySpan<char> folded)
    {
        switch (_kind)
        {
            case AnythingButKind.Values:
                return _strings is null || !_lookup.Contains(value);
            case AnythingButKind.EqualsIgnoreCase:
                return !_lookup.Contains(folded);
            case AnythingButKind.Prefix:
                foreach (var prefix in _affixes)
                {
                    if (value.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return true;
            case AnythingButKind.Suffix:
                foreach (var suffix in _affixes)
                {
                    if (value.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                return true;
            default:
                foreach (var wildcard in _wildcards)
                {
                    if (wildcard.IsMatch(value))
                    {
                        return false;
                    }
                }

                return true;
        }
    }

    public bool PassesNumber(double value, bool comparable) => _numbers is null || !comparable || !_numbers.Contains(value);
}
