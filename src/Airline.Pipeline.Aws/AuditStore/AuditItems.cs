using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Airline.Pipeline.Audit;

namespace Airline.Pipeline.Aws;

/// <summary>Audit records and decisions to and from DynamoDB items (<see cref="AuditTableSchema"/>).</summary>
internal static class AuditItems
{
    public static Dictionary<string, AttributeValue> DecisionKey(RunId runId) => new()
    {
        [AuditTableSchema.PartitionKey] = new() { S = runId.Value },
        [AuditTableSchema.SortKey] = new() { S = AuditTableSchema.DecisionSortKey },
    };

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static string Time(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    public static Dictionary<string, AttributeValue> FromRecord(AuditRecord record, TimeSpan? timeToLive)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [AuditTableSchema.PartitionKey] = new() { S = record.RunId.Value },
            [AuditTableSchema.SortKey] = new() { S = record.Layer },
            [AuditTableSchema.Count] = Number(record.Count),
            [AuditTableSchema.Attempt] = Number(record.Attempt),
            [AuditTableSchema.RecordedAt] = new() { S = Time(record.RecordedAt) },
        };
        if (record.Source is not null)
        {
            item[AuditTableSchema.Source] = new() { S = record.Source };
        }

        if (record.Sums.Count > 0)
        {
            item[AuditTableSchema.Sums] = new()
            {
                M = record.Sums.ToDictionary(pair => pair.Key, pair => new AttributeValue { N = pair.Value.ToString(CultureInfo.InvariantCulture) }),
            };
        }

        AddExpiry(item, record.RecordedAt, timeToLive);
        return item;
    }

    public static AuditRecord ToRecord(Dictionary<string, AttributeValue> item)
    {
        var sums = item.TryGetValue(AuditTableSchema.Sums, out var map) && map.M is { Count: > 0 }
            ? map.M.ToDictionary(pair => pair.Key, pair => decimal.Parse(pair.Value.N, NumberStyles.Float, CultureInfo.InvariantCulture), StringComparer.Ordinal)
            : new Dictionary<string, decimal>(StringComparer.Ordinal);
        return new AuditRecord(
            RunId.Parse(item[AuditTableSchema.PartitionKey].S, CultureInfo.InvariantCulture),
            item[AuditTableSchema.SortKey].S,
            long.Parse(item[AuditTableSchema.Count].N, CultureInfo.InvariantCulture),
            ParseTime(item[AuditTableSchema.RecordedAt].S))
        {
            Attempt = int.Parse(item[AuditTableSchema.Attempt].N, CultureInfo.InvariantCulture),
            Source = item.TryGetValue(AuditTableSchema.Source, out var source) ? source.S : null,
            Sums = sums,
        };
    }

    public static Dictionary<string, AttributeValue> FromDecision(AuditDecision decision, TimeSpan? timeToLive)
    {
        var item = DecisionKey(decision.RunId);
        item[AuditTableSchema.Status] = new() { S = decision.Status == AuditStatus.Succeeded ? "SUCCEEDED" : "FAILED" };
        item[AuditTableSchema.DecidedAt] = new() { S = Time(decision.DecidedAt) };
        item[AuditTableSchema.Summary] = new() { S = decision.Summary };
        if (decision.NotifiedAt is { } notifiedAt)
        {
            item[AuditTableSchema.NotifiedAt] = new() { S = Time(notifiedAt) };
        }

        if (decision.NotificationId is not null)
        {
            item[AuditTableSchema.NotificationId] = new() { S = decision.NotificationId };
        }

        AddExpiry(item, decision.DecidedAt, timeToLive);
        return item;
    }

    public static AuditDecision ToDecision(Dictionary<string, AttributeValue> item)
    {
        var status = item[AuditTableSchema.Status].S switch
        {
            "SUCCEEDED" => AuditStatus.Succeeded,
            "FAILED" => AuditStatus.Failed,
            var other => throw new InvalidDataException(
                $"audit decision of run '{item[AuditTableSchema.PartitionKey].S}' has status '{other}'; expected SUCCEEDED or FAILED."),
        };
        return new AuditDecision(
            RunId.Parse(item[AuditTableSchema.PartitionKey].S, CultureInfo.InvariantCulture),
            status,
            ParseTime(item[AuditTableSchema.DecidedAt].S),
            item[AuditTableSchema.Summary].S)
        {
            NotifiedAt = item.TryGetValue(AuditTableSchema.NotifiedAt, out var at) ? ParseTime(at.S) : null,
            NotificationId = item.TryGetValue(AuditTableSchema.NotificationId, out var id) ? id.S : null,
        };
    }

    private static void AddExpiry(Dictionary<string, AttributeValue> item, DateTimeOffset from, TimeSpan? timeToLive)
    {
        if (timeToLive is { } ttl)
        {
            item[AuditTableSchema.ExpiresAt] = Number((from + ttl).ToUnixTimeSeconds());
        }
    }

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
