using System.Globalization;
using System.Text.Json;

namespace Airline.Pipeline.Aws.Glue.Internal;

/// <summary>Request bodies and reply parsing for the Glue JSON 1.1 operations (shapes of glue/2017-03-31).</summary>
internal static class GlueJson
{
    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static byte[] StartJobRun(GlueJobRunRequest request) => Write(writer =>
    {
        writer.WriteString("JobName", request.JobName);
        if (request.Arguments.Count > 0)
        {
            writer.WriteStartObject("Arguments");
            foreach (var (name, value) in request.Arguments.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        if (request.TimeoutMinutes is { } timeout)
        {
            writer.WriteNumber("Timeout", timeout);
        }

        if (request.WorkerType is { } workerType)
        {
            writer.WriteString("WorkerType", workerType);
        }

        if (request.NumberOfWorkers is { } workers)
        {
            writer.WriteNumber("NumberOfWorkers", workers);
        }
    });

    public static GlueCrawler Crawler(JsonElement root)
    {
        var crawler = Required(root, "Crawler");
        GlueLastCrawl? lastCrawl = null;
        if (crawler.TryGetProperty("LastCrawl", out var last) && last.ValueKind == JsonValueKind.Object)
        {
            lastCrawl = new GlueLastCrawl(
                String(last, "Status") ?? "UNKNOWN",
                String(last, "ErrorMessage"),
                String(last, "LogGroup"),
                String(last, "LogStream"),
                Timestamp(last, "StartTime"));
        }

        return new GlueCrawler(String(crawler, "Name") ?? string.Empty, String(crawler, "State") ?? "UNKNOWN", lastCrawl);
    }

    public static GlueJobRun JobRun(JsonElement root)
    {
        var run = Required(root, "JobRun");
        return new GlueJobRun(
            String(run, "Id") ?? string.Empty,
            String(run, "JobName") ?? string.Empty,
            String(run, "JobRunState") ?? "UNKNOWN",
            Int(run, "Attempt") ?? 0,
            String(run, "ErrorMessage"),
            Timestamp(run, "StartedOn"),
            Timestamp(run, "CompletedOn"),
            Int(run, "ExecutionTime"));
    }

    public static GlueJobBookmark Bookmark(JsonElement root, string jobName)
    {
        if (!root.TryGetProperty("JobBookmarkEntry", out var entry) || entry.ValueKind != JsonValueKind.Object)
        {
            return new GlueJobBookmark(jobName, 0, 0, 0, null, null, null);
        }

        return new GlueJobBookmark(
            String(entry, "JobName") ?? jobName,
            Int(entry, "Version") ?? 0,
            Int(entry, "Run") ?? 0,
            Int(entry, "Attempt") ?? 0,
            String(entry, "PreviousRunId"),
            String(entry, "RunId"),
            String(entry, "JobBookmark"));
    }

    public static string JobRunId(JsonElement root) =>
        String(root, "JobRunId") ?? throw new GlueException("Glue StartJobRun answered without a JobRunId.");

    private static JsonElement Required(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new GlueException($"Glue answered without the '{name}' object the service model defines.");

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;

    // JSON 1.1 timestamps are epoch seconds with a fraction; ISO 8601 strings are accepted too.
    private static DateTimeOffset? Timestamp(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round(value.GetDouble() * 1000)),
            JsonValueKind.String when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
            _ => null,
        };
    }
}
