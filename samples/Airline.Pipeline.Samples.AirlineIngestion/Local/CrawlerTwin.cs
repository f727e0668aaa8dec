using System.Text;
using System.Text.Json.Nodes;
using Airline.Pipeline.Aws.Storage;
using Airline.Pipeline.Flights;
using Airline.Pipeline.StateMachines.Local;

namespace Airline.Pipeline.Samples.AirlineIngestion.Local;

/// <summary>
/// The Glue crawler's stand-in: <c>StartCrawler</c> reads the landed file's header and checks it against the schema
/// the job expects; <c>GetCrawler</c> answers RUNNING on the first poll and READY on the next, with the last crawl
/// SUCCEEDED or FAILED (naming the missing columns). The poll's Wait state runs on virtual time, so it costs nothing.
/// </summary>
internal sealed class CrawlerTwin(IObjectStore store, ObjectInfo file)
{
    private string? _failure;
    private int _polls;

    /// <summary>The header's columns, as the catalog table would list them.</summary>
    public IReadOnlyList<string> Columns { get; private set; } = [];

    /// <summary>Why the crawl failed, or null.</summary>
    public string? Failure => _failure;

    public ITaskHandler StartCrawler => TaskHandlers.From(async (_, cancellationToken) =>
    {
        var header = await ReadHeaderAsync(cancellationToken);
        Columns = CsvLine.Split(header);
        var missing = MissingColumns(Columns);
        _failure = missing.Count == 0
            ? null
            : $"the header of s3://{file.Bucket}/{file.Key} has no {string.Join(", ", missing)} column (found: {string.Join(", ", Columns)}); the job needs Carrier, OriginAirportID, DestAirportID, DepDelay and ArrDelay";
        _polls = 0;
        return new JsonObject();
    });

    public ITaskHandler GetCrawler => TaskHandlers.From((_, _) =>
    {
        _polls++;
        var crawler = new JsonObject { ["Name"] = SampleNames.CrawlerName };
        if (_polls == 1)
        {
            crawler["State"] = "RUNNING";
        }
        else
        {
            crawler["State"] = "READY";
            crawler["LastCrawl"] = _failure is null
                ? new JsonObject { ["Status"] = "SUCCEEDED" }
                : new JsonObject { ["Status"] = "FAILED", ["ErrorMessage"] = _failure };
        }

        return ValueTask.FromResult<JsonNode?>(new JsonObject { ["Crawler"] = crawler });
    });

    /// <summary>The expected schema: each required field must appear under one of its accepted names.</summary>
    internal static List<string> MissingColumns(IReadOnlyList<string> header)
    {
        var names = FlightColumnNames.Default;
        (string Field, IReadOnlyList<string> Accepted)[] required =
        [
            ("Carrier", names.Carrier),
            ("OriginAirportID", names.OriginAirportId),
            ("DestAirportID", names.DestAirportId),
            ("DepDelay", names.DepDelay),
            ("ArrDelay", names.ArrDelay),
        ];
        return [.. required.Where(r => CsvLine.IndexOf(header, r.Accepted) < 0).Select(r => r.Field)];
    }

    private async Task<string> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(file.Bucket, file.Key, cancellationToken);
        var buffer = new byte[64 * 1024];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
            if (buffer.AsSpan(0, length).IndexOf((byte)'\n') >= 0)
            {
                break;
            }
        }

        var text = Encoding.UTF8.GetString(buffer, 0, length).TrimStart('\uFEFF');
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? text : text[..end]).TrimEnd('\r');
    }
}
