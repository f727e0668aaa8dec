using Airline.Pipeline.EventPatterns.Model;

namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>
/// Everything every compiled rule asks of one field path, indexed so that a value is tested against all
/// rules at once: hash lookups for exact values and affixes, short scans for ranges, wildcards and CIDRs.
/// </summary>
internal sealed class FieldIndex
{
    private readonly Dictionary<string, List<int>> _exactStringsBuilding = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _ignoreCaseBuilding = new(StringComparer.Ordinal);
    private readonly Dictionary<double, List<int>> _exactNumbersBuilding = [];
    private readonly List<int> _true = [];
    private readonly List<int> _false = [];
    private readonly List<int> _null = [];
    private readonly List<int> _exists = [];
    private readonly RangeIndex _ranges = new();
    private readonly WildcardIndex _wildcards = new();
    private readonly CidrIndex _cidrs = new();
    private readonly List<AnythingButTest> _anythingButs = [];
    private readonly AnythingButValuesIndex _anythingButValues = new();
    private readonly AffixIndex _prefixes = new();
    private readonly AffixIndex _suffixes = new();
    private readonly AffixIndex _prefixesIgnoreCase = new();
    private readonly AffixIndex _suffixesIgnoreCase = new();

    private Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _exactStrings;
    private Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _ignoreCase;
    private Dictionary<double, int[]> _exactNumbers = [];
    private int[] _trueArray = [];
    private int[] _falseArray = [];
    private int[] _nullArray = [];
    private int[] _existsArray = [];
    private AnythingButTest[] _anythingButArray = [];
    private bool _hasExactStrings;
    private bool _hasIgnoreCase;

    /// <summary>True when string values must be case-folded before lookups.</summary>
    public bool NeedsFolded { get; private set; }

    public void Add(ValueMatcher matcher, int condition)
    {
        switch (matcher)
        {
            case ExactMatcher { Value.Kind: PatternLiteralKind.String } exact:
                AddTo(_exactStringsBuilding, exact.Value.Text, condition);
                break;
            case ExactMatcher { Value.Kind: PatternLiteralKind.Number } exact:
                if (JsonNumbers.TryComparable(exact.Value.Text, out var number))
                {
                    AddTo(_exactNumbersBuilding, number, condition);
                }

                break;
            case ExactMatcher { Value.Kind: PatternLiteralKind.True }:
                _true.Add(condition);
                break;
            case ExactMatcher { Value.Kind: PatternLiteralKind.False }:
                _false.Add(condition);
                break;
            case ExactMatcher:
                _null.Add(condition);
                break;
            case ExactlyMatcher exactly:
                AddTo(_exactStringsBuilding, exactly.Value, condition);
                break;
            case EqualsIgnoreCaseMatcher eic:
                AddTo(_ignoreCaseBuilding, CaseFolding.Fold(eic.Value), condition);
                break;
            case PrefixMatcher { IgnoreCase: true } prefix:
                _prefixesIgnoreCase.Add(CaseFolding.Fold(prefix.Value), condition);
                break;
            case PrefixMatcher prefix:
                _prefixes.Add(prefix.Value, condition);
                break;
            case SuffixMatcher { IgnoreCase: true } suffix:
                _suffixesIgnoreCase.Add(CaseFolding.Fold(suffix.Value), condition);
                break;
            case SuffixMatcher suffix:
                _suffixes.Add(suffix.Value, condition);
                break;
            case WildcardMatcher wildcard:
                _wildcards.Add(WildcardPattern.Compile(wildcard.Value), condition);
                break;
            case CidrMatcher cidr:
                var block = CidrBlock.TryParse(cidr.Value, out _);
                if (block is not null)
                {
                    _cidrs.Add(block, condition);
                }

                break;
            case NumericMatcher numeric:
                if (NumericRange.TryParse(numeric.Terms, out var range) is null)
                {
                    _ranges.Add(range, condition);
                }

                break;
            case ExistsMatcher { Exists: true }:
                _exists.Add(condition);
                break;
            case AnythingButMatcher anythingBut when AnythingButValuesIndex.Handles(anythingBut):
                _anythingButValues.Add(anythingBut, condition);
                break;
            case AnythingButMatcher anythingBut:
                _anythingButs.Add(new AnythingButTest(anythingBut, condition));
                break;
        }
    }

