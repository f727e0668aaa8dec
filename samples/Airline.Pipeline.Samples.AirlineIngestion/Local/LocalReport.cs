using System.Globalization;
using Airline.Pipeline.Audit;
using Airline.Pipeline.Aws.Ledger;
using Airline.Pipeline.Aws.Storage;
using Airline.Pipeline.EventPatterns;
using Airline.Pipeline.Samples.AirlineIngestion.Terminal;
using Airline.Pipeline.StateMachines.Local;

namespace Airline.Pipeline.Samples.AirlineIngestion.Local;

/// <summary>The short report the sample prints, step by step.</summary>
internal sealed class LocalReport(TextWriter output, OutputLayout layout)
{
    public void Title(SampleOptions options)
    {
        output.WriteLine("Airline.Pipeline sample: the airline seed's pipeline on this machine (no AWS account needed)");
        output.WriteLine($"output folder: {layout.Root}{(options.OutputDirectoryGiven ? " (kept between runs)" : " (emptied at each run)")}");
        output.WriteLine();
    }

    public void Landed(LandedFiles landed, long rows)
    {
        output.WriteLine("1. landed in the local-folder bucket s3/" + SampleNames.Bucket + "/");
        output.WriteLine(Invariant($"   {landed.Flights.Key,-40} {rows,12:N0} rows  {landed.Flights.Size,14:N0} bytes  ({landed.FlightsSource})"));
        output.WriteLine(Invariant($"   {landed.Airports.Key,-40} {"",12}       {landed.Airports.Size,14:N0} bytes"));
        if (landed.InjectedRow is { } row)
        {
            output.WriteLine($"   --inject-unknown-airport appended: {row}");
        }
    }

    public void Events(EventPattern rule, IReadOnlyList<(ObjectInfo File, bool Matches)> events)
    {
        output.WriteLine($"2. EventBridge rule {SampleNames.RuleName}: {rule.ToJson()}");
        foreach (var (file, matches) in events)
        {
            output.WriteLine($"   Object Created {file.Key,-40} {(matches ? "matches: start the state machine" : "does not match: ignored")}");
        }
    }

    public void Ignored(ObjectInfo file) =>
        output.WriteLine($"   {file.Key} is not a .csv under {SampleNames.IncomingPrefix}: nothing runs (the file stays where it landed).");

    public void AlreadyProcessed(ProcessedFile previous, FileRouteResult moved)
    {
        output.WriteLine(Invariant(
            $"3. ledger: s3://{previous.Bucket}/{previous.Key} with ETag {previous.ETag} was processed by run {previous.RunId} at {previous.ProcessedAt:yyyy-MM-dd HH:mm:ss}Z"));
        output.WriteLine($"   re-delivery is a no-op: no state machine run, no warehouse change, no notification; the copy moved to {moved.DestinationKey}.");
        output.WriteLine("   (run with --reprocess to load it again: the replace-by-flight_date upsert leaves the same rows)");
    }

