namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>
/// Finds the first key that repeats in its object, with its JSON pointer, line and column. The document's own check
/// rejects such input without a position; this pass runs only then.
/// </summary>
internal static class DuplicateKeyLocator
{
    public static (string Name, string Pointer, int Line, int Column)? Find(ReadOnlySpan<byte> utf8Json)
    {
        // Each object has its own pointer, so the keys seen so far can be kept per container pointer.
        var keys = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        (string Name, string Pointer, long Offset)? repeat = null;
        JsonPointerWalk.Walk(utf8Json, (pointer, container, name, offset) =>
        {
            if (name is null)
            {
                return true;
            }

            if (!keys.TryGetValue(container, out var seen))
            {
                keys[container] = seen = new HashSet<string>(StringComparer.Ordinal);
            }

            if (seen.Add(name))
            {
                return true;
            }

            repeat = (name, pointer, offset);
            return false;
        });

        if (repeat is not { } found)
        {
            return null;
        }

        var (line, column) = JsonPointerWalk.Positions(utf8Json)(found.Offset);
        return (found.Name, found.Pointer, line, column);
    }
}
