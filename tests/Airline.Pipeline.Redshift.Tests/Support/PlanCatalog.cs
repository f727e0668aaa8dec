namespace Airline.Pipeline.Redshift.Tests.Support;

/// <summary>Every plan shape the tests build: strategies x duplicate policies x staging kinds x options.</summary>
public static class PlanCatalog
{
    public static IEnumerable<(string Name, UpsertPlan Plan)> All()
    {
        foreach (var strategy in Enum.GetValues<UpsertStrategy>())
        {
            yield return ($"{strategy}", Scenario.Plan(strategy).StagingSuffix("t1").Build());
            yield return ($"{strategy}-latest", Scenario.Plan(strategy).KeepLatestBy("loaded_at").StagingSuffix("t2").Build());
            yield return ($"{strategy}-permanent-lock", Scenario.Plan(strategy).StageInPermanentTable().LockTarget().StagingSuffix("t3").Build());
            yield return ($"{strategy}-glue", Scenario.Plan(strategy).ForGlue().KeepLatestBy("loaded_at").StagingSuffix("t4").Build());
            yield return ($"{strategy}-post", Scenario.Plan(strategy)
                .Analyze()
                .RefreshMaterializedView(new TableName("Sales", "mv_select"))
                .Grant(Grantee.User("analyst"), "select")
                .Grant(Grantee.Group("analytics_team"), "SELECT", "INSERT")
                .Grant(Grantee.Public, "SELECT")
                .AuditRow(new TableName("Sales", "etl_audit_log"), ("event", AuditValue.Of("glue_job_success")), ("rows", AuditValue.StagedRowCount), ("at", AuditValue.CurrentTimestamp))
                .StagingSuffix("t5").Build());
            yield return ($"{strategy}-copy", Scenario.Plan(strategy)
                .LoadWithCopy(S3Source.Prefix("s3://bucket/sales/"), new CopyOptions { IamRoles = ["arn:aws:iam::123456789012:role/Load"], IgnoreHeader = 1 })
                .StagingSuffix("t6").Build());
        }

        yield return ("Merge-remove-duplicates", UpsertPlan.For(Scenario.Table).Merge(removeDuplicates: true).StagingSuffix("t7").Build());
        yield return ("Merge-role-grant", UpsertPlan.For(Scenario.Table).Merge().Grant(Grantee.Role("reader"), "SELECT").StagingSuffix("t8").Build());
        yield return ("Flights-replace", Readme.DailyFlightsPlan());
        yield return ("Airports-merge", UpsertPlan.For(AirlineTables.AirportsDim).Merge().StagingSuffix("t9").Build());
    }
}
