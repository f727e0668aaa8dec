using System.Text.Json;

namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>
/// Per-thread working memory for matching: grown once, then reused for every event, so matching allocates
/// nothing. Stamps (a counter per event) mark what was seen, so nothing needs clearing between events.
/// </summary>
internal sealed class MatchScratch
{
    [ThreadStatic]
    private static MatchScratch? t_current;

    private CompiledRules _rules = null!;
    private int _stamp;
    private int[] _conditionStamp = [];
    private int[] _subRuleStamp = [];
    private int[] _ruleStamp = [];
    private int[] _pathSeen = [];
    private int[] _touched = new int[64];
    private int _touchedCount;

    // Hits (condition, value) and each value's array chain, for array consistency.
    private int[] _hitCondition = new int[256];
    private int[] _hitValue = new int[256];
    private int _hitCount;
    private int[] _valueChainStart = new int[256];
    private int[] _valueChainLength = new int[256];
    private int[] _valuePath = new int[256];
    private int _valueCount;
    private int[] _chainIds = new int[256];
    private int[] _chainIndexes = new int[256];
    private int _chainUsed;
    private int _currentValue;

    // Reader state.
    private char[] _path = new char[256];
    private char[] _string = new char[256];
    private char[] _folded = new char[256];
    private int[] _framePathLength = new int[64];
    private int[] _framePathId = new int[64];
    private bool[] _frameIsArray = new bool[64];
    private int[] _arrayIds = new int[64];
    private int[] _arrayIndexes = new int[64];
    private int _arrayDepth;
    private bool _objectInArray;

    // Consistency search.
    private int[] _candidateStart = new int[16];
    private int[] _candidateCount = new int[16];
    private int[] _candidates = new int[64];
    private int[] _chosen = new int[16];
    private int[] _slotCondition = new int[16];

    public static MatchScratch For(CompiledRules rules)
    {
        var scratch = t_current ??= new MatchScratch();
        scratch.Prepare(rules);
        return scratch;
    }

    private void Prepare(CompiledRules rules)
    {
        _rules = rules;
        Ensure(ref _conditionStamp, rules.ConditionPath.Length);
        Ensure(ref _subRuleStamp, rules.SubRuleRule.Length);
        Ensure(ref _ruleStamp, rules.RuleNames.Length);
        Ensure(ref _pathSeen, rules.Fields.Length);
        if (_stamp == int.MaxValue)
        {
            Array.Clear(_conditionStamp);
            Array.Clear(_subRuleStamp);
            Array.Clear(_ruleStamp);
            Array.Clear(_pathSeen);
            _stamp = 0;
        }

        _stamp++;
        _touchedCount = 0;
        _hitCount = 0;
        _valueCount = 0;
        _chainUsed = 0;
        _arrayDepth = 0;
        _objectInArray = false;
    }

    private static void Ensure<T>(ref T[] array, int size)
    {
        if (array.Length < size)
        {
            Array.Resize(ref array, Math.Max(size, array.Length * 2));
        }
    }

    /// <summary>Reads the event and records which conditions its values satisfy.</summary>
    public void Read(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 512 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            if (reader.TokenType is JsonTokenType.StartArray)
            {
                reader.Skip();
            }

            while (reader.Read())
            {
            }

            return;
        }

        var depth = 0;
        _framePathLength[0] = 0;
        _framePathId[0] = -1;
        _frameIsArray[0] = false;
        var pendingId = -1;
        var pendingLength = 0;
        var rules = _rules;
        while (reader.Read())
        {
            var token = reader.TokenType;
            if (token == JsonTokenType.PropertyName)
            {
                var parentLength = _framePathLength[depth];
                var needed = parentLength + 1 + reader.ValueSpan.Length;
                if (_path.Length < needed)
                {
                    Array.Resize(ref _path, Math.Max(needed, _path.Length * 2));
                }

                var length = parentLength;
                if (length > 0)
                {
                    _path[length++] = '.';
                }

                length += reader.CopyString(_path.AsSpan(length));
                if (rules.Paths.TryGetValue(_path.AsSpan(0, length), out pendingId))
                {
                    pendingLength = length;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }

                continue;
            }

            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                if (_frameIsArray[depth])
                {
                    _arrayDepth--;
                }

                depth--;
                continue;
            }

