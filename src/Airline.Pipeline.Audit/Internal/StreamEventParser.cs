using System.Globalization;
using System.Text.Json;

namespace Airline.Pipeline.Audit.Internal;

/// <summary>Reads the Lambda event of a DynamoDB Streams trigger (attribute-value JSON keys and images).</summary>
internal static class StreamEventParser
{
    private const string TtlPrincipal = "dynamodb.amazonaws.com";

    internal static IReadOnlyList<StreamRecordAction> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("Records", out var records)
            || records.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("/Records: a DynamoDB Streams Lambda event is an object with a 'Records' array.");
        }

        var actions = new List<StreamRecordAction>();
        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            actions.Add(ParseRecord(record, index++));
        }

        return actions;
    }

    private static StreamRecordAction ParseRecord(JsonElement record, int index)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            var position = index.ToString(CultureInfo.InvariantCulture);
            return new StreamRecordAction(position, string.Empty, position, null, null,
                $"Records[{position}] is {record.ValueKind.ToString().ToLowerInvariant()}, not a stream record object");
        }

        var eventId = String(record, "eventID") ?? index.ToString(CultureInfo.InvariantCulture);
        var eventName = String(record, "eventName") ?? string.Empty;
        record.TryGetProperty("dynamodb", out var body);
        var sequenceNumber = body.ValueKind == JsonValueKind.Object ? String(body, "SequenceNumber") ?? eventId : eventId;
        var keys = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("Keys", out var k) ? k : default;
        var pk = AttributeString(keys, AuditTableSchema.PartitionKey);
        var sk = AttributeString(keys, AuditTableSchema.SortKey);
        RunId? runId = RunId.TryParse(pk, out var parsed) ? parsed : null;

        string? ignored = null;
        if (IsTtlDeletion(record))
        {
            ignored = "TTL deletion (userIdentity principalId dynamodb.amazonaws.com)";
        }
        else if (eventName == "REMOVE")
        {
            ignored = "REMOVE event";
        }
        else if (eventName is not ("INSERT" or "MODIFY"))
        {
            ignored = $"eventName '{eventName}' is not INSERT or MODIFY";
        }
        else if (runId is null)
        {
            ignored = pk is null
                ? $"Keys has no string '{AuditTableSchema.PartitionKey}'"
                : $"'{AuditTableSchema.PartitionKey}' = '{pk}' is not a run id";
        }
        else if (sk is not null && sk.StartsWith('#'))
        {
            ignored = $"'{sk}' is the run's decision item, not a layer";
        }

        return new StreamRecordAction(eventId, eventName, sequenceNumber, runId, sk, ignored)
        {
            NewRecord = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("NewImage", out var newImage)
                ? AuditItemImage.TryRead(newImage)
                : null,
            OldRecord = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("OldImage", out var oldImage)
                ? AuditItemImage.TryRead(oldImage)
                : null,
        };
    }

    private static bool IsTtlDeletion(JsonElement record) =>
        record.TryGetProperty("userIdentity", out var identity)
        && identity.ValueKind == JsonValueKind.Object
        && string.Equals(String(identity, "principalId"), TtlPrincipal, StringComparison.Ordinal);

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The string of <c>{"name": {"S": "..."}}</c>; numbers (<c>{"N": "..."}</c>) are read as their text.</summary>
    private static string? AttributeString(JsonElement map, string name)
    {
        if (map.ValueKind != JsonValueKind.Object || !map.TryGetProperty(name, out var attribute) || attribute.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return String(attribute, "S") ?? String(attribute, "N");
    }
}
