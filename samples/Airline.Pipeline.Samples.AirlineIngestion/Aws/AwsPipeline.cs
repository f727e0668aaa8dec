using System.Globalization;
using Airline.Pipeline.Audit;
using Airline.Pipeline.Aws.Glue;
using Airline.Pipeline.Aws.Ledger;
using Airline.Pipeline.Aws.Storage;
using Airline.Pipeline.Flights;
using Airline.Pipeline.Redshift;
using Airline.Pipeline.Samples.AirlineIngestion.Local;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Airline.Pipeline.Samples.AirlineIngestion.Aws;

/// <summary>
/// <c>--target aws</c>: the same steps with the real services. The file lands in the S3 bucket (in AWS, the
/// EventBridge rule in <c>eventbridge-rule.cfn.yaml</c> then starts the deployed state machine; here the sample runs
/// the same crawler-then-job workflow itself through <see cref="GlueWorkflowRunner"/>), airports_dim is loaded into
/// Redshift through Npgsql, the audit goes to DynamoDB (when its table is named) and the notice to SNS.
/// </summary>
internal static class AwsPipeline
{
    public static async Task<int> RunAsync(SampleOptions options, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddSingleton(time).AddAirlineSampleAws(AwsComposition.LoadConfiguration(options.SettingsPath));
        ServiceProvider provider;
        try
        {
            provider = AwsComposition.BuildAndValidate(services);
        }
        catch (OptionsValidationException e)
        {
            await stderr.WriteLineAsync("airline-sample: error: the AWS settings are incomplete:");
            foreach (var failure in e.Failures)
            {
                await stderr.WriteLineAsync("  - " + failure);
            }

            await stderr.WriteLineAsync("See docs/readme/Samples.md, \"Point the sample at AWS\".");
            return SampleApp.BadInput;
        }

        await using var _ = provider;
        var settings = provider.GetRequiredService<IOptions<AwsSampleSettings>>().Value;
        var bucket = settings.Bucket!;
        var store = provider.GetRequiredService<IObjectStore>();
        var router = provider.GetRequiredService<FileRouter>();
        var ledger = provider.GetRequiredService<IProcessedFilesLedger>();
        var redshift = provider.GetRequiredService<NpgsqlDataSource>();

        var landed = await Landing.LandAsync(store, bucket, options, null, cancellationToken);
        var landingRows = await LandingCount.CountDataRowsAsync(store, landed.Flights, cancellationToken);
        await stdout.WriteLineAsync(Invariant($"landed {landed.Flights.Uri} ({landingRows:N0} rows) and {landed.Airports.Uri}"));
        if (await ledger.FindAsync(bucket, landed.Flights.Key, landed.Flights.ETag, cancellationToken) is { } previous && !options.Reprocess)
        {
            var moved = await router.ArchiveAsync(bucket, landed.Flights.Key, cancellationToken);
            await stdout.WriteLineAsync($"already processed by run {previous.RunId}: nothing to do; the copy moved to {moved.DestinationKey}");
            return SampleApp.Success;
        }

        AirportsDimension airports;
        await using (var airportsFile = await store.OpenReadAsync(bucket, landed.Airports.Key, cancellationToken))
        {
            airports = AirportsDimension.LoadCsv(airportsFile);
        }

        foreach (var table in new[] { AirlineTables.AirportsDim, AirlineTables.DailyFlightsFact })
        {
            await PlanExecutor.Default.ExecuteAsync(redshift, SqlDialect.Redshift.CreateTable(table), cancellationToken: cancellationToken);
        }

        await PlanExecutor.Default.ExecuteAsync(
            redshift,
            UpsertPlan.For(AirlineTables.AirportsDim).Merge().StagingSuffix("airports").Build().Render(SqlDialect.Redshift),
            airports.Airports.Select(a => (IReadOnlyList<object?>)[a.Id, a.City, a.State, a.Name]),
            cancellationToken);

        var runId = provider.GetRequiredService<RunIdGenerator>().Next();
        var recorder = provider.GetRequiredService<AuditRecorder>();
        var reconciler = provider.GetRequiredService<AuditReconciler>();
        await recorder.RecordAsync(runId, SampleNames.Layers.Landing, landingRows, landed.Flights.Uri, cancellationToken: cancellationToken);

        // The crawler, then the job (deployed with redshift/04-glue-connection-options.json: the same upsert as the local run).
        var glue = await provider.GetRequiredService<GlueWorkflowRunner>().RunAsync(
            new Dictionary<string, string> { ["--source_key"] = landed.Flights.Key, ["--run_id"] = runId.Value }, cancellationToken);
        await stdout.WriteLineAsync($"glue: crawl {glue.CrawlStatus}, job run {glue.JobRunId} {glue.JobRunState}{(glue.Succeeded ? "" : $": {glue.FailedStep} failed: {glue.Error}")}");
        ReconcileResult audit;
        if (!glue.Succeeded)
        {
            audit = await reconciler.ReportFailureAsync(runId, $"{glue.FailedStep} failed: {glue.Error}", null, landed.Flights.Uri, cancellationToken);
        }
        else
        {
            var final = await CountFinalRowsAsync(redshift, await FlightDatesAsync(store, landed.Flights, airports, cancellationToken), cancellationToken);
            await recorder.RecordAsync(runId, SampleNames.Layers.Final, final, "redshift: airlines.daily_flights_fact", cancellationToken: cancellationToken);
            audit = await reconciler.ReconcileAsync(runId, cancellationToken);
        }

        var succeeded = audit.Status == AuditStatus.Succeeded;
        var route = succeeded
            ? await router.ArchiveAsync(bucket, landed.Flights.Key, cancellationToken)
            : await router.FailAsync(bucket, landed.Flights.Key, cancellationToken);
        if (succeeded)
        {
            await ledger.TryRecordAsync(new ProcessedFile(bucket, landed.Flights.Key, landed.Flights.ETag, time.GetUtcNow(), runId.Value), cancellationToken);
        }

        await stdout.WriteLineAsync($"audit {audit.Status}: {audit.Decision?.Summary}; notice {audit.MessageId}; file moved to {route.DestinationKey}");
        if (audit.Notification is { } notification)
        {
            await stdout.WriteLineAsync(notification.ToJson(indented: true));
        }

        if (!succeeded)
        {
            await stderr.WriteLineAsync($"airline-sample: the pipeline failed: {audit.Decision?.Summary}");
            return SampleApp.PipelineFailed;
        }

        return SampleApp.Success;
    }

    /// <summary>The flight dates of the delayed flights in the file: the final layer counts the table's rows on those dates.</summary>
    private static async Task<List<string>> FlightDatesAsync(IObjectStore store, ObjectInfo file, AirportsDimension airports, CancellationToken cancellationToken)
    {
        var enricher = new FlightEnricher(airports, new FlightEnrichmentOptions { UnknownAirport = UnknownAirportPolicy.KeepWithNulls });
        await using var input = await store.OpenReadAsync(file.Bucket, file.Key, cancellationToken);
        var batch = await enricher.EnrichToMemoryAsync(input, cancellationToken: cancellationToken);
        return [.. batch.Rows.Select(r => r.FlightDate).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    private static async Task<long> CountFinalRowsAsync(NpgsqlDataSource redshift, List<string> dates, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var chunk in dates.Chunk(500))
        {
            await using var command = redshift.CreateCommand();
            var names = chunk.Select((_, i) => "@d" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            command.CommandText = $"SELECT COUNT(*) FROM airlines.daily_flights_fact WHERE flight_date IN ({string.Join(", ", names.Select(n => $"CAST({n} AS DATE)"))})";
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters.AddWithValue(names[i], chunk[i]);
            }

            total += Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return total;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