            int pathId;
            int pathLength;
            if (_frameIsArray[depth])
            {
                pathId = _framePathId[depth];
                pathLength = _framePathLength[depth];
                _arrayIndexes[_arrayDepth - 1]++;
            }
            else
            {
                pathId = pendingId;
                pathLength = pendingLength;
            }

            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (++depth >= _framePathId.Length)
                {
                    Array.Resize(ref _framePathId, depth * 2);
                    Array.Resize(ref _framePathLength, depth * 2);
                    Array.Resize(ref _frameIsArray, depth * 2);
                }

                _framePathId[depth] = pathId;
                _framePathLength[depth] = pathLength;
                var isArray = token == JsonTokenType.StartArray;
                _frameIsArray[depth] = isArray;
                if (_arrayDepth > 0 && !isArray)
                {
                    _objectInArray = true;
                }

                if (isArray)
                {
                    if (_arrayDepth >= _arrayIds.Length)
                    {
                        Array.Resize(ref _arrayIds, _arrayDepth * 2);
                        Array.Resize(ref _arrayIndexes, _arrayDepth * 2);
                    }

                    _arrayIds[_arrayDepth] = (int)Math.Min(reader.TokenStartIndex, int.MaxValue);
                    _arrayIndexes[_arrayDepth] = -1;
                    _arrayDepth++;
                }

