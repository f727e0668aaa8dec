using Airline.Pipeline.EventPatterns.Model;

namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>A leaf of a pattern with its dotted path (nesting and dotted keys both join with '.').</summary>
internal sealed record FlatCondition(string Path, IReadOnlyList<ValueMatcher> Matchers, string Pointer);

/// <summary>Expands the <c>$or</c>s of a pattern into alternatives, each an AND of leaf conditions.</summary>
internal static class PatternFlattener
{
    /// <summary>How many alternatives the pattern expands to (saturates at <see cref="long.MaxValue"/>).</summary>
    public static long CountCombinations(PatternObject obj)
    {
        long total = 1;
        foreach (var member in obj.Members)
        {
            long factor = member switch
            {
                NestedField nested => CountCombinations(nested.Value),
                OrMember or => or.Alternatives.Aggregate(0L, (sum, alt) => Saturate(sum + CountCombinations(alt))),
                _ => 1,
            };
            total = factor == 0 ? 0 : (total > long.MaxValue / factor ? long.MaxValue : total * factor);
        }

        return total;
    }

    private static long Saturate(long value) => value < 0 ? long.MaxValue : value;

    /// <summary>The alternatives; call only when <see cref="CountCombinations"/> is reasonable.</summary>
    public static List<List<FlatCondition>> Expand(PatternObject root)
    {
        var result = new List<List<FlatCondition>> { new() };
        Expand(root, string.Empty, string.Empty, ref result);
        return result;
    }

    private static void Expand(PatternObject obj, string path, string pointer, ref List<List<FlatCondition>> partials)
    {
        foreach (var member in obj.Members)
        {
            switch (member)
            {
                case LeafField leaf:
                    var condition = new FlatCondition(Join(path, leaf.Name), leaf.Matchers, JsonPointer.Append(pointer, leaf.Name));
                    foreach (var partial in partials)
                    {
                        // A path named again (a duplicate key, or inside a $or) overrides: event-ruler's last one wins.
                        partial.RemoveAll(c => c.Path == condition.Path);
                        partial.Add(condition);
                    }

                    break;
                case NestedField nested:
                    Expand(nested.Value, Join(path, nested.Name), JsonPointer.Append(pointer, nested.Name), ref partials);
                    break;
                case OrMember or:
                    var next = new List<List<FlatCondition>>();
                    for (var i = 0; i < or.Alternatives.Count; i++)
                    {
                        var branch = partials.Select(p => new List<FlatCondition>(p)).ToList();
                        Expand(or.Alternatives[i], path, JsonPointer.Append(JsonPointer.Append(pointer, "$or"), SourcePositions.Of(or.Alternatives, i)), ref branch);
                        next.AddRange(branch);
                    }

                    partials = next;
                    break;
            }
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
