using Airline.Pipeline.Redshift.Tests.Support;
using Airline.Pipeline.TestSupport;
using Npgsql;

namespace Airline.Pipeline.Redshift.Tests;

public sealed class PostgresUpsertTests(PostgresDatabaseFixture database) : UpsertBehaviourTests, IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private readonly List<NpgsqlConnection> _connections = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    protected override async Task<Warehouse> OpenAsync()
    {
        var connection = await database.OpenConnectionAsync();
        _connections.Add(connection);
        return new Warehouse(connection, SqlDialect.PostgreSql);
    }

    [Fact]
    public async Task Executor_OpensItsOwnConnection_FromADataSource()
    {
        var warehouse = await OpenAsync();
        await warehouse.ResetAsync(Scenario.Initial);

        var result = await PlanExecutor.Default.ExecuteAsync(
            database.DataSource, Scenario.Plan(UpsertStrategy.DeleteInsert).Build().Render(SqlDialect.PostgreSql), Scenario.Staged.Select(r => (IReadOnlyList<object?>)r.Values));

        result.RowsFor(StatementPurpose.Insert).Should().Be(Scenario.Staged.Count);
        (await warehouse.ReadAsync()).Should().Equal(Scenario.Expected(UpsertStrategy.DeleteInsert, Scenario.Initial, Scenario.Staged));
    }
}
