namespace Airline.Pipeline.Redshift.Tests.Support;

/// <summary>The README's example, compiled and run by the tests so it cannot rot.</summary>
public static class Readme
{
    public static UpsertPlan DailyFlightsPlan() =>
        // The seeds' load: replace every flight_date present in the new rows, keep the latest row per
        // (flight_date, flight_id), refresh the views, analyze, and log an audit row: one transaction.
        UpsertPlan.For(AirlineTables.DailyFlightsFact)
            .ReplacePartitions("flight_date")
            .FailOnDuplicateKeys()
            .RefreshMaterializedView(new TableName("airlines", "mv_delayed_flights"))
            .RefreshMaterializedView(new TableName("airlines", "mv_delays_by_route"))
            .Analyze()
            .AuditRow(
                new TableName("airlines", "etl_audit_log"),
                ("event", AuditValue.Of("glue_job_success")),
                ("logged_at", AuditValue.CurrentTimestamp),
                ("record_count", AuditValue.StagedRowCount))
            .StagingSuffix("run20231115")
            .Build();

    public static UpsertPlan DailyFlightsGluePlan() =>
        UpsertPlan.For(AirlineTables.DailyFlightsFact)
            .ReplacePartitions("flight_date")
            .ForGlue()
            .RefreshMaterializedView(new TableName("airlines", "mv_delayed_flights"))
            .Analyze()
            .StagingSuffix("run20231115")
            .Build();
}