    public void Freeze()
    {
        _hasExactStrings = _exactStringsBuilding.Count > 0;
        if (_hasExactStrings)
        {
            _exactStrings = _exactStringsBuilding.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray(), StringComparer.Ordinal)
                .GetAlternateLookup<ReadOnlySpan<char>>();
        }

        _hasIgnoreCase = _ignoreCaseBuilding.Count > 0;
        if (_hasIgnoreCase)
        {
            _ignoreCase = _ignoreCaseBuilding.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray(), StringComparer.Ordinal)
                .GetAlternateLookup<ReadOnlySpan<char>>();
        }

        if (_exactNumbersBuilding.Count > 0)
        {
            _exactNumbers = _exactNumbersBuilding.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray());
        }
        _trueArray = [.. _true.Distinct()];
        _falseArray = [.. _false.Distinct()];
        _nullArray = [.. _null.Distinct()];
        _existsArray = [.. _exists.Distinct()];
        _ranges.Freeze();
        _anythingButValues.Freeze();
        _wildcards.Freeze();
        _cidrs.Freeze();
        _anythingButArray = [.. _anythingButs];
        _prefixes.Freeze();
        _suffixes.Freeze();
        _prefixesIgnoreCase.Freeze();
        _suffixesIgnoreCase.Freeze();
        NeedsFolded = _hasIgnoreCase || !_prefixesIgnoreCase.IsEmpty || !_suffixesIgnoreCase.IsEmpty || _anythingButs.Any(a => a.NeedsFolded);
    }

    public void OnString(ReadOnlySpan<char> value, ReadOnlySpan<char> folded, MatchScratch scratch)
    {
        scratch.Hit(_existsArray);
        if (_hasExactStrings && _exactStrings.TryGetValue(value, out var conditions))
        {
            scratch.Hit(conditions);
        }

        if (_hasIgnoreCase && _ignoreCase.TryGetValue(folded, out conditions))
        {
            scratch.Hit(conditions);
        }

        _prefixes.Collect(value, suffix: false, scratch);
        _suffixes.Collect(value, suffix: true, scratch);
        _prefixesIgnoreCase.Collect(folded, suffix: false, scratch);
        _suffixesIgnoreCase.Collect(folded, suffix: true, scratch);
        _wildcards.Collect(value, scratch);
        if (!_cidrs.IsEmpty)
        {
            _cidrs.Collect(value, scratch);
        }

        _anythingButValues.OnString(value, scratch);
        foreach (var test in _anythingButArray)
        {
            if (test.PassesString(value, folded))
            {
                scratch.Hit(test.Condition);
            }
        }
    }

    public void OnNumber(ReadOnlySpan<byte> raw, MatchScratch scratch)
    {
        scratch.Hit(_existsArray);
        var comparable = JsonNumbers.TryComparable(raw, out var number);
        if (comparable)
        {
            if (_exactNumbers.Count > 0 && _exactNumbers.TryGetValue(number, out var conditions))
            {
                scratch.Hit(conditions);
            }

            _ranges.Collect(number, scratch);
        }

        _anythingButValues.OnNumber(number, comparable, scratch);
        foreach (var test in _anythingButArray)
        {
            if (test.PassesNumber(number, comparable))
            {
                scratch.Hit(test.Condition);
            }
        }
    }

    public void OnLiteral(System.Text.Json.JsonTokenType token, MatchScratch scratch)
    {
        scratch.Hit(_existsArray);
        scratch.Hit(token switch
        {
            System.Text.Json.JsonTokenType.True => _trueArray,
            System.Text.Json.JsonTokenType.False => _falseArray,
            _ => _nullArray,
        });
        _anythingButValues.OnLiteral(scratch);
        foreach (var test in _anythingButArray)
        {
            scratch.Hit(test.Condition);
        }
    }

    private static void AddTo<TKey>(Dictionary<TKey, List<int>> map, TKey key, int condition)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(condition);
    }
}
