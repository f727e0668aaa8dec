using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>
/// What the reader knew about the JSON that the model does not keep, for the validator's pointers: where the items
/// of a list stood when the reader skipped items of the wrong type before them (so a retrier's problem points at
/// its own place in the JSON), and which required fields were absent (the reader reported those already). Both are
/// recorded only for malformed input and held weakly by the model objects they describe.
/// </summary>
internal static class ReadFacts
{
    private static readonly ConditionalWeakTable<object, int[]> SourcePositions = new();
    private static readonly ConditionalWeakTable<object, HashSet<string>> MissingFields = new();

    /// <summary>Records that the items of <paramref name="items"/> came from these positions of the JSON array.</summary>
    public static void SetSourcePositions<T>(ImmutableArray<T> items, int[] positions)
    {
        if (ImmutableCollectionsMarshal.AsArray(items) is { Length: > 0 } array)
        {
            SourcePositions.AddOrUpdate(array, positions);
        }
    }

    /// <summary>The position in the JSON array of item <paramref name="index"/> of a list the reader built.</summary>
    public static int SourcePosition<T>(ImmutableArray<T> items, int index) =>
        ImmutableCollectionsMarshal.AsArray(items) is { } array && SourcePositions.TryGetValue(array, out var positions)
            ? positions[index]
            : index;

    public static void SetMissing(object owner, string field) => MissingFields.GetOrCreateValue(owner).Add(field);

    /// <summary>Whether the reader found <paramref name="field"/> absent from the JSON object that became <paramref name="owner"/>.</summary>
    public static bool IsMissing(object owner, string field) => MissingFields.TryGetValue(owner, out var fields) && fields.Contains(field);
}
