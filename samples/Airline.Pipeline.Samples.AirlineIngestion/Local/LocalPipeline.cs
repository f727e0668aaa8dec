using System.Diagnostics;
using Airline.Pipeline.Audit;
using Airline.Pipeline.Aws.Ledger;
using Airline.Pipeline.Aws.Storage;
using Airline.Pipeline.EventPatterns.Matching;
using Airline.Pipeline.EventPatterns.Presets;
using Airline.Pipeline.Flights;
using Airline.Pipeline.Samples.AirlineIngestion.Terminal;
using Airline.Pipeline.StateMachines.Local;
using Airline.Pipeline.StateMachines.Workflows;
using States = Airline.Pipeline.StateMachines.Workflows.GlueWorkflows.States;

namespace Airline.Pipeline.Samples.AirlineIngestion.Local;

/// <summary>
/// The airline seed's pipeline on this machine, every AWS piece replaced by its twin from the packages:
/// a local-folder bucket (Aws), the EventBridge rule and matcher (EventPatterns), the Step Functions definition
/// (StateMachines) run in-process (StateMachines.Local), the transform (Flights), a SQLite warehouse loaded with the
/// Redshift package's plans (Redshift), the audit and its one notification (Audit), the file router and the
/// processed-files ledger (Aws).
/// </summary>
internal sealed class LocalPipeline(SampleOptions options, TextWriter stdout, TextWriter stderr, bool isTerminal, TimeProvider time)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var layout = OutputLayout.Prepare(options.OutputDirectory, keepExisting: options.OutputDirectoryGiven);
        var report = new LocalReport(stdout, layout);
        report.Title(options);
        var progress = new ProgressBar(stdout, isTerminal);
        var store = new LocalFolderObjectStore(layout.BucketRoot);
        var router = new FileRouter(store, new FileRouterOptions { IncomingPrefix = SampleNames.IncomingPrefix });

        // 1. The files land in the bucket.
        var expectedBytes = options.Rows is { } n ? n * 118.0 : double.NaN;
        var landed = await Landing.LandAsync(
            store, SampleNames.Bucket, options, bytes => progress.Report("landing", bytes / expectedBytes, bytes, "bytes"), cancellationToken);
        progress.Clear();
        var landingRows = await LandingCount.CountDataRowsAsync(store, landed.Flights, cancellationToken);
        report.Landed(landed, landingRows);

        // 2. S3 sends "Object Created" for each; the rule picks the .csv under incoming/.
        var rule = EventPresets.S3ObjectCreated(SampleNames.Bucket, prefix: SampleNames.IncomingPrefix, suffix: ".csv");
        var matcher = EventMatcher.Compile((SampleNames.RuleName, rule));
        var artifacts = new List<string>(Artifacts.WriteEventRule(layout, rule));
        var flightsEvent = S3Events.ObjectCreated(landed.Flights, time.GetUtcNow(), Guid.NewGuid());
        var airportsEvent = S3Events.ObjectCreated(landed.Airports, time.GetUtcNow(), Guid.NewGuid());
        var flightsMatch = matcher.Match(flightsEvent).Count > 0;
        report.Events(rule, [(landed.Flights, flightsMatch), (landed.Airports, matcher.Match(airportsEvent).Count > 0)]);
        var machine = GlueWorkflows.CrawlThenRunJob(new CrawlThenRunJobOptions
        {
            CrawlerName = SampleNames.CrawlerName,
            JobName = SampleNames.JobName,
            TopicArn = SampleNames.SuccessTopicArn,
            JobArguments = new Dictionary<string, string> { ["--job-bookmark-option"] = "job-bookmark-enable" },
        });
        artifacts.AddRange(Artifacts.WriteStateMachine(layout, machine));
        if (!flightsMatch)
        {
            report.Ignored(landed.Flights);
            report.Artifacts(artifacts);
            return SampleApp.Success;
        }

        // The ledger: the same object (bucket, key, ETag) delivered again is a no-op.
        using var ledger = new JsonLinesProcessedFilesLedger(layout.Ledger);
        var previous = await ledger.FindAsync(landed.Flights.Bucket, landed.Flights.Key, landed.Flights.ETag, cancellationToken);
        if (previous is not null && !options.Reprocess)
        {
            var moved = await router.ArchiveAsync(landed.Flights.Bucket, landed.Flights.Key, cancellationToken);
            report.AlreadyProcessed(previous, moved);
            await using var existing = await SqliteWarehouse.OpenAsync(layout.Warehouse, cancellationToken);
            await report.AnalyticsAsync(existing, cancellationToken);
            return SampleApp.Success;
        }

        // The warehouse: tables (SQLite dialect) and airports_dim, loaded from dims/ (the seeds' initial setup).
        await using var warehouse = await SqliteWarehouse.OpenAsync(layout.Warehouse, cancellationToken);
        AirportsDimension airports;
        try
        {
            await using var airportsFile = await store.OpenReadAsync(landed.Airports.Bucket, landed.Airports.Key, cancellationToken);
            airports = AirportsDimension.LoadCsv(airportsFile);
        }
        catch (FlightDataException e)
        {
            throw new SampleInputException($"the airports file cannot be loaded: {e.Message}", e);
        }

        var airportRows = await warehouse.LoadAirportsAsync(airports, cancellationToken);

        // The audit: one run id; landing is the reference, the transform filters (at most landing), the loads follow.
        var runId = new RunIdGenerator(time).Next();
        var auditStore = new InMemoryAuditStore();
        var recorder = new AuditRecorder(auditStore, time);
        var plan = AuditPlan.CreateBuilder(SampleNames.PipelineName)
            .Layer(SampleNames.Layers.Landing)
            .Layer(SampleNames.Layers.Transformed, LayerExpectation.AtMost())
            .Layer(SampleNames.Layers.Staged, LayerExpectation.AtMost())
            .Layer(SampleNames.Layers.Final, LayerExpectation.AtMost())
            .Reference(SampleNames.Layers.Landing)
            .CompletionTimeout(TimeSpan.FromHours(1))
            .Build();
        var publisher = new FileNotificationPublisher(layout.NotificationsDirectory, TextWriter.Null);
        var reconciler = new AuditReconciler(
            plan, auditStore, publisher, new NotificationTopics(SampleNames.SuccessTopicArn, SampleNames.FailureTopicArn), time);
        await recorder.RecordAsync(runId, SampleNames.Layers.Landing, landingRows, landed.Flights.Uri, cancellationToken: cancellationToken);

        // 3. The state machine runs in-process; its tasks are the twins.
        progress.Restart();
        var crawler = new CrawlerTwin(store, landed.Flights);
        var job = new JobTwin(store, landed.Flights, warehouse, recorder, runId,
            p => progress.Report("transform", (double)p.BytesRead / Math.Max(1, landed.Flights.Size), p.RowsRead, "rows"));
        var notices = new NoticeTwin(reconciler, runId, landed.Flights.Uri, () => job.Error ?? crawler.Failure, () => job.FailedQuery);
        var runner = StateMachineRunner.FromDefinition(machine, new StateMachineRunnerOptions
        {
            StateMachineName = SampleNames.StateMachineName,
            ExecutionName = runId.Value,
            Region = SampleNames.Region,
            AccountId = SampleNames.Account,
            RandomSeed = 1,
            Handlers = new TaskHandlerRegistry()
                .ForState(States.StartCrawler, crawler.StartCrawler)
                .ForState(States.GetCrawler, crawler.GetCrawler)
                .ForState(States.RunJob, job.RunJob)
                .ForState(States.NotifySuccess, notices.NotifySuccess)
                .ForState(States.NotifyFailure, notices.NotifyFailure),
        });
        var execution = await runner.RunAsync(flightsEvent, cancellationToken);
        progress.Clear();

        // 5. One decision, one notice: if no notice task decided (the execution broke before one ran), decide now.
        var audit = notices.Result
            ?? await reconciler.ReportFailureAsync(runId, $"execution {execution.Status}: {execution.Error}: {execution.Cause}", null, landed.Flights.Uri, cancellationToken);
        var succeeded = execution.Succeeded && audit.Status == AuditStatus.Succeeded;

        // 6. The file moves on; only a processed file enters the ledger (a failed one is retried when it lands again).
        var route = succeeded
            ? await router.ArchiveAsync(landed.Flights.Bucket, landed.Flights.Key, cancellationToken)
            : await router.FailAsync(landed.Flights.Bucket, landed.Flights.Key, cancellationToken);
        if (succeeded)
        {
            await ledger.TryRecordAsync(
                new ProcessedFile(landed.Flights.Bucket, landed.Flights.Key, landed.Flights.ETag, time.GetUtcNow(), runId.Value), cancellationToken);
        }

        // 7. The deployment artifacts.
        var processedKey = SampleNames.ProcessedPrefix + Path.GetFileName(landed.Flights.Key);
        artifacts.AddRange(Artifacts.WriteRedshift(layout, processedKey, JobTwin.StagingSuffix(runId), uniqueFlightIds: HasFlightIds(crawler.Columns)));
        artifacts.Add(layout.Warehouse);
        artifacts.Add(layout.Ledger);

        // 8. The report.
        report.Execution(execution, runId, airportRows, crawler, job);
        report.Audit(audit, clock.Elapsed, landingRows);
        report.Routed(route, succeeded);
        report.Artifacts(artifacts);
        if (succeeded)
        {
            await report.AnalyticsAsync(warehouse, cancellationToken);
        }

        report.Notification(audit, publisher.Directory);
        report.Timing(clock.Elapsed, landingRows);
        if (!succeeded)
        {
            await stderr.WriteLineAsync(
                $"airline-sample: the pipeline failed: {audit.Decision?.Summary ?? execution.Cause}. The file moved to {route.DestinationKey}; the notice is in {layout.Relative(publisher.Directory)}/.");
            return SampleApp.PipelineFailed;
        }

        return SampleApp.Success;
    }

    private static bool HasFlightIds(IReadOnlyList<string> header) => CsvLine.IndexOf(header, FlightColumnNames.Default.FlightId) >= 0;
}
