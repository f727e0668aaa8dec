using System.Data.Common;
using System.Globalization;
using Airline.Pipeline.Redshift.Tests.Support;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Redshift.Tests;

/// <summary>The seeds' warehouse end to end on a real database: DDL, airports loaded by MERGE, the push-down
/// INSERT ... SELECT (double join + filter) and the README's replace-by-flight_date upsert.</summary>
public abstract class AirlineWarehouseTests
{
    private static readonly TableDefinition RawFlights = TableDefinition.Create("airlines", "raw_flights")
        .Column("Carrier", ColumnType.Varchar(10))
        .Column("OriginAirportID", ColumnType.BigInt)
        .Column("DestAirportID", ColumnType.BigInt)
        .Column("DepDelay", ColumnType.BigInt)
        .Column("ArrDelay", ColumnType.BigInt)
        .Column("FlightDate", ColumnType.Date)
        .Column("FlightID", ColumnType.Varchar(20))
        .Build();

    private static readonly TableDefinition AuditLog = TableDefinition.Create("airlines", "etl_audit_log")
        .Column("event", ColumnType.Varchar(100))
        .Column("logged_at", ColumnType.Timestamp)
        .Column("record_count", ColumnType.BigInt)
        .Build();

    private static readonly IReadOnlyList<object?>[] Airports =
    [
        [11433L, "Detroit", "MI", "Detroit Metro Wayne County"],
        [13303L, "Miami", "FL", "Miami International"],
        [10397L, "Atlanta", "GA", "Hartsfield-Jackson Atlanta International"],
        [14869L, "Salt Lake", "UT", "Salt Lake City International"],
        [14107L, "Phoenix", "AZ", "Phoenix Sky Harbor International"],
        [13487L, "Minneapolis", "MN", "Minneapolis-St Paul International"],
    ];

    private static readonly DateOnly Day = new(2023, 11, 15);

    private static readonly IReadOnlyList<object?>[] Flights =
    [
        ["DL", 11433L, 13303L, -3L, 1L, Day, "DL1234"],
        ["AA", 10397L, 14869L, 75L, 82L, Day, "AA5678"],
        ["UA", 14107L, 13487L, 62L, 58L, Day, "UA9012"],
    ];

    protected abstract Task<(DbConnection Connection, SqlDialect Dialect)> OpenAsync();

    protected virtual Task CreateMaterializedViewsAsync(DbConnection connection) => Task.CompletedTask;

    [Fact]
    public async Task SeedsPipeline_PushDownEnrichment_ThenReplaceByFlightDate_IsIdempotent()
    {
        var (connection, dialect) = await OpenAsync();
        foreach (var table in new[] { AirlineTables.AirportsDim, AirlineTables.DailyFlightsFact, RawFlights, AuditLog })
        {
            await PlanExecutor.Default.ExecuteAsync(connection, dialect.CreateTable(table));
        }

        await CreateMaterializedViewsAsync(connection);
        var airports = await PlanExecutor.Default.ExecuteAsync(connection, UpsertPlan.For(AirlineTables.AirportsDim).Merge().Build().Render(dialect), Airports);
        (airports.RowsFor(StatementPurpose.Merge) + airports.RowsFor(StatementPurpose.Insert)).Should().Be(Airports.Length);
        await PlanExecutor.Default.ExecuteAsync(connection, UpsertPlan.For(RawFlights).Append().Build().Render(dialect), Flights);

        // The Flights package's push-down form: two joins to airports_dim and the delay filter, rendered per dialect.
        var enrich = SelectQuery.From(RawFlights.Name, "f")
            .Join(AirlineTables.AirportsDim.Name, "dep", SqlExpression.Equal(SqlExpression.Column("f", "OriginAirportID"), SqlExpression.Column("dep", "airport_id")))
            .Join(AirlineTables.AirportsDim.Name, "arr", SqlExpression.Equal(SqlExpression.Column("f", "DestAirportID"), SqlExpression.Column("arr", "airport_id")))
            .Where(SqlExpression.GreaterThan(SqlExpression.Column("f", "DepDelay"), SqlExpression.Literal(60)))
            .Select(SqlExpression.Column("f", "Carrier"), "carrier")
            .Select(SqlExpression.Column("dep", "name"), "dep_airport")
            .Select(SqlExpression.Column("arr", "name"), "arr_airport")
            .Select(SqlExpression.Column("dep", "city"), "dep_city")
            .Select(SqlExpression.Column("arr", "city"), "arr_city")
            .Select(SqlExpression.Column("dep", "state"), "dep_state")
            .Select(SqlExpression.Column("arr", "state"), "arr_state")
            .Select(SqlExpression.Column("f", "DepDelay"), "dep_delay")
            .Select(SqlExpression.Column("f", "ArrDelay"), "arr_delay")
            .Select(SqlExpression.Column("f", "FlightDate"), "flight_date")
            .Select(SqlExpression.Column("f", "FlightID"), "flight_id");
        var pushed = await PlanExecutor.Default.ExecuteAsync(connection, dialect.InsertSelect(AirlineTables.DailyFlightsFact.Name, enrich));
        pushed.RowsFor(StatementPurpose.Insert).Should().Be(2);

        // The README's upsert: the same day again (with AA's numbers revised) replaces the day; twice is a no-op.
        IReadOnlyList<object?>[] revised =
        [
            ["AA", "Hartsfield-Jackson Atlanta International", "Salt Lake City International", "Atlanta", "Salt Lake", "GA", "UT", 80L, 85L, Day, "AA5678"],
            ["UA", "Phoenix Sky Harbor International", "Minneapolis-St Paul International", "Phoenix", "Minneapolis", "AZ", "MN", 62L, 58L, Day, "UA9012"],
        ];
        var plan = Readme.DailyFlightsPlan().Render(dialect);
        var first = await PlanExecutor.Default.ExecuteAsync(connection, plan, revised);
        first.RowsFor(StatementPurpose.Delete).Should().Be(2);
        first.RowsFor(StatementPurpose.Insert).Should().Be(2);
        var afterFirst = await ReadFactAsync(connection, dialect);
        await PlanExecutor.Default.ExecuteAsync(connection, Readme.DailyFlightsPlan().Render(dialect), revised);
        (await ReadFactAsync(connection, dialect)).Should().Equal(afterFirst);
        afterFirst.Should().Equal("AA|2023-11-15|80|85|Salt Lake", "UA|2023-11-15|62|58|Minneapolis");

        // Another day leaves 2023-11-15 alone.
        IReadOnlyList<object?>[] nextDay = [["DL", "a", "b", "c", "d", "e", "f", 61L, 0L, new DateOnly(2023, 11, 16), "DL1"]];
        await PlanExecutor.Default.ExecuteAsync(connection, Readme.DailyFlightsPlan().Render(dialect), nextDay);
        (await ReadFactAsync(connection, dialect)).Should().Equal("AA|2023-11-15|80|85|Salt Lake", "DL|2023-11-16|61|0|d", "UA|2023-11-15|62|58|Minneapolis");
        (await ScalarAsync(connection, $"SELECT COUNT(*) FROM {dialect.QualifiedName(AuditLog.Name)}")).Should().Be(3);
    }

