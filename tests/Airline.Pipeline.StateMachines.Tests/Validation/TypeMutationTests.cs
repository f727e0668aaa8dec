using System.Text.Json.Nodes;
using Airline.Pipeline.StateMachines.Serialization;
using Airline.Pipeline.StateMachines.Tests.Serialization;
using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Tests.Validation;

/// <summary>
/// Corpus definitions with values swapped for values of other JSON types (still valid JSON): the reader and the
/// validator must not throw, must report problems with a code and a message, and every pointer must lead to a place
/// that exists in the mutated document.
/// </summary>
public sealed class TypeMutationTests
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

    public static TheoryData<string> Files() => RoundTripTests.AllFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void Swapped_value_types_give_located_problems_and_no_exception(string file)
    {
        var path = Path.Combine(Path.GetDirectoryName(Corpus.AslValidatorFolder)!, file);
        JsonNode? original;
        try
        {
            original = JsonNode.Parse(File.ReadAllText(path), documentOptions: new() { AllowDuplicateProperties = false });
        }
        catch (System.Text.Json.JsonException)
        {
            return; // not JSON to begin with: the bad-input tests cover that
        }

        var random = new Random(file.Aggregate(17, (hash, c) => unchecked((hash * 31) + c))); // the same mutations every run
        for (var round = 0; round < 50; round++)
        {
            var mutated = original!.DeepClone();
            var places = Places(mutated).ToList();
            for (var swaps = random.Next(1, 4); swaps > 0 && places.Count > 0; swaps--)
            {
                var (parent, key, index) = places[random.Next(places.Count)];
                var replacement = Replacements[random.Next(Replacements.Length)](random);
                if (parent is JsonObject obj)
                {
                    obj[key!] = replacement;
                }
                else
                {
                    ((JsonArray)parent)[index] = replacement;
                }

                places = Places(mutated).ToList();
            }

            var json = mutated.ToJsonString();
            var read = AslReader.Read(json);
            var result = AslValidator.Validate(json);
            _ = read.Machine?.ToJson();

            foreach (var problem in read.Problems.Concat(result.Problems))
            {
                problem.Code.Should().StartWith("ASL");
                problem.Message.Should().NotBeNullOrWhiteSpace();
                Resolves(mutated, problem.Pointer).Should().BeTrue($"{problem} must point into {json}");
            }
        }
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

    private static bool Resolves(JsonNode? root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return true;
        }

        var node = root;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var step = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (node)
            {
                case JsonObject obj when obj.TryGetPropertyValue(step, out var child):
                    node = child;
                    break;
                case JsonArray array when int.TryParse(step, out var index) && index >= 0 && index < array.Count:
                    node = array[index];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
