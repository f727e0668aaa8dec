using Airline.Pipeline.EventPatterns.Model;

namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>
/// Many patterns compiled into one shared structure: every field path any rule names (and each of its dotted
/// prefixes) gets an id; each leaf path has one <see cref="FieldIndex"/> serving all rules. A rule is a set of
/// alternatives (its <c>$or</c>s expanded), each an AND of conditions; matching counts satisfied conditions.
/// </summary>
internal sealed class CompiledRules
{
    public CompiledRules(IReadOnlyList<(string Name, EventPattern Pattern)> rules)
    {
        RuleNames = [.. rules.Select(r => r.Name)];
        var pathIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var fields = new List<FieldIndex?>();
        var subRuleRule = new List<int>();
        var subRuleConditions = new List<int[]>();
        var subRuleFullCheck = new List<bool>();
        var conditionSubRule = new List<int>();
        var conditionPath = new List<int>();
        var conditionAllowsAbsent = new List<bool>();
        var tracked = new HashSet<int>();

        for (var rule = 0; rule < rules.Count; rule++)
        {
            foreach (var alternative in PatternFlattener.Expand(rules[rule].Pattern.Root))
            {
                var subRule = subRuleRule.Count;
                var conditions = new List<int>();
                var fullCheck = false;
                foreach (var flat in alternative)
                {
                    var path = PathId(flat.Path, pathIds, fields);
                    var field = fields[path] ??= new FieldIndex();
                    var condition = conditionSubRule.Count;
                    conditionSubRule.Add(subRule);
                    conditionPath.Add(path);
                    var allowsAbsent = flat.Matchers.Any(m => m is ExistsMatcher { Exists: false });
                    conditionAllowsAbsent.Add(allowsAbsent);
                    if (allowsAbsent)
                    {
                        fullCheck = true;
                        tracked.Add(path);
                    }

                    foreach (var matcher in flat.Matchers)
                    {
                        field.Add(matcher, condition);
                    }

                    conditions.Add(condition);
                }

                subRuleRule.Add(rule);
                subRuleConditions.Add([.. conditions]);
                subRuleFullCheck.Add(fullCheck);
            }
        }

        foreach (var field in fields)
        {
            field?.Freeze();
        }

        Paths = pathIds.GetAlternateLookup<ReadOnlySpan<char>>();
        Fields = [.. fields];
        SubRuleRule = [.. subRuleRule];
        SubRuleConditions = [.. subRuleConditions];
        SubRuleFullCheck = [.. subRuleFullCheck];
        FullCheckSubRules = [.. Enumerable.Range(0, SubRuleRule.Length).Where(i => SubRuleFullCheck[i])];
        ConditionSubRule = [.. conditionSubRule];
        ConditionPath = [.. conditionPath];
        ConditionAllowsAbsent = [.. conditionAllowsAbsent];
        TracksPresence = [.. Enumerable.Range(0, Fields.Length).Select(tracked.Contains)];
        NeedsFolded = Fields.Any(f => f is { NeedsFolded: true });
    }

    public string[] RuleNames { get; }

    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Paths { get; }

    /// <summary>By path id: the index of a leaf path, null for a path that is only a prefix of leaves.</summary>
    public FieldIndex?[] Fields { get; }

    public int[] SubRuleRule { get; }

    public int[][] SubRuleConditions { get; }

    public bool[] SubRuleFullCheck { get; }

    public int[] FullCheckSubRules { get; }

    public int[] ConditionSubRule { get; }

    public int[] ConditionPath { get; }

    public bool[] ConditionAllowsAbsent { get; }

    public bool[] TracksPresence { get; }

    public bool NeedsFolded { get; }

    private static int PathId(string path, Dictionary<string, int> ids, List<FieldIndex?> fields)
    {
        // Register every dotted prefix so the event reader can skip subtrees no rule names.
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        while (dot >= 0)
        {
            var prefix = path[..dot];
            if (!ids.ContainsKey(prefix))
            {
                ids[prefix] = fields.Count;
                fields.Add(null);
            }

            dot = path.IndexOf('.', dot + 1);
        }

        if (!ids.TryGetValue(path, out var id))
        {
            ids[path] = id = fields.Count;
            fields.Add(null);
        }

        return id;
    }
}
