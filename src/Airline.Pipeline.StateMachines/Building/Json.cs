using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airline.Pipeline.StateMachines.Building;

/// <summary>Turns builder arguments into JSON values for payload fields (Parameters, Arguments, Assign...).</summary>
public static class Json
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>
    /// A JSON value from a <see cref="JsonElement"/>, a <see cref="JsonNode"/>, or any object
    /// (anonymous object, dictionary, list, string, number) serialized as is. Keys ending in <c>.$</c> are
    /// written through a dictionary: <c>new Dictionary&lt;string, object?&gt; { ["Input.$"] = "$.input" }</c>.
    /// </summary>
    public static JsonElement From(object? value) => value switch
    {
        JsonElement element => element,
        JsonNode node => Parse(node.ToJsonString()),
        _ => JsonSerializer.SerializeToElement(value, value?.GetType() ?? typeof(object), Options),
    };

    /// <summary>A JSON value from JSON text.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
