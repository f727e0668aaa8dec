using System.Text.Json.Nodes;

namespace Airline.Pipeline.Audit.Tests;

/// <summary>Builds DynamoDB Streams Lambda events (NEW_AND_OLD_IMAGES, attribute-value JSON) as AWS sends them.</summary>
internal static class StreamEvents
{
    private static int _sequence = 100;

    public static JsonObject Insert(AuditRecord record) => Record("INSERT", record.RunId.Value, record.Layer, Image(record), null);

    public static JsonObject Modify(AuditRecord record, AuditRecord old) =>
        Record("MODIFY", record.RunId.Value, record.Layer, Image(record), Image(old));

    public static JsonObject Remove(RunId run, string sortKey, bool ttl = false)
    {
        var record = Record("REMOVE", run.Value, sortKey, null, Keys(run.Value, sortKey));
        if (ttl)
        {
            record["userIdentity"] = new JsonObject { ["type"] = "Service", ["principalId"] = "dynamodb.amazonaws.com" };
        }

        return record;
    }

    public static JsonObject DecisionInsert(RunId run) =>
        Record("INSERT", run.Value, "#decision", new JsonObject
        {
            ["pk"] = S(run.Value), ["sk"] = S("#decision"), ["status"] = S("SUCCEEDED"),
        }, null);

    public static string Batch(params JsonObject[] records) =>
        new JsonObject { ["Records"] = new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()) }.ToJsonString();

    private static JsonObject Record(string eventName, string pk, string sk, JsonObject? newImage, JsonObject? oldImage)
    {
        var sequence = Interlocked.Increment(ref _sequence).ToString("D21");
        var body = new JsonObject
        {
            ["ApproximateCreationDateTime"] = 1763805600,
            ["Keys"] = Keys(pk, sk),
            ["SequenceNumber"] = sequence,
            ["SizeBytes"] = 120,
            ["StreamViewType"] = "NEW_AND_OLD_IMAGES",
        };
        if (newImage is not null)
        {
            body["NewImage"] = newImage;
        }

        if (oldImage is not null)
        {
            body["OldImage"] = oldImage;
        }

        return new JsonObject
        {
            ["eventID"] = Guid.NewGuid().ToString("N"),
            ["eventName"] = eventName,
            ["eventVersion"] = "1.1",
            ["eventSource"] = "aws:dynamodb",
            ["awsRegion"] = "eu-west-1",
            ["dynamodb"] = body,
            ["eventSourceARN"] = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders-audit-table/stream/2026-11-22T00:00:00.000",
        };
    }

    private static JsonObject Keys(string pk, string sk) => new() { ["pk"] = S(pk), ["sk"] = S(sk) };

    private static JsonObject Image(AuditRecord r)
    {
        var image = new JsonObject
        {
            ["pk"] = S(r.RunId.Value),
            ["sk"] = S(r.Layer),
            ["count"] = new JsonObject { ["N"] = r.Count.ToString() },
            ["attempt"] = new JsonObject { ["N"] = r.Attempt.ToString() },
            ["recorded_at"] = S(r.RecordedAt.ToString("O")),
        };
        if (r.Source is not null)
        {
            image["source"] = S(r.Source);
        }

        if (r.Sums.Count > 0)
        {
            var map = new JsonObject();
            foreach (var (name, value) in r.Sums)
            {
                map[name] = new JsonObject { ["N"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }

            image["sums"] = new JsonObject { ["M"] = map };
        }

        return image;
    }

    private static JsonObject S(string value) => new() { ["S"] = value };
}
