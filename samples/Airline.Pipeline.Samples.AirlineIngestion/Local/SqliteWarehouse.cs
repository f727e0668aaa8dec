using System.Globalization;
using Airline.Pipeline.Flights;
using Airline.Pipeline.Redshift;
using Microsoft.Data.Sqlite;

namespace Airline.Pipeline.Samples.AirlineIngestion.Local;

/// <summary>One row of an analytics query, for the report.</summary>
internal sealed record AnalyticsRow(IReadOnlyList<string> Values);

/// <summary>
/// The warehouse on this machine: one SQLite file standing in for Redshift. Every statement comes from the Redshift
/// package's SQLite dialect (the same plans render for Redshift: see <c>redshift/*.sql</c>) and runs through its
/// executor: one transaction per plan, staging dropped on failure.
/// </summary>
internal sealed class SqliteWarehouse : IAsyncDisposable
{
    /// <summary>The seeds' analytics query: the five routes with the highest average departure delay.</summary>
    public const string TopDelayedRoutesSql =
        "SELECT dep_airport, arr_airport, ROUND(AVG(dep_delay), 1) AS avg_delay, COUNT(*) AS flights " +
        "FROM daily_flights_fact GROUP BY dep_airport, arr_airport ORDER BY avg_delay DESC, dep_airport, arr_airport LIMIT 5";

    /// <summary>The seeds' analytics query: carriers by number of flights delayed over 30 minutes.</summary>
    public const string CarriersWithMostDelaysSql =
        "SELECT carrier, COUNT(*) AS delayed_flights FROM daily_flights_fact WHERE dep_delay > 30 " +
        "GROUP BY carrier ORDER BY delayed_flights DESC, carrier LIMIT 10";

    private static readonly SqlDialect Dialect = SqlDialect.Sqlite;
    private readonly SqliteConnection _connection;

    private SqliteWarehouse(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteWarehouse> OpenAsync(string path, CancellationToken cancellationToken)
    {
        // No pooling: the file is closed when the run ends, so the folder can be moved or deleted.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        var warehouse = new SqliteWarehouse(connection);
        foreach (var table in new[] { AirlineTables.AirportsDim, AirlineTables.DailyFlightsFact })
        {
            await PlanExecutor.Default.ExecuteAsync(connection, Dialect.CreateTable(table), cancellationToken: cancellationToken);
        }

        return warehouse;
    }

    /// <summary>Loads airports_dim by MERGE on airport_id (the seeds' initial load; running it again changes nothing).</summary>
    public async Task<long> LoadAirportsAsync(AirportsDimension airports, CancellationToken cancellationToken)
    {
        var plan = UpsertPlan.For(AirlineTables.AirportsDim).Merge().StagingSuffix("airports").Build().Render(Dialect);
        var rows = airports.Airports.Select(a => (IReadOnlyList<object?>)[a.Id, a.City, a.State, a.Name]);
        var result = await PlanExecutor.Default.ExecuteAsync(_connection, plan, rows, cancellationToken);
        return result.RowsLoaded;
    }

    /// <summary>Reads airports_dim back, as the Glue job reads the dimension from Redshift.</summary>
    public async Task<AirportsDimension> ReadAirportsAsync(CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT airport_id, city, state, name FROM airports_dim ORDER BY airport_id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var airports = new List<Airport>();
        while (await reader.ReadAsync(cancellationToken))
        {
            airports.Add(new Airport(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }

        return AirportsDimension.FromRecords(airports);
    }

    /// <summary>
    /// Stages the enriched rows and replaces every flight_date they hold in daily_flights_fact (the seeds' upsert:
    /// DELETE the day, INSERT the new rows), in one transaction. Loading the same rows again leaves the same table.
    /// </summary>
    /// <param name="rows">The enriched rows.</param>
    /// <param name="stagingSuffix">Makes the staging table's name unique to the run.</param>
    /// <param name="beforeStatement">Told each statement before it runs (the failure notice names the failed query).</param>
    /// <param name="cancellationToken">Stops the load (the transaction rolls back).</param>
    public async Task<PlanExecutionResult> UpsertFlightsAsync(
        IReadOnlyList<EnrichedFlight> rows, string stagingSuffix, Action<RenderedStatement> beforeStatement, CancellationToken cancellationToken)
    {
        var plan = DailyFlightsPlan(stagingSuffix, uniqueFlightIds: rows.All(r => r.FlightId is not null)).Render(Dialect);
        var executor = new PlanExecutor(new PlanExecutorOptions
        {
            // Small batches: Microsoft.Data.Sqlite binds each named parameter through sqlite3_bind_parameter_index, a
            // linear scan of the statement's parameters, so a batch costs (rows x columns)^2; 50 rows is ~20x faster than 2,000.
            BatchSize = 50,
            BeforeStatement = (statement, _) =>
            {
                beforeStatement(statement);
                return ValueTask.CompletedTask;
            },
        });
        var values = rows.Select(r => (IReadOnlyList<object?>)r.GetValues(EnrichedFlight.AllColumnNames));
        return await executor.ExecuteAsync(_connection, plan, values, cancellationToken);
    }

    /// <summary>
    /// The seeds' daily load: replace every flight_date present in the staged rows. With flight ids the staged rows
    /// must be unique per (flight_date, flight_id); files without ids (Microsoft's layout) allow repeats.
    /// </summary>
    public static UpsertPlan DailyFlightsPlan(string stagingSuffix, bool uniqueFlightIds)
    {
        var builder = UpsertPlan.For(AirlineTables.DailyFlightsFact).ReplacePartitions("flight_date").StagingSuffix(stagingSuffix);
        return (uniqueFlightIds ? builder.FailOnDuplicateKeys() : builder.OnDuplicateKeys(DuplicateKeyPolicy.Allow)).Build();
    }

    /// <summary>Rows of daily_flights_fact on the given flight dates: the final layer's count for a run.</summary>
    public async Task<long> CountFlightsOnDatesAsync(IEnumerable<string> flightDates, CancellationToken cancellationToken)
    {
        var dates = flightDates.Distinct(StringComparer.Ordinal).ToList();
        long total = 0;
        foreach (var chunk in dates.Chunk(500))
        {
            await using var command = _connection.CreateCommand();
            var names = chunk.Select((_, i) => "@d" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            command.CommandText = $"SELECT COUNT(*) FROM daily_flights_fact WHERE flight_date IN ({string.Join(", ", names)})";
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters.AddWithValue(names[i], chunk[i]);
            }

            total += Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return total;
    }

    /// <summary>Runs a report query; every value as invariant text.</summary>
    public async Task<List<AnalyticsRow>> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AnalyticsRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
            }

            rows.Add(new AnalyticsRow(values));
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
