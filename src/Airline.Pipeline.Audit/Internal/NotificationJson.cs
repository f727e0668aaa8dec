using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Airline.Pipeline.Audit.Internal;

/// <summary>The notification body: snake_case members in a fixed order, nulls left out.</summary>
internal static class NotificationJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    internal static string Write(AuditNotification n, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
        {
            w.WriteStartObject();
            w.WriteString("status", NotificationText.StatusWord(n.Status));
            w.WriteString("run_id", n.RunId.Value);
            WriteIf(w, "pipeline", n.Pipeline);
            WriteIf(w, "processed_file", n.ProcessedFile);
            WriteIf(w, "input_rows", n.InputRows);
            WriteIf(w, "output_rows", n.OutputRows);
            WriteIf(w, "reference_layer", n.ReferenceLayer);
            if (n.Layers.Count > 0)
            {
                w.WriteStartArray("layers");
                foreach (var layer in n.Layers)
                {
                    w.WriteStartObject();
                    w.WriteString("layer", layer.Layer);
                    WriteIf(w, "count", layer.Count);
                    WriteIf(w, "expected", layer.Expected);
                    w.WriteString("status", NotificationText.LayerWord(layer.Status));
                    WriteIf(w, "message", layer.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            WriteIf(w, "error", n.Error);
            WriteIf(w, "failed_query", n.FailedQuery);
            if (n.Warnings.Count > 0)
            {
                w.WriteStartArray("warnings");
                foreach (var warning in n.Warnings)
                {
                    w.WriteStringValue(warning);
                }

                w.WriteEndArray();
            }

            w.WriteString("time", NotificationText.Time(n.Time));
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    internal static AuditNotification Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"a notification is a JSON object; got {root.ValueKind}.");
            }

            return new AuditNotification
            {
                Status = ParseStatus(RequiredString(root, "status")),
                RunId = RunId.TryParse(RequiredString(root, "run_id"), out var runId)
                    ? runId
                    : throw new FormatException($"/run_id: '{RequiredString(root, "run_id")}' is not a valid run id."),
                Time = DateTimeOffset.TryParse(RequiredString(root, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                    ? time
                    : throw new FormatException($"/time: '{RequiredString(root, "time")}' is not an ISO 8601 time."),
                Pipeline = OptionalString(root, "pipeline"),
                ProcessedFile = OptionalString(root, "processed_file"),
                InputRows = OptionalLong(root, "input_rows"),
                OutputRows = OptionalLong(root, "output_rows"),
                ReferenceLayer = OptionalString(root, "reference_layer"),
                Layers = root.TryGetProperty("layers", out var layers) && layers.ValueKind == JsonValueKind.Array
                    ? layers.EnumerateArray().Select(ReadLayer).ToList()
                    : [],
                Error = OptionalString(root, "error"),
                FailedQuery = OptionalString(root, "failed_query"),
                Warnings = root.TryGetProperty("warnings", out var warnings) && warnings.ValueKind == JsonValueKind.Array
                    ? warnings.EnumerateArray().Select(w => w.GetString() ?? string.Empty).ToList()
                    : [],
            };
        }
        catch (JsonException e)
        {
            throw new FormatException($"the notification is not valid JSON: {e.Message}", e);
        }
    }

    private static NotificationLayer ReadLayer(JsonElement e) =>
        new(
            RequiredString(e, "layer"),
            OptionalLong(e, "count"),
            OptionalLong(e, "expected"),
            Enum.TryParse<LayerStatus>(RequiredString(e, "status"), ignoreCase: true, out var status)
                ? status
                : throw new FormatException($"/layers/status: '{RequiredString(e, "status")}' is not a layer status."),
            OptionalString(e, "message"));

    private static AuditStatus ParseStatus(string text) => text switch
    {
        "SUCCEEDED" or "SUCCESS" => AuditStatus.Succeeded,
        "FAILED" or "FAILURE" => AuditStatus.Failed,
        _ => throw new FormatException($"/status: '{text}' is not SUCCEEDED or FAILED."),
    };

    private static string RequiredString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"/{name}: a string is required.");

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? OptionalLong(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.TryGetInt64(out var number) ? number : throw new FormatException($"/{name}: {value.GetRawText()} is not a whole number.")
            : null;

    private static void WriteIf(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteIf(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
    }
}