                continue;
            }

            var field = pathId >= 0 ? rules.Fields[pathId] : null;
            if (field is null)
            {
                continue;
            }

            BeginValue(pathId);
            switch (token)
            {
                case JsonTokenType.String:
                    OnString(ref reader, field);
                    break;
                case JsonTokenType.Number:
                    field.OnNumber(reader.ValueSpan, this);
                    break;
                default:
                    field.OnLiteral(token, this);
                    break;
            }
        }
    }

    private void OnString(ref Utf8JsonReader reader, FieldIndex field)
    {
        var needed = reader.ValueSpan.Length;
        if (_string.Length < needed)
        {
            _string = new char[Math.Max(needed, _string.Length * 2)];
            _folded = new char[_string.Length];
        }

        var length = reader.CopyString(_string);
        var value = _string.AsSpan(0, length);
        var folded = Span<char>.Empty;
        if (field.NeedsFolded)
        {
            folded = _folded.AsSpan(0, length);
            CaseFolding.Fold(value, folded);
        }

        field.OnString(value, folded, this);
    }

    private void BeginValue(int pathId)
    {
        _pathSeen[pathId] = _stamp;
        if (_valueCount >= _valueChainStart.Length)
        {
            Array.Resize(ref _valueChainStart, _valueCount * 2);
            Array.Resize(ref _valueChainLength, _valueCount * 2);
            Array.Resize(ref _valuePath, _valueCount * 2);
        }

        if (_chainUsed + _arrayDepth > _chainIds.Length)
        {
            var size = Math.Max(_chainIds.Length * 2, _chainUsed + _arrayDepth);
            Array.Resize(ref _chainIds, size);
            Array.Resize(ref _chainIndexes, size);
        }

        _currentValue = _valueCount++;
        _valueChainStart[_currentValue] = _chainUsed;
        _valueChainLength[_currentValue] = _arrayDepth;
        _valuePath[_currentValue] = pathId;
        Array.Copy(_arrayIds, 0, _chainIds, _chainUsed, _arrayDepth);
        Array.Copy(_arrayIndexes, 0, _chainIndexes, _chainUsed, _arrayDepth);
        _chainUsed += _arrayDepth;
    }

    public void Hit(int[] conditions)
    {
        foreach (var condition in conditions)
        {
            Hit(condition);
        }
    }

    public void Hit(int condition)
    {
        if (_hitCount >= _hitCondition.Length)
        {
            Array.Resize(ref _hitCondition, _hitCount * 2);
            Array.Resize(ref _hitValue, _hitCount * 2);
        }

        _hitCondition[_hitCount] = condition;
        _hitValue[_hitCount++] = _currentValue;
        if (_conditionStamp[condition] == _stamp)
        {
            return;
        }

        _conditionStamp[condition] = _stamp;
        foreach (var subRule in _rules.ConditionAnchors[condition])
        {
            if (_subRuleStamp[subRule] == _stamp)
            {
                continue;
            }

            _subRuleStamp[subRule] = _stamp;
            if (_touchedCount >= _touched.Length)
            {
                Array.Resize(ref _touched, _touchedCount * 2);
            }

            _touched[_touchedCount++] = subRule;
        }
    }

    /// <summary>Calls <paramref name="onRule"/> once for each rule that matched; stops early when it returns false.</summary>
    public int Collect<TState>(TState state, Func<TState, int, bool> onRule)
    {
        var rules = _rules;
        var matched = 0;
        for (var i = 0; i < _touchedCount; i++)
        {
            var subRule = _touched[i];
            if (FullCheck(subRule) && Consistent(subRule) && Accept(rules.SubRuleRule[subRule], state, onRule, ref matched))
            {
                return matched;
            }
        }

        foreach (var subRule in rules.AlwaysCheckSubRules)
        {
            if (FullCheck(subRule) && Consistent(subRule) && Accept(rules.SubRuleRule[subRule], state, onRule, ref matched))
            {
                return matched;
            }
        }

        return matched;
    }

    private bool Accept<TState>(int rule, TState state, Func<TState, int, bool> onRule, ref int matched)
    {
        if (_ruleStamp[rule] == _stamp)
        {
            return false;
        }

        _ruleStamp[rule] = _stamp;
        matched++;
        return !onRule(state, rule);
    }

    private bool FullCheck(int subRule)
    {
        foreach (var condition in _rules.SubRuleConditions[subRule])
        {
            if (_conditionStamp[condition] == _stamp)
            {
                continue;
            }

            // With objects inside arrays, absence is judged per array element by Consistent.
            if (!_rules.ConditionAllowsAbsent[condition] || (!_objectInArray && _pathSeen[_rules.ConditionPath[condition]] == _stamp))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Array consistency: the values chosen for a rule's conditions must not come from different elements of
    /// one array, and a field required absent must be absent from the elements the chosen values come from.
    /// Only needed when the event has objects inside arrays.
    /// </summary>
    private bool Consistent(int subRule)
    {
        var conditions = _rules.SubRuleConditions[subRule];
        if (!_objectInArray)
        {
            return true;
        }

        Ensure(ref _candidateStart, conditions.Length);
        Ensure(ref _candidateCount, conditions.Length);
        Ensure(ref _chosen, conditions.Length);
        Ensure(ref _slotCondition, conditions.Length);
        var used = 0;
        var slots = 0;

        // Conditions that need a value first, then those that may be met by absence.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var condition in conditions)
            {
                if (_rules.ConditionAllowsAbsent[condition] != (pass == 1))
                {
                    continue;
                }

                _slotCondition[slots] = condition;
                _candidateStart[slots] = used;
                if (_conditionStamp[condition] == _stamp)
                {
                    for (var h = 0; h < _hitCount; h++)
                    {
                        if (_hitCondition[h] == condition)
                        {
                            Ensure(ref _candidates, used + 1);
                            _candidates[used++] = _hitValue[h];
                        }
                    }
                }

                _candidateCount[slots] = used - _candidateStart[slots];
                slots++;
            }
        }

        return Search(0, slots);
    }

    private bool Search(int slot, int slots)
    {
        if (slot == slots)
        {
            return true;
        }

        for (var c = 0; c < _candidateCount[slot]; c++)
        {
            var value = _candidates[_candidateStart[slot] + c];
            if (FitsChosen(value, slot))
            {
                _chosen[slot] = value;
                if (Search(slot + 1, slots))
                {
                    return true;
                }
            }
        }

        var condition = _slotCondition[slot];
        if (_rules.ConditionAllowsAbsent[condition] && AbsentBeside(_rules.ConditionPath[condition], slot))
        {
            _chosen[slot] = -1;
            return Search(slot + 1, slots);
        }

        return false;
    }

    private bool FitsChosen(int value, int slot)
    {
        for (var earlier = 0; earlier < slot; earlier++)
        {
            if (_chosen[earlier] >= 0 && !Compatible(_chosen[earlier], value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when no value of the path sits in the same array elements as the values chosen so far.</summary>
    private bool AbsentBeside(int path, int slot)
    {
        for (var v = 0; v < _valueCount; v++)
        {
            if (_valuePath[v] == path && FitsChosen(v, slot))
            {
                return false;
            }
        }

        return true;
    }

    private bool Compatible(int a, int b)
    {
        var startA = _valueChainStart[a];
        var startB = _valueChainStart[b];
        var common = Math.Min(_valueChainLength[a], _valueChainLength[b]);
        for (var i = 0; i < common; i++)
        {
            if (_chainIds[startA + i] != _chainIds[startB + i])
            {
                return true;
            }

            if (_chainIndexes[startA + i] != _chainIndexes[startB + i])
            {
                return false;
            }
        }

        return true;
    }
}