    private static async Task<List<string>> ReadFactAsync(DbConnection connection, SqlDialect dialect)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"carrier\", \"flight_date\", \"dep_delay\", \"arr_delay\", \"arr_city\" FROM {dialect.QualifiedName(AirlineTables.DailyFlightsFact.Name)} ORDER BY \"carrier\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var date = reader.GetValue(1) switch
            {
                DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture),
            };
            rows.Add(string.Join('|', reader.GetString(0), date, reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4)));
        }

        return rows;
    }

    protected static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

public sealed class SqliteAirlineWarehouseTests : AirlineWarehouseTests, IDisposable
{
    private readonly Microsoft.Data.Sqlite.SqliteConnection _connection = SqliteDatabase.OpenInMemory();

    public void Dispose() => _connection.Dispose();

    protected override Task<(DbConnection Connection, SqlDialect Dialect)> OpenAsync() =>
        Task.FromResult<(DbConnection, SqlDialect)>((_connection, SqlDialect.Sqlite));
}

public sealed class PostgresAirlineWarehouseTests(PostgresDatabaseFixture database)
    : AirlineWarehouseTests, IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private Npgsql.NpgsqlConnection? _connection;

    public async Task InitializeAsync() => _connection = await database.OpenConnectionAsync();

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    protected override Task<(DbConnection Connection, SqlDialect Dialect)> OpenAsync() =>
        Task.FromResult<(DbConnection, SqlDialect)>((_connection!, SqlDialect.PostgreSql));

    protected override async Task CreateMaterializedViewsAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            "CREATE MATERIALIZED VIEW airlines.mv_delayed_flights AS SELECT carrier, COUNT(*) AS n FROM airlines.daily_flights_fact WHERE dep_delay > 60 GROUP BY carrier; " +
            "CREATE MATERIALIZED VIEW airlines.mv_delays_by_route AS SELECT dep_airport, arr_airport, AVG(arr_delay) AS avg_delay FROM airlines.daily_flights_fact GROUP BY 1, 2";
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Copy_LoadsStagingFromAServerFile_ThenMerges()
    {
        var folder = Directory.CreateTempSubdirectory("airline-copy-");
        try
        {
            // The server runs as another OS user: it must be able to read the file.
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("The PostgreSQL test cluster runs on Linux.");
            }

            File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            var csv = Path.Combine(folder.FullName, "airports.csv");
            await File.WriteAllTextAsync(csv, "airport_id,city,state,name\n11433,Detroit,MI,Detroit Metro Wayne County\n13303,Miami,FL,\"Miami \"\"International\"\"\"\n13303,Miami,FL,dup\n");
            File.SetUnixFileMode(csv, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var dialect = SqlDialect.PostgreSqlCopyFromServerFiles(source => csv);
            await PlanExecutor.Default.ExecuteAsync(_connection!, dialect.CreateTable(AirlineTables.AirportsDim));
            var options = new CopyOptions { IamRoles = ["arn:aws:iam::123456789012:role/RedshiftLoadRole"], IgnoreHeader = 1, Delimiter = ',' };
            var failing = UpsertPlan.For(AirlineTables.AirportsDim).Merge().LoadWithCopy(S3Source.Prefix("s3://airlines-dataset-gds/airports.csv"), options).Build();

            var duplicate = () => PlanExecutor.Default.ExecuteAsync(_connection!, failing.Render(dialect));

            (await duplicate.Should().ThrowAsync<DuplicateStagingKeysException>()).Which.Message.Should().Contain("(13303) x2");
            var plan = UpsertPlan.For(AirlineTables.AirportsDim).Merge().LoadWithCopy(S3Source.Prefix("s3://airlines-dataset-gds/airports.csv"), options)
                .OnDuplicateKeys(DuplicateKeyPolicy.KeepLatestBy("name")).Build();
            var result = await PlanExecutor.Default.ExecuteAsync(_connection!, plan.Render(dialect));
            result.RowsLoaded.Should().Be(3);
            (await ScalarAsync(_connection!, "SELECT COUNT(*) FROM airlines.airports_dim WHERE name = 'dup'")).Should().Be(1, "'dup' sorts after 'Miami \"International\"', so it is the latest by name");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
