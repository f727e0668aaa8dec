using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airline.Pipeline.TestSupport;

/// <summary>
/// Valid JSON with values swapped for values of other JSON types (or removed), for tests that readers and validators never throw
/// on input of the wrong shape and locate every problem; and a check that a JSON pointer leads somewhere.
/// </summary>
public static class JsonMutations
{
    private static readonly Func<Random, JsonNode?>[] Replacements =
    [
        _ => null,
        r => JsonValue.Create(r.Next(-5, 100)),
        r => JsonValue.Create(r.Next(2) == 0),
        r => JsonValue.Create(r.Next(3) switch { 0 => "", 1 => "$.x[", _ => "States.Nope(1)" }),
        _ => new JsonArray(JsonValue.Create(1), new JsonObject()),
        _ => new JsonObject { ["Unexpected"] = JsonValue.Create("value") },
    ];

    /// <summary><paramref name="count"/> mutations of <paramref name="json"/>, each with 1-3 values swapped or removed;
    /// the same seed gives the same mutations. Nothing when the input is not JSON or has repeated keys.</summary>
    public static IEnumerable<string> Mutate(string json, int seed, int count)
    {
        JsonNode? original;
        try
        {
            original = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            yield break;
        }

        var random = new Random(seed);
        for (var round = 0; round < count; round++)
        {
            var mutated = original!.DeepClone();
            for (var swaps = random.Next(1, 4); swaps > 0; swaps--)
            {
                var places = Places(mutated).ToList();
                if (places.Count == 0)
                {
                    break;
                }

                var (parent, key, index) = places[random.Next(places.Count)];
                var remove = random.Next(4) == 0; // a quarter of the swaps remove the member or item instead
                var replacement = remove ? null : Replacements[random.Next(Replacements.Length)](random);
                switch (parent)
                {
                    case JsonObject obj when remove:
                        obj.Remove(key!);
                        break;
                    case JsonObject obj:
                        obj[key!] = replacement;
                        break;
                    case JsonArray array when remove:
                        array.RemoveAt(index);
                        break;
                    default:
                        ((JsonArray)parent)[index] = replacement;
                        break;
                }
            }

            yield return mutated.ToJsonString();
        }
    }

    /// <summary>A deterministic seed from a name (string.GetHashCode differs between runs).</summary>
    public static int SeedOf(string name) => name.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    /// <summary>Whether the RFC 6901 <paramref name="pointer"/> leads to a value in <paramref name="json"/>. With
    /// <paramref name="orMissingMember"/>, a pointer to a member an existing object lacks counts too (for messages
    /// that point where a required field belongs).</summary>
    public static bool PointerResolves(string json, string pointer, bool orMissingMember = false)
    {
        var node = JsonNode.Parse(json);
        if (pointer.Length == 0)
        {
            return true;
        }

        var steps = pointer[1..].Split('/');
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (node)
            {
                case JsonObject obj when obj.TryGetPropertyValue(step, out var child):
                    node = child;
                    break;
                case JsonObject when orMissingMember && i == steps.Length - 1:
                    return true;
                case JsonArray array when int.TryParse(step, out var index) && index >= 0 && index < array.Count:
                    node = array[index];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Every member and item under the root, with its parent.</summary>
    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Places(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    yield return (obj, key, -1);
                    foreach (var place in Places(value))
                    {
                        yield return place;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, null, i);
                    foreach (var place in Places(array[i]))
                    {
                        yield return place;
                    }
                }

                break;
        }
    }
}
