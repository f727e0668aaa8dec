using System.Globalization;
using System.Text.Json;

namespace Airline.Pipeline.Audit.Internal;

/// <summary>
/// Reads a layer item from a DynamoDB Streams image in attribute-value JSON (<c>{"count":{"N":"7"}}</c>), laid out as
/// <see cref="AuditTableSchema"/> says. Returns null for anything that is not a complete, valid layer item.
/// </summary>
internal static class AuditItemImage
{
    internal static AuditRecord? TryRead(JsonElement image)
    {
        if (image.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var pk = Text(image, AuditTableSchema.PartitionKey, "S");
        var sk = Text(image, AuditTableSchema.SortKey, "S");
        var count = Text(image, AuditTableSchema.Count, "N");
        var recordedAt = Text(image, AuditTableSchema.RecordedAt, "S");
        if (!RunId.TryParse(pk, out var runId)
            || AuditLayers.Check(sk) is not null
            || !long.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rows) || rows < 0
            || !DateTimeOffset.TryParse(recordedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return null;
        }

        var attemptText = Text(image, AuditTableSchema.Attempt, "N");
        var attempt = 1;
        if (attemptText is not null
            && (!int.TryParse(attemptText, NumberStyles.Integer, CultureInfo.InvariantCulture, out attempt) || attempt < 1))
        {
            return null;
        }

        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (image.TryGetProperty(AuditTableSchema.Sums, out var sumsAttribute)
            && sumsAttribute.ValueKind == JsonValueKind.Object
            && sumsAttribute.TryGetProperty("M", out var map)
            && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var sum in map.EnumerateObject())
            {
                if (sum.Value.ValueKind != JsonValueKind.Object
                    || !sum.Value.TryGetProperty("N", out var n)
                    || !decimal.TryParse(n.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    return null;
                }

                sums[sum.Name] = value;
            }
        }

        return new AuditRecord(runId, sk!, rows, at)
        {
            Attempt = attempt,
            Source = Text(image, AuditTableSchema.Source, "S"),
            Sums = sums,
        };
    }

    private static string? Text(JsonElement image, string name, string type) =>
        image.TryGetProperty(name, out var attribute)
        && attribute.ValueKind == JsonValueKind.Object
        && attribute.TryGetProperty(type, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