    public void Execution(ExecutionResult execution, RunId runId, long airportRows, CrawlerTwin crawler, JobTwin job)
    {
        var waited = execution.StopDate - execution.StartDate;
        output.WriteLine(Invariant($"3. state machine {SampleNames.StateMachineName}, execution {runId}: {execution.Status.ToString().ToUpperInvariant()}"));
        output.WriteLine($"   path: {string.Join(" > ", execution.StatesEntered)}");
        output.WriteLine(Invariant($"   virtual time: {waited.TotalSeconds:N0} s of Step Functions time (the crawler poll's Wait), no real waiting"));
        output.WriteLine(crawler.Failure is null
            ? $"   crawler: header matches the expected schema ({string.Join(", ", crawler.Columns)})"
            : $"   crawler: FAILED: {crawler.Failure}");
        output.WriteLine(Invariant($"4. warehouse warehouse.db (SQLite; SQL from the Redshift package's SQLite dialect): airports_dim {airportRows:N0} rows (MERGE on airport_id)"));
        if (job.Outcome is { } outcome)
        {
            var t = outcome.Transform;
            output.WriteLine(Invariant(
                $"   transform: {t.InputRows:N0} rows in = {t.KeptRows:N0} kept (DepDelay > 60, both airports joined) + {t.NotDelayedRows:N0} not delayed + {t.NoDelayValueRows:N0} without a delay + {t.RejectedRows:N0} rejected"));
            output.WriteLine(Invariant($"   enriched rows written to {outcome.Processed.Key}{(outcome.Rejects is { } r ? $", rejects to {r.Key}" : "")}; transform {outcome.TransformTime.TotalSeconds:N2} s ({t.InputRows / Math.Max(outcome.TransformTime.TotalSeconds, 0.001):N0} rows/s)"));
            output.WriteLine(Invariant(
                $"   daily_flights_fact: {outcome.Staged:N0} staged; replace by flight_date ({outcome.FlightDates:N0} date(s)): {outcome.Deleted:N0} deleted, {outcome.Inserted:N0} inserted; {outcome.Final:N0} rows on those dates; load {outcome.LoadTime.TotalSeconds:N2} s"));
        }
        else if (job.Error is { } error)
        {
            output.WriteLine($"   job FAILED: {error}{(job.FailedQuery is { } q ? $" (failed query: {q})" : "")}");
        }
    }

    public void Audit(ReconcileResult audit, TimeSpan elapsed, long landingRows)
    {
        output.WriteLine($"5. audit of run {audit.RunId}: {audit.Status.ToString().ToUpperInvariant()}");
        TextTable.Write(
            output,
            "   ",
            ["layer", "rows", "expected", "status"],
            audit.Report.Layers.Select(l => (IReadOnlyList<string>)
            [
                l.Layer,
                l.Count is { } c ? Invariant($"{c:N0}") : "-",
                l.Layer == audit.Report.Plan.ReferenceLayer ? "reference" : l.Expectation.Kind == ExpectationKind.AtMost ? Invariant($"<= {l.ExpectedCount:N0}") : Invariant($"{l.ExpectedCount:N0}"),
                l.Layer == audit.Report.Plan.ReferenceLayer && l.Count is not null ? "REFERENCE" : l.Status.ToString().ToUpperInvariant(),
            ]));
    }

    public void Routed(FileRouteResult route, bool succeeded) =>
        output.WriteLine($"6. file moved: {route.SourceKey} -> {route.DestinationKey}{(succeeded ? "; ledger: recorded (delivering it again is a no-op)" : "; ledger: not recorded (a corrected file is processed when it lands)")}");

    public void Artifacts(IEnumerable<string> paths) =>
        output.WriteLine("7. artifacts: " + string.Join(", ", paths.Select(layout.Relative)) + ", " + layout.Relative(layout.NotificationsDirectory) + "/");

    public async Task AnalyticsAsync(SqliteWarehouse warehouse, CancellationToken cancellationToken)
    {
        output.WriteLine("8. the seeds' analytics queries on the warehouse");
        output.WriteLine("   top delayed routes (average departure delay)");
        var routes = await warehouse.QueryAsync(SqliteWarehouse.TopDelayedRoutesSql, cancellationToken);
        TextTable.Write(output, "   ", ["dep_airport", "arr_airport", "avg_delay", "flights"], routes.Select(r => r.Values));
        output.WriteLine("   carriers with the most flights delayed over 30 minutes");
        var carriers = await warehouse.QueryAsync(SqliteWarehouse.CarriersWithMostDelaysSql, cancellationToken);
        TextTable.Write(output, "   ", ["carrier", "delayed_flights"], carriers.Select(r => r.Values));
    }

    public void Notification(ReconcileResult audit, string directory)
    {
        if (audit.Notification is not { } notification)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"notification {notification.Status.ToString().ToUpperInvariant()} ({layout.Relative(Path.Combine(directory, audit.MessageId ?? ""))}): {notification.Subject}");
        output.WriteLine(notification.ToJson(indented: true));
    }

    public void Timing(TimeSpan elapsed, long rows)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        output.WriteLine();
        output.WriteLine(Invariant($"done: {rows:N0} rows in {seconds:N2} s ({rows / seconds:N0} rows/s, end to end)"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
