using System.Text.Json.Nodes;
using Airline.Pipeline.Audit;
using Airline.Pipeline.Aws.Storage;
using Airline.Pipeline.Flights;
using Airline.Pipeline.Redshift;
using Airline.Pipeline.StateMachines.Local;

namespace Airline.Pipeline.Samples.AirlineIngestion.Local;

/// <summary>What the job did, for the report.</summary>
internal sealed record JobOutcome(
    FlightEnrichmentResult Transform, ObjectInfo Processed, ObjectInfo? Rejects, long Staged, long Deleted, long Inserted, long Final, int FlightDates,
    TimeSpan TransformTime, TimeSpan LoadTime);

/// <summary>
/// The Glue job's stand-in (the <c>RunJob</c> task, <c>glue:startJobRun.sync</c>): reads airports_dim from the
/// warehouse, runs the Flights transform on the landed object, writes the enriched rows to <c>processed/</c> (the
/// seeds' S3 staging area), stages them in the warehouse and replaces their flight dates in daily_flights_fact,
/// recording each layer's count for the audit. A failure fails the task as Glue would (<c>States.TaskFailed</c>
/// with the job run as cause); the state machine's Catch then sends the failure notice.
/// </summary>
internal sealed class JobTwin(
    IObjectStore store, ObjectInfo file, SqliteWarehouse warehouse, AuditRecorder recorder, RunId runId, Action<FlightProgress>? progress)
{
    /// <summary>The job's outcome once it succeeded.</summary>
    public JobOutcome? Outcome { get; private set; }

    /// <summary>Why the job failed, in the seeds' words (e.g. "line 12: No matching record in airports_dim for airport_id=99999").</summary>
    public string? Error { get; private set; }

    /// <summary>The statement that failed, when the warehouse load failed.</summary>
    public string? FailedQuery { get; private set; }

    public string JobRunId => "jr_" + runId.Value.ToLowerInvariant();

    public ITaskHandler RunJob => TaskHandlers.From(async (_, cancellationToken) =>
    {
        try
        {
            Outcome = await RunAsync(cancellationToken);
        }
        catch (Exception e) when (e is FlightDataException or System.Data.Common.DbException or SqlValidationException)
        {
            Error = e.Message;
            var cause = new JsonObject
            {
                ["JobName"] = SampleNames.JobName,
                ["Id"] = JobRunId,
                ["JobRunState"] = "FAILED",
                ["ErrorMessage"] = e.Message,
            };
            throw new TaskFailedException("States.TaskFailed", cause.ToJsonString());
        }

        return new JsonObject
        {
            ["JobName"] = SampleNames.JobName,
            ["Id"] = JobRunId,
            ["JobRunState"] = "SUCCEEDED",
        };
    });

    private async Task<JobOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var transformClock = System.Diagnostics.Stopwatch.StartNew();
        var airports = await warehouse.ReadAirportsAsync(cancellationToken);
        var enricher = new FlightEnricher(airports, new FlightEnrichmentOptions
        {
            DegreeOfParallelism = file.Size > 64L << 20 ? Environment.ProcessorCount : 1,
            Progress = progress,
        });

        // The transform: landed object -> enriched CSV (processed/) and rejected rows (rejected/, when any).
        using var enriched = new MemoryStream();
        using var rejects = new MemoryStream();
        FlightEnrichmentResult result;
        await using (var input = await store.OpenReadAsync(file.Bucket, file.Key, cancellationToken))
        {
            result = await enricher.EnrichAsync(input, enriched, rejects, cancellationToken);
        }

        var name = file.Key[(file.Key.LastIndexOf('/') + 1)..];
        enriched.Position = 0;
        var processed = await store.WriteAsync(file.Bucket, SampleNames.ProcessedPrefix + name, enriched, new ObjectWriteOptions { ContentType = "text/csv" }, cancellationToken);
        ObjectInfo? rejected = null;
        if (result.RejectedRows > 0)
        {
            rejects.Position = 0;
            rejected = await store.WriteAsync(file.Bucket, SampleNames.RejectedPrefix + name, rejects, new ObjectWriteOptions { ContentType = "text/csv" }, cancellationToken);
        }

        await recorder.RecordAsync(runId, SampleNames.Layers.Transformed, result.KeptRows, processed.Uri, cancellationToken: cancellationToken);

        // The load: staging, then replace each flight_date present, in one transaction.
        var transformTime = transformClock.Elapsed;
        var loadClock = System.Diagnostics.Stopwatch.StartNew();
        enriched.Position = 0;
        var rows = EnrichedFlightCsv.Read(enriched);
        RenderedStatement? current = null;
        PlanExecutionResult load;
        try
        {
            load = await warehouse.UpsertFlightsAsync(rows, StagingSuffix(runId), statement => current = statement, cancellationToken);
        }
        catch (System.Data.Common.DbException)
        {
            FailedQuery = current?.ScriptText;
            throw;
        }

        await recorder.RecordAsync(runId, SampleNames.Layers.Staged, load.RowsLoaded, "warehouse.db: staging", cancellationToken: cancellationToken);
        if (load.RowsLoaded != result.KeptRows)
        {
            // The audit compares every layer with landing (at most); this check pins staging to exactly what the transform kept.
            throw new FlightDataException($"layer '{SampleNames.Layers.Staged}' has {load.RowsLoaded} rows, but the transform kept {result.KeptRows}");
        }

        var dates = rows.Select(r => r.FlightDate ?? "").Distinct(StringComparer.Ordinal).ToList();
        var final = await warehouse.CountFlightsOnDatesAsync(dates, cancellationToken);
        await recorder.RecordAsync(runId, SampleNames.Layers.Final, final, "warehouse.db: daily_flights_fact", cancellationToken: cancellationToken);
        return new JobOutcome(
            result, processed, rejected, load.RowsLoaded, load.RowsFor(StatementPurpose.Delete), load.RowsFor(StatementPurpose.Insert), final, dates.Count,
            transformTime, loadClock.Elapsed);
    }

    /// <summary>Staging names end with the run id's random tail (lower-case, as the Redshift package requires).</summary>
    internal static string StagingSuffix(RunId runId) => runId.Value[^12..].ToLowerInvariant();
}
