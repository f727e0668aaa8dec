using Airline.Pipeline.Redshift.Tests.Support;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Redshift.Tests;

/// <summary>Two upserts of overlapping keys at once on PostgreSQL 15 (serializable): one hits a serialization
/// failure (40001), the executor retries it, and the end state is that of one of the two serial orders.</summary>
public sealed class ConcurrencyTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Theory]
    [InlineData(UpsertStrategy.DeleteInsert)]
    [InlineData(UpsertStrategy.Merge)]
    [InlineData(UpsertStrategy.ReplacePartition)]
    public async Task OverlappingUpserts_RetryOnSerializationFailure_AndEndInASerialOrder(UpsertStrategy strategy)
    {
        await using var setup = await database.OpenConnectionAsync();
        var warehouse = new Warehouse(setup, SqlDialect.PostgreSql);
        await warehouse.ResetAsync(Scenario.Initial);

        IReadOnlyList<Row> a = [new("EU", 1, "from-a", 1m, 10), new("EU", 2, "from-a", 2m, 10), new(null, 1, "from-a", 3m, 10)];
        IReadOnlyList<Row> b = [new("EU", 1, "from-b", 4m, 20), new(null, 1, "from-b", 5m, 20), new("AS", 3, "from-b", 6m, 20)];

        // Both transactions reach the apply step before either applies: a real overlap, on the first attempt only.
        var arrived = 0;
        var bothArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new PlanExecutorOptions
        {
            BaseDelay = TimeSpan.FromMilliseconds(20),
            BeforeStatement = async (statement, cancellationToken) =>
            {
                if (statement.Purpose is StatementPurpose.Delete or StatementPurpose.Merge && Interlocked.Increment(ref arrived) <= 2)
                {
                    if (Volatile.Read(ref arrived) == 2)
                    {
                        bothArrived.TrySetResult();
                    }

                    await bothArrived.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
                }
            },
        };

        async Task<PlanExecutionResult> RunAsync(IReadOnlyList<Row> rows)
        {
            await using var connection = await database.OpenConnectionAsync();
            var plan = Scenario.Plan(strategy).Build().Render(SqlDialect.PostgreSql);
            return await new PlanExecutor(options).ExecuteAsync(connection, plan, rows.Select(r => (IReadOnlyList<object?>)r.Values).ToList());
        }

        var results = await Task.WhenAll(RunAsync(a), RunAsync(b));

        results.Sum(r => r.Attempts).Should().BeGreaterThan(2, "the overlapping transactions cannot both commit as they are: one is retried");
        var aThenB = Scenario.Expected(strategy, Scenario.Expected(strategy, Scenario.Initial, a), b);
        var bThenA = Scenario.Expected(strategy, Scenario.Expected(strategy, Scenario.Initial, b), a);
        var actual = await warehouse.ReadAsync();
        (actual.SequenceEqual(aThenB) || actual.SequenceEqual(bThenA)).Should().BeTrue(
            $"the end state must equal a serial order.\nactual: {string.Join(", ", actual)}\na then b: {string.Join(", ", aThenB)}\nb then a: {string.Join(", ", bThenA)}");
    }

    [Fact]
    public void SerializationFailures_RecognisesPostgresAndRedshiftErrors()
    {
        SerializationFailures.IsSerializationFailure(new Npgsql.PostgresException("could not serialize access", "ERROR", "ERROR", "40001")).Should().BeTrue();
        SerializationFailures.IsSerializationFailure(new Npgsql.PostgresException("deadlock detected", "ERROR", "ERROR", "40P01")).Should().BeTrue();
        SerializationFailures.IsSerializationFailure(new Npgsql.PostgresException(
            "1023 DETAIL: Serializable isolation violation on table - 100480, transactions forming the cycle are: 1, 2", "ERROR", "ERROR", "XX000")).Should().BeTrue();
        SerializationFailures.IsSerializationFailure(new InvalidOperationException("x", new Npgsql.PostgresException("u", "ERROR", "ERROR", "40001"))).Should().BeTrue();
        SerializationFailures.IsSerializationFailure(new Npgsql.PostgresException("unique violation", "ERROR", "ERROR", "23505")).Should().BeFalse();
        SerializationFailures.IsSerializationFailure(new Microsoft.Data.Sqlite.SqliteException("database is locked", 5)).Should().BeTrue();
    }

    [Fact]
    public async Task NonRetryableFailure_IsNotRetried_AndRetryableOnesStopAtMaxAttempts()
    {
        await using var connection = await database.OpenConnectionAsync();
        var warehouse = new Warehouse(connection, SqlDialect.PostgreSql);
        await warehouse.ResetAsync(Scenario.Initial);
        var calls = 0;
        var options = new PlanExecutorOptions
        {
            MaxAttempts = 3,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            BeforeStatement = (statement, _) => statement.Purpose == StatementPurpose.Insert && ++calls > 0
                ? throw new Npgsql.PostgresException("could not serialize access", "ERROR", "ERROR", "40001")
                : ValueTask.CompletedTask,
        };

        var act = () => warehouse.RunAsync(Scenario.Plan(UpsertStrategy.DeleteInsert).Build(), Scenario.Staged, options);

        await act.Should().ThrowAsync<Npgsql.PostgresException>();
        calls.Should().Be(3);
        (await warehouse.ReadAsync()).Should().Equal(Scenario.Sorted(Scenario.Initial));
    }
}
