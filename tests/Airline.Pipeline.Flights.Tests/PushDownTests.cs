using System.Data.Common;
using System.Globalization;
using Airline.Pipeline.Flights;
using Airline.Pipeline.Redshift;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Flights.Tests;

/// <summary>The push-down INSERT ... SELECT keeps the same rows as the in-process transform, on PostgreSQL and SQLite.</summary>
public sealed class PushDownTests : IClassFixture<PostgresDatabaseFixture>
{
    private readonly PostgresDatabaseFixture _postgres;

    public PushDownTests(PostgresDatabaseFixture postgres) => _postgres = postgres;

    public static TheoryData<UnknownAirportPolicy> Policies => new() { UnknownAirportPolicy.Reject, UnknownAirportPolicy.KeepWithNulls };

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Sqlite_push_down_gives_the_in_process_rows(UnknownAirportPolicy policy)
    {
        await using var connection = SqliteDatabase.OpenInMemory();
        await CheckSameRowsAsync(connection, SqlDialect.Sqlite, policy);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task Postgres_push_down_gives_the_in_process_rows(UnknownAirportPolicy policy)
    {
        await using var connection = await _postgres.OpenConnectionAsync();
        await ExecAsync(connection, "DROP SCHEMA IF EXISTS airlines CASCADE");
        await ExecAsync(connection, "CREATE SCHEMA airlines");
        await CheckSameRowsAsync(connection, SqlDialect.PostgreSql, policy);
    }

    [Fact]
    public void Redshift_rendering_qualifies_and_quotes_per_dialect()
    {
        var redshift = FlightPushDown.InsertSelect(SqlDialect.Redshift).ToScript();
        var sqlite = FlightPushDown.InsertSelect(SqlDialect.Sqlite).ToScript();

        redshift.Should().Contain("INSERT INTO").And.Contain("airlines").And.Contain("daily_flights_fact")
            .And.Contain("INNER JOIN").And.Contain("> 60");
        sqlite.Should().Contain("daily_flights_fact").And.Contain("> 60");
        FlightPushDown.InsertSelect(SqlDialect.Redshift, new FlightPushDownOptions { UnknownAirport = UnknownAirportPolicy.KeepWithNulls })
            .ToScript().Should().Contain("LEFT JOIN");
    }

    private static async Task CheckSameRowsAsync(DbConnection connection, SqlDialect dialect, UnknownAirportPolicy policy)
    {
        var generator = new FlightDataGenerator(seed: 3);
        using var file = new MemoryStream();
        generator.WriteFlights(file, 3_000);
        var airports = AirportsDimension.FromRecords(generator.Airports.Where(a => a.Id % 7 != 0)); // some unknown
        file.Position = 0;
        var expected = await new FlightEnricher(airports, new FlightEnrichmentOptions { UnknownAirport = policy }).EnrichToMemoryAsync(file);

        var schema = dialect.Kind == SqlDialectKind.Sqlite ? "" : "airlines.";
        await ExecAsync(connection, $"CREATE TABLE {schema}raw_flights (carrier VARCHAR(10), originairportid BIGINT, destairportid BIGINT, depdelay BIGINT, arrdelay BIGINT, cancelled INTEGER, flightdate VARCHAR(10))");
        await ExecAsync(connection, $"CREATE TABLE {schema}airports_dim (airport_id BIGINT, city VARCHAR(100), state VARCHAR(100), name VARCHAR(200))");
        await ExecAsync(connection, $"CREATE TABLE {schema}daily_flights_fact (carrier VARCHAR(10), dep_airport VARCHAR(200), arr_airport VARCHAR(200), dep_city VARCHAR(100), arr_city VARCHAR(100), dep_state VARCHAR(100), arr_state VARCHAR(100), dep_delay BIGINT, arr_delay BIGINT, flight_date VARCHAR(10))");
        foreach (var a in airports.Airports)
        {
            await ExecAsync(connection, $"INSERT INTO {schema}airports_dim VALUES (@p0, @p1, @p2, @p3)", a.Id, a.City, a.State, a.Name);
        }

        file.Position = 0;
        using (var reader = new StreamReader(file, leaveOpen: true))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await reader.ReadLineAsync();
            while (await reader.ReadLineAsync() is { } line)
            {
                var f = SplitCsv(line);
                await ExecAsync(connection, $"INSERT INTO {schema}raw_flights VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)", transaction,
                    f[4], long.Parse(f[5], CultureInfo.InvariantCulture), long.Parse(f[9], CultureInfo.InvariantCulture), Num(f[14]), Num(f[17]), int.Parse(f[19], CultureInfo.InvariantCulture),
                    $"{f[0]}-{int.Parse(f[1], CultureInfo.InvariantCulture):00}-{int.Parse(f[2], CultureInfo.InvariantCulture):00}");
            }

            await transaction.CommitAsync();
        }

        var options = new FlightPushDownOptions
        {
            UnknownAirport = policy,
            CancelledColumn = "cancelled",
            FlightIdColumn = null,
            RawFlights = dialect.Kind == SqlDialectKind.Sqlite ? TableName.Unqualified("raw_flights") : new TableName("airlines", "raw_flights"),
            AirportsDim = dialect.Kind == SqlDialectKind.Sqlite ? TableName.Unqualified("airports_dim") : new TableName("airlines", "airports_dim"),
            Target = dialect.Kind == SqlDialectKind.Sqlite ? TableName.Unqualified("daily_flights_fact") : new TableName("airlines", "daily_flights_fact"),
        };
        var result = await PlanExecutor.Default.ExecuteAsync(connection, FlightPushDown.InsertSelect(dialect, options));
        result.Statements.Sum(s => s.RowsAffected).Should().Be(expected.Rows.Count);

        var actual = new List<EnrichedFlight>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT carrier, dep_airport, arr_airport, dep_city, arr_city, dep_state, arr_state, dep_delay, arr_delay, flight_date FROM {schema}daily_flights_fact";
            await using var rows = await command.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                string? S(int i) => rows.IsDBNull(i) ? null : rows.GetString(i);
                actual.Add(new EnrichedFlight
                {
                    Carrier = rows.GetString(0),
                    DepAirport = S(1),
                    ArrAirport = S(2),
                    DepCity = S(3),
                    ArrCity = S(4),
                    DepState = S(5),
                    ArrState = S(6),
                    DepDelay = rows.GetInt64(7),
                    ArrDelay = rows.IsDBNull(8) ? null : rows.GetInt64(8),
                    FlightDate = S(9),
                });
            }
        }

        expected.Rows.Should().NotBeEmpty();
        if (policy == UnknownAirportPolicy.KeepWithNulls)
        {
            expected.Rows.Should().Contain(r => r.DepAirport == null || r.ArrAirport == null);
        }

        actual.Should().BeEquivalentTo(expected.Rows);
        var unknown = FlightPushDown.UnknownAirports(dialect, options);
        await using var check = connection.CreateCommand();
        check.CommandText = $"SELECT COUNT(*) FROM ({unknown}) AS u";
        Convert.ToInt64(await check.ExecuteScalarAsync(), CultureInfo.InvariantCulture)
            .Should().Be(policy == UnknownAirportPolicy.Reject ? expected.Result.UnknownAirportRows : expected.Result.KeptWithUnknownAirportRows);
    }

    private static object Num(string text) => text.Length == 0 ? DBNull.Value : long.Parse(text, CultureInfo.InvariantCulture);

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { current.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { fields.Add(current.ToString()); current.Clear(); }
            else { current.Append(c); }
        }

        fields.Add(current.ToString());
        return fields;
    }

    private static Task ExecAsync(DbConnection connection, string sql, params object?[] values) => ExecAsync(connection, sql, null, values);

    private static async Task ExecAsync(DbConnection connection, string sql, DbTransaction? transaction, params object?[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }
}
