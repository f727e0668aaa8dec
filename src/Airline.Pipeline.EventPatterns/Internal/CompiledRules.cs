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
        var conditionPath = new List<int>();
        var conditionAllowsAbsent = new List<bool>();
        var conditionIds = new Dictionary<(int Path, string Matchers), int>();
        var conditionUses = new List<int>();
        var tracked = new HashSet<int>();

        for (var rule = 0; rule < rules.Count; rule++)
        {
            foreach (var alternative in PatternFlattener.Expand(rules[rule].Pattern.Root))
            {
                var conditions = new List<int>();
                foreach (var flat in alternative)
                {
                    var path = PathId(flat.Path, pathIds, fields);
                    var field = fields[path] ??= new FieldIndex();

                    // Rules that ask the same of a field share one condition, tested once per value.
                    // (A lone pattern skips the writing: sharing only pays across many rules.)
                    var key = (path, rules.Count == 1
                        ? conditionPath.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : Serialization.PatternWriter.Write(new PatternObject([new LeafField("_", flat.Matchers)])));
                    if (!conditionIds.TryGetValue(key, out var condition))
                    {
                        condition = conditionPath.Count;
                        conditionIds[key] = condition;
                        conditionPath.Add(path);
                        conditionUses.Add(0);
                        var allowsAbsent = flat.Matchers.Any(m => m is ExistsMatcher { Exists: false });
                        conditionAllowsAbsent.Add(allowsAbsent);
                        if (allowsAbsent)
                        {
                            tracked.Add(path);
                        }

                        foreach (var matcher in flat.Matchers)
                        {
                            field.Add(matcher, condition);
                        }
                    }

                    conditionUses[condition]++;
                    conditions.Add(condition);
                }

                subRuleRule.Add(rule);
                subRuleConditions.Add([.. conditions.Distinct()]);
            }
        }

        foreach (var field in fields)
        {
            field?.Freeze();
        }

        // Each alternative is woken by one anchor: its least shared condition that needs a value. Shared
        // conditions (source = aws.s3 in a thousand rules) then cost one test, not one per rule.
        var anchored = Enumerable.Range(0, conditionPath.Count).Select(_ => new List<int>()).ToArray();
        var alwaysCheck = new List<int>();
        for (var subRule = 0; subRule < subRuleConditions.Count; subRule++)
        {
            var candidates = subRuleConditions[subRule].Where(c => !conditionAllowsAbsent[c]).ToList();
            if (candidates.Count == 0)
            {
                alwaysCheck.Add(subRule);
                continue;
            }

            anchored[candidates.MinBy(c => conditionUses[c])].Add(subRule);
        }

        Paths = pathIds.GetAlternateLookup<ReadOnlySpan<char>>();
        Fields = [.. fields];
        SubRuleRule = [.. subRuleRule];
        SubRuleConditions = [.. subRuleConditions];
        AlwaysCheckSubRules = [.. alwaysCheck];
        ConditionAnchors = [.. anchored.Select(a => a.ToArray())];
        ConditionPath = [.. conditionPath];
        ConditionAllowsAbsent = [.. conditionAllowsAbsent];
        TracksPresence = [.. Enumerable.Range(0, Fields.Length).Select(tracked.Contains)];
    }

    public string[] RuleNames { get; }

    public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Paths { get; }

    /// <summary>By path id: the index of a leaf path, null for a path that is only a prefix of leaves.</summary>
    public FieldIndex?[] Fields { get; }

    public int[] SubRuleRule { get; }

    public int[][] SubRuleConditions { get; }

    /// <summary>Alternatives with no condition that needs a value (only exists:false): checked for every event.</summary>
    public int[] AlwaysCheckSubRules { get; }

    /// <summary>By condition: the alternatives it wakes when a value satisfies it.</summary>
    public int[][] ConditionAnchors { get; }

    public int[] ConditionPath { get; }

    public bool[] ConditionAllowsAbsent { get; }

    public bool[] TracksPresence { get; }

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
