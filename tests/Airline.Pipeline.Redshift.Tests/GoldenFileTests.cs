using Airline.Pipeline.Redshift.Tests.Support;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Redshift.Tests;

/// <summary>
/// Redshift-only syntax (COPY options, ENCODE/DISTSTYLE/DISTKEY/SORTKEY, MERGE ... REMOVE DUPLICATES, GRANT ... TO ROLE)
/// that PostgreSQL's parser cannot check, pinned to files written from AWS's Redshift SQL reference (COPY parameter
/// list, CREATE TABLE, MERGE, GRANT). Set AIRLINE_UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
/// </summary>
public sealed class GoldenFileTests
{
    private const string Role = "arn:aws:iam::123456789012:role/RedshiftLoadRole";

    public static TheoryData<string> Cases => new(Renderings().Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rendering_MatchesItsGoldenFile(string name)
    {
        var actual = Renderings()[name]().ReplaceLineEndings("\n");
        actual = actual.EndsWith('\n') ? actual : actual + "\n";
        var path = Path.Combine(RepositoryPaths.Root, "tests", "Airline.Pipeline.Redshift.Tests", "Golden", name);
        if (Environment.GetEnvironmentVariable("AIRLINE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        File.Exists(path).Should().BeTrue($"golden file {path} should exist (run once with AIRLINE_UPDATE_GOLDEN=1 and review it)");
        actual.Should().Be(File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    private static Dictionary<string, Func<string>> Renderings() => new()
    {
        ["airports_dim.create.redshift.sql"] = () => SqlDialect.Redshift.CreateTable(AirlineTables.AirportsDim).ToScript(),
        ["daily_flights_fact.create.redshift.sql"] = () => SqlDialect.Redshift.CreateTable(AirlineTables.DailyFlightsFact).ToScript(),
        ["daily_flights_fact.create.postgresql.sql"] = () => SqlDialect.PostgreSql.CreateTable(AirlineTables.DailyFlightsFact).ToScript(),
        ["daily_flights_fact.create.sqlite.sql"] = () => SqlDialect.Sqlite.CreateTable(AirlineTables.DailyFlightsFact).ToScript(),
        ["encoded_interleaved.create.redshift.sql"] = () => SqlDialect.Redshift.CreateTable(
            TableDefinition.Create("Sales", "select")
                .Column("order", ColumnType.BigInt, nullable: false, ColumnEncoding.Az64)
                .Column("note", ColumnType.Varchar(256), encoding: ColumnEncoding.Zstd)
                .Column("code", ColumnType.Char(3), encoding: ColumnEncoding.ByteDict)
                .Column("price", ColumnType.Decimal(12, 2), encoding: ColumnEncoding.Delta32K)
                .Column("at", ColumnType.TimestampTz, encoding: ColumnEncoding.Raw)
                .Distribution(DistributionStyle.Even)
                .SortKey(SortKeyStyle.Interleaved, "order", "at")
                .Build()).ToScript(),
        ["airports.copy.redshift.sql"] = () => SqlDialect.Redshift.Copy(CopyCommand.Create(
            AirlineTables.AirportsDim.Name,
            S3Source.Prefix("s3://airlines-dataset-gds/airports.csv"),
            new CopyOptions { IamRoles = [Role], Delimiter = ',', IgnoreHeader = 1 })).Sql,
        ["csv_all_options.copy.redshift.sql"] = () => SqlDialect.Redshift.Copy(CopyCommand.Create(
            new TableName("airlines", "daily_flights_fact"),
            S3Source.Prefix("s3://airline-data-raw/daily_flights/flights_20231115.csv.gz"),
            new CopyOptions
            {
                IamRoles = [Role],
                Region = "us-west-2",
                Delimiter = '|',
                Quote = '\'',
                IgnoreHeader = 1,
                NullAs = "\\N",
                Compression = CopyCompression.Gzip,
                DateFormat = "YYYY-MM-DD",
                TimeFormat = "auto",
                AcceptInvalidChars = '?',
                BlanksAsNull = true,
                EmptyAsNull = true,
                TruncateColumns = true,
                MaxError = 10,
                CompUpdate = false,
                StatUpdate = true,
            },
            ["carrier", "dep_airport", "flight_date"])).Sql,
        ["json_manifest_role_chain.copy.redshift.sql"] = () => SqlDialect.Redshift.Copy(CopyCommand.Create(
            new TableName("airlines", "events"),
            S3Source.Manifest("s3://bucket/loads/run-1.manifest"),
            new CopyOptions
            {
                IamRoles = ["arn:aws:iam::123456789012:role/ClusterRole", "arn:aws:iam::210987654321:role/DataOwnerRole"],
                Format = CopyFormat.Json,
                JsonIgnoreCase = true,
                Compression = CopyCompression.Zstd,
                TimeFormat = "epochsecs",
            })).Sql,
        ["jsonpaths.copy.redshift.sql"] = () => SqlDialect.Redshift.Copy(CopyCommand.Create(
            new TableName(null, "events"),
            S3Source.Prefix("s3://bucket/events/"),
            new CopyOptions { UseDefaultIamRole = true, Format = CopyFormat.Json, JsonPaths = "s3://bucket/jsonpaths.json", Compression = CopyCompression.Bzip2 })).Sql,
        ["parquet_default_role.copy.redshift.sql"] = () => SqlDialect.Redshift.Copy(CopyCommand.Create(
            new TableName("airlines", "daily_flights_fact"),
            S3Source.Prefix("s3://bucket/enriched/flight_date=2023-11-15/"),
            new CopyOptions { UseDefaultIamRole = true, Format = CopyFormat.Parquet })).Sql,
        ["csv.copy.postgresql.sql"] = () => SqlDialect.PostgreSql.Copy(CopyCommand.Create(
            AirlineTables.AirportsDim.Name,
            S3Source.Prefix("s3://airlines-dataset-gds/airports.csv"),
            new CopyOptions { IamRoles = [Role], Delimiter = ',', IgnoreHeader = 1, NullAs = "" })).Sql,
        ["merge_remove_duplicates.plan.redshift.sql"] = () => UpsertPlan.For(AirlineTables.AirportsDim).Merge(removeDuplicates: true)
            .StagingSuffix("r1").Build().Render(SqlDialect.Redshift).ToScript(),
        ["merge_grant_role.plan.redshift.sql"] = () => UpsertPlan.For(AirlineTables.AirportsDim).Merge().Grant(Grantee.Role("analytics"), "SELECT")
            .StagingSuffix("r2").Build().Render(SqlDialect.Redshift).ToScript(),
        ["daily_flights_replace.plan.redshift.sql"] = () => Readme.DailyFlightsPlan().Render(SqlDialect.Redshift).ToScript(),
        ["daily_flights_replace.plan.postgresql.sql"] = () => Readme.DailyFlightsPlan().Render(SqlDialect.PostgreSql).ToScript(),
        ["daily_flights_replace.plan.sqlite.sql"] = () => Readme.DailyFlightsPlan().Render(SqlDialect.Sqlite).ToScript(),
        ["daily_flights_replace.glue.txt"] = () =>
        {
            var glue = Readme.DailyFlightsGluePlan().Render(SqlDialect.Redshift).ToGlueActions();
            return $"dbtable: {glue.DbTable}\npreactions: {glue.PreActions}\npostactions: {glue.PostActions}\n";
        },
        ["scenario_keep_latest_copy.plan.redshift.sql"] = () => Scenario.Plan(UpsertStrategy.Merge)
            .KeepLatestBy("loaded_at")
            .LoadWithCopy(S3Source.Prefix("s3://bucket/sales/"), new CopyOptions { IamRoles = [Role], IgnoreHeader = 1 })
            .LockTarget()
            .StagingSuffix("k1").Build().Render(SqlDialect.RedshiftCaseSensitive).ToScript(),
    };
}
