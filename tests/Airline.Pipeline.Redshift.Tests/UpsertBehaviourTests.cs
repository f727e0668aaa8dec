using Airline.Pipeline.Redshift.Tests.Support;

namespace Airline.Pipeline.Redshift.Tests;

/// <summary>Every strategy, run for real on a database; the subclasses pick PostgreSQL 15 or SQLite.</summary>
public abstract class UpsertBehaviourTests
{
    public static TheoryData<UpsertStrategy> Strategies => new(Enum.GetValues<UpsertStrategy>());

    protected abstract Task<Warehouse> OpenAsync();

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task Strategy_AppliesStagedRows_WithNullSafeCompositeKeys_AndIsIdempotent(UpsertStrategy strategy)
    {
        var warehouse = await OpenAsync();
        await warehouse.ResetAsync(Scenario.Initial);

        var first = await warehouse.RunAsync(Scenario.Plan(strategy).Build(), Scenario.Staged);

        var expected = Scenario.Expected(strategy, Scenario.Initial, Scenario.Staged);
        (await warehouse.ReadAsync()).Should().Equal(expected);
        first.RowsLoaded.Should().Be(Scenario.Staged.Count);
        first.Attempts.Should().Be(1);

        await warehouse.RunAsync(Scenario.Plan(strategy).Build(), Scenario.Staged);
        var again = strategy == UpsertStrategy.Append ? Scenario.Expected(strategy, expected, Scenario.Staged) : expected;
        (await warehouse.ReadAsync()).Should().Equal(again, strategy == UpsertStrategy.Append ? "append adds the rows again" : "re-running the same load changes nothing");
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task KeepLatest_KeepsTheGreatestOrderingValuePerKey_NullsLosing(UpsertStrategy strategy)
    {
        var warehouse = await OpenAsync();
        await warehouse.ResetAsync(Scenario.Initial);

        var plan = Scenario.Plan(strategy).KeepLatestBy("loaded_at").Build();
        await warehouse.RunAsync(plan, Scenario.StagedWithDuplicates);

        var latest = Scenario.KeepLatest(Scenario.StagedWithDuplicates);
        latest.Should().Contain(new Row("EU", 1, "ann3", 12m, 3)).And.Contain(new Row(null, 1, "nul2", 31m, 2));
        (await warehouse.ReadAsync()).Should().Equal(Scenario.Expected(strategy, Scenario.Initial, latest));
        (await warehouse.TableExistsAsync(plan.LoadTable)).Should().BeFalse();
        (await warehouse.TableExistsAsync(plan.ApplyTable)).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task FailPolicy_ListsTheDuplicateKeys_AndLeavesTheTargetUnchanged(UpsertStrategy strategy)
    {
        var warehouse = await OpenAsync();
        await warehouse.ResetAsync(Scenario.Initial);
        var plan = Scenario.Plan(strategy).Build();
        plan.DuplicatePolicy.Action.Should().Be(DuplicateKeyAction.Fail, "failing is the default when there is a key");

        var act = () => warehouse.RunAsync(plan, Scenario.StagedWithDuplicates);

        var error = (await act.Should().ThrowAsync<DuplicateStagingKeysException>()).Which;
        error.KeyColumns.Should().Equal("Region", "order");
        error.Keys.Select(k => (k[0] as string, Convert.ToInt32(k[1], System.Globalization.CultureInfo.InvariantCulture)))
            .Should().BeEquivalentTo(new (string?, int)[] { ("EU", 1), (null, 1) });
        error.Counts.Should().BeEquivalentTo(new long[] { 2, 3 });
        error.Message.Should().Contain("(EU, 1) x2").And.Contain("(NULL, 1) x3");
        (await warehouse.ReadAsync()).Should().Equal(Scenario.Sorted(Scenario.Initial));
        (await warehouse.TableExistsAsync(plan.LoadTable)).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task EmptyStaging_ChangesNothing(UpsertStrategy strategy)
    {
        var warehouse = await OpenAsync();
        await warehouse.ResetAsync(Scenario.Initial);

        var result = await warehouse.RunAsync(Scenario.Plan(strategy).KeepLatestBy("loaded_at").Build(), []);

        result.RowsLoaded.Should().Be(0);
        (await warehouse.ReadAsync()).Should().Equal(Scenario.Sorted(Scenario.Initial));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task FailureInjectedBetweenStatements_RollsBack_AndDropsStaging(UpsertStrategy strategy)
    {
        var warehouse = await OpenAsync();
        await warehouse.ResetAsync(Scenario.Initial);
        var plan = Scenario.Plan(strategy).Build();
        var ran = new List<StatementPurpose>();
        var options = new PlanExecutorOptions
        {
            // Fail after the target has been changed, just before staging is dropped and the transaction commits.
            BeforeStatement = (statement, _) =>
            {
                ran.Add(statement.Purpose);
                return statement.Purpose == StatementPurpose.DropStaging
                    ? throw new InvalidOperationException("injected failure")
                    : ValueTask.CompletedTask;
            },
        };

        var act = () => warehouse.RunAsync(plan, Scenario.Staged, options);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("injected failure");
        ran.Should().Contain(p => p == StatementPurpose.Insert || p == StatementPurpose.Merge);
        (await warehouse.ReadAsync()).Should().Equal(Scenario.Sorted(Scenario.Initial));
        (await warehouse.TableExistsAsync(plan.LoadTable)).Should().BeFalse();
    }

    [Fact]
    public async Task PermanentStaging_IsDroppedAfterAFailure_Too()
    {
        var warehouse = await OpenAsync();
        await warehouse.ResetAsync(Scenario.Initial);
        var plan = Scenario.Plan(UpsertStrategy.DeleteInsert).StageInPermanentTable().KeepLatestBy("loaded_at").Build();
        plan.LoadTable.Schema.Should().Be("Sales");
        var options = new PlanExecutorOptions
        {
            BeforeStatement = (statement, _) => statement.Purpose == StatementPurpose.Delete
                ? throw new InvalidOperationException("injected failure")
                : ValueTask.CompletedTask,
        };

        var act = () => warehouse.RunAsync(plan, Scenario.StagedWithDuplicates, options);

        await act.Should().ThrowAsync<InvalidOperationException>();
        (await warehouse.ReadAsync()).Should().Equal(Scenario.Sorted(Scenario.Initial));
        (await warehouse.TableExistsAsync(plan.LoadTable)).Should().BeFalse();
        (await warehouse.TableExistsAsync(plan.ApplyTable)).Should().BeFalse();

        await warehouse.RunAsync(plan, Scenario.StagedWithDuplicates);
        (await warehouse.ReadAsync()).Should().Equal(
            Scenario.Expected(UpsertStrategy.DeleteInsert, Scenario.Initial, Scenario.KeepLatest(Scenario.StagedWithDuplicates)));
    }

    [Fact]
    public async Task MergeRemoveDuplicates_ReplacesEveryTargetDuplicateOfAMatchedKey()
    {
        var warehouse = await OpenAsync();
        var duplicated = Scenario.Initial.Append(new Row("EU", 1, "ann-dup", 99m, 1)).ToList();
        await warehouse.ResetAsync(duplicated);

        await warehouse.RunAsync(UpsertPlan.For(Scenario.Table).Merge(removeDuplicates: true).Build(), Scenario.Staged);

        (await warehouse.ReadAsync()).Should().Equal(Scenario.Expected(UpsertStrategy.DeleteInsert, duplicated, Scenario.Staged));
    }

    [Fact]
    public async Task AuditRow_RecordsTheStagedCount_AndAnEscapedLiteral_InTheSameTransaction()
    {
        var warehouse = await OpenAsync();
        await warehouse.ResetAsync(Scenario.Initial);
        var audit = TableDefinition.Create("Sales", "etl_audit_log")
            .Column("event", ColumnType.Varchar(200))
            .Column("rows", ColumnType.BigInt)
            .Column("at", ColumnType.Timestamp)
            .Build();
        await warehouse.ExecuteAsync($"DROP TABLE IF EXISTS {warehouse.Dialect.QualifiedName(audit.Name)}");
        await PlanExecutor.Default.ExecuteAsync(warehouse.Connection, warehouse.Dialect.CreateTable(audit));
        const string nasty = "it's; -- done \\ 'ok' /* é */";
        var plan = Scenario.Plan(UpsertStrategy.Merge)
            .KeepLatestBy("loaded_at")
            .LockTarget()
            .Analyze()
            .AuditRow(audit.Name, ("event", AuditValue.Of(nasty)), ("rows", AuditValue.StagedRowCount), ("at", AuditValue.CurrentTimestamp))
            .Build();

        var result = await warehouse.RunAsync(plan, Scenario.StagedWithDuplicates);

        result.RowsFor(StatementPurpose.Audit).Should().Be(1);
        result.RowsFor(StatementPurpose.Deduplicate).Should().Be(4);
        var command = warehouse.Connection.CreateCommand();
        command.CommandText = $"SELECT \"event\", \"rows\", \"at\" FROM {warehouse.Dialect.QualifiedName(audit.Name)}";
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        reader.GetString(0).Should().Be(nasty);
        Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture).Should().Be(4);
        reader.IsDBNull(2).Should().BeFalse();
        (await reader.ReadAsync()).Should().BeFalse();
    }

    [Fact]
    public async Task ManyRows_AreLoadedInBatches_ReusingOneCommand()
    {
        var warehouse = await OpenAsync();
        await warehouse.ResetAsync([]);
        var rows = Enumerable.Range(0, 1234).Select(i => new Row(i % 3 == 0 ? null : "R" + (i % 7), i, "u" + i, i / 4m, i)).ToList();

        var result = await warehouse.RunAsync(Scenario.Plan(UpsertStrategy.Merge).Build(), rows, new PlanExecutorOptions { BatchSize = 100 });

        result.RowsLoaded.Should().Be(1234);
        (await warehouse.ReadAsync()).Should().Equal(Scenario.Sorted(rows));
    }

    [Fact]
    public async Task RowsOfTheWrongWidth_AreRefused_NamingTheRow()
    {
        var warehouse = await OpenAsync();
        await warehouse.ResetAsync(Scenario.Initial);
        IReadOnlyList<object?>[] rows = [["EU", 5, "x", 1m, 1L], ["EU", 6]];

        var act = () => PlanExecutor.Default.ExecuteAsync(warehouse.Connection, Scenario.Plan(UpsertStrategy.Append).Build().Render(warehouse.Dialect), rows);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("Row 1 has 2 values*takes 5*");
        (await warehouse.ReadAsync()).Should().Equal(Scenario.Sorted(Scenario.Initial));
    }
}
