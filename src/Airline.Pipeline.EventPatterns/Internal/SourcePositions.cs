using System.Runtime.CompilerServices;

namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>
/// Where the items of a list the reader built stood in the JSON array, recorded only when it skipped items it had
/// reported (a $or alternative that is not an object, a match value it could not read): the validator's pointers
/// then name the item's own place. Held weakly by the list.
/// </summary>
internal static class SourcePositions
{
    private static readonly ConditionalWeakTable<object, int[]> Positions = new();

    /// <summary>The list, with the JSON positions of its items recorded when <paramref name="skipped"/> has any.</summary>
    public static TList Record<TList>(TList items, List<int>? skipped, int count)
        where TList : class
    {
        if (skipped is not null)
        {
            Positions.AddOrUpdate(items, [.. Enumerable.Range(0, count).Except(skipped)]);
        }

        return items;
    }

    /// <summary>The JSON position of item <paramref name="index"/> of a list the reader built.</summary>
    public static int Of(object items, int index) => Positions.TryGetValue(items, out var positions) ? positions[index] : index;
}
