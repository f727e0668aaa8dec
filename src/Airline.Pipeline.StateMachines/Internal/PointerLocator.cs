namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>Finds the line and column of JSON pointers in UTF-8 JSON text (one pass, run only when there are problems).</summary>
internal static class PointerLocator
{
    public static Dictionary<string, (int Line, int Column)> Locate(ReadOnlySpan<byte> utf8Json, IReadOnlySet<string> wanted)
    {
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        JsonPointerWalk.Walk(utf8Json, (pointer, _, _, offset) =>
        {
            if (wanted.Contains(pointer))
            {
                offsets.TryAdd(pointer, offset);
            }

            return offsets.Count < wanted.Count;
        });

        var position = JsonPointerWalk.Positions(utf8Json);
        var found = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        foreach (var (pointer, offset) in offsets)
        {
            found[pointer] = position(offset);
        }

        return found;
    }
}
