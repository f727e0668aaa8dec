using System.Data.Common;

namespace Airline.Pipeline.Redshift.Tests.Support;

/// <summary>Runs the scenario against a real database through the package's own DDL, plans and executor.</summary>
public sealed class Warehouse(DbConnection connection, SqlDialect dialect)
{
    public DbConnection Connection { get; } = connection;

    public SqlDialect Dialect { get; } = dialect;

    public async Task ResetAsync(IReadOnlyList<Row> initial)
    {
        await ExecuteAsync($"DROP TABLE IF EXISTS {Dialect.QualifiedName(Scenario.Table.Name)}");
        await PlanExecutor.Default.ExecuteAsync(Connection, Dialect.CreateTable(Scenario.Table));
        if (initial.Count > 0)
        {
            var seed = UpsertPlan.For(Scenario.Table).Append().OnDuplicateKeys(DuplicateKeyPolicy.Allow).Build();
            await PlanExecutor.Default.ExecuteAsync(Connection, seed.Render(Dialect), initial.Select(r => (IReadOnlyList<object?>)r.Values));
        }
    }

    public Task<PlanExecutionResult> RunAsync(UpsertPlan plan, IEnumerable<Row> rows, PlanExecutorOptions? options = null) =>
        new PlanExecutor(options).ExecuteAsync(Connection, plan.Render(Dialect), rows.Select(r => (IReadOnlyList<object?>)r.Values).ToList());

    public async Task<List<Row>> ReadAsync()
    {
        var rows = new List<Row>();
        var command = Connection.CreateCommand();
        await using (command)
        {
            command.CommandText = $"SELECT \"Region\", \"order\", \"user\", \"amount\", \"loaded_at\" FROM {Dialect.QualifiedName(Scenario.Table.Name)}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new object?[5];
                for (var i = 0; i < 5; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(Row.Read(values));
            }
        }

        return Scenario.Sorted(rows);
    }

    public async Task<bool> TableExistsAsync(TableName staging)
    {
        var sql = Dialect.Kind == SqlDialectKind.Sqlite
            ? $"SELECT COUNT(*) FROM (SELECT name FROM sqlite_temp_master UNION ALL SELECT name FROM sqlite_master) WHERE name = {Dialect.StringLiteral(staging.Name)}"
            : $"SELECT COUNT(*) FROM pg_catalog.pg_class WHERE relname = {Dialect.StringLiteral(staging.Name)}";
        var command = Connection.CreateCommand();
        await using (command)
        {
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        var command = Connection.CreateCommand();
        await using (command)
        {
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
