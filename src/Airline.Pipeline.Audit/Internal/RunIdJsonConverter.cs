using System.Text.Json;
using System.Text.Json.Serialization;

namespace Airline.Pipeline.Audit.Internal;

/// <summary>Writes a <see cref="RunId"/> as its JSON string and reads it back with validation.</summary>
internal sealed class RunIdJsonConverter : JsonConverter<RunId>
{
    public override RunId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"a run id is a JSON string; got {reader.TokenType}.");
        return RunId.TryParse(text, out var runId)
            ? runId
            : throw new JsonException(RunId.Check(text));
    }

    public override void Write(Utf8JsonWriter writer, RunId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
