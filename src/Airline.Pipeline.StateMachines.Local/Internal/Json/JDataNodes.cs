using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airline.Pipeline.StateMachines.Local.Internal.Json;

/// <summary>Conversions between the internal immutable values and the public System.Text.Json types.</summary>
internal static class JDataNodes
{
    public static JsonNode? ToNode(JData value) => value switch
    {
        JNull => null,
        JBool b => JsonValue.Create(b.Value),
        JNumber n => JsonNode.Parse(n.Text),
        JString s => JsonValue.Create(s.Value),
        JArray a => new JsonArray([.. Enumerate(a)]),
        JObject o => ToObject(o),
        _ => null,
    };

    private static IEnumerable<JsonNode?> Enumerate(JArray array)
    {
        for (var i = 0; i < array.Count; i++)
        {
            yield return ToNode(array[i]);
        }
    }

    private static JsonObject ToObject(JObject value)
    {
        var result = new JsonObject();
        for (var i = 0; i < value.Count; i++)
        {
            result[value.KeyAt(i)] = ToNode(value.ValueAt(i));
        }

        return result;
    }

    public static JData FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JData.Null;
            case JsonObject obj:
                {
                    var builder = new JObjectBuilder();
                    foreach (var (key, child) in obj)
                    {
                        builder.Set(key, FromNode(child));
                    }

                    return builder.Build();
                }

            case JsonArray arr:
                {
                    var items = new JData[arr.Count];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = FromNode(arr[i]);
                    }

                    return new JArray(items);
                }

            case JsonValue v:
                return JData.Parse(v.ToJsonString());
            default:
                return JData.Null;
        }
    }

    public static JData FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => JData.Null,
        JsonValueKind.True => JData.True,
        JsonValueKind.False => JData.False,
        JsonValueKind.String => new JString(element.GetString()!),
        JsonValueKind.Number => JNumber.FromRaw(element.GetRawText()),
        _ => JData.Parse(element.GetRawText()),
    };
}
