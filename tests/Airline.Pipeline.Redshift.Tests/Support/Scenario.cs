namespace Airline.Pipeline.Redshift.Tests.Support;

/// <summary>
/// The table and rows every strategy runs on, and an oracle: what each strategy must leave in the target,
/// computed in C# with NULL-safe key equality.
/// </summary>
public static class Scenario
{
    /// <summary>Schema "Sales" (mixed case), table "select" (reserved), key ("Region" nullable, "order" reserved).</summary>
    public static TableDefinition Table { get; } = TableDefinition.Create("Sales", "select")
        .Column("Region", ColumnType.Varchar(20))
        .Column("order", ColumnType.Integer, nullable: false)
        .Column("user", ColumnType.Varchar(50))
        .Column("amount", ColumnType.Decimal(12, 2))
        .Column("loaded_at", ColumnType.BigInt)
        .Key("Region", "order")
        .Build();

    public static IReadOnlyList<Row> Initial { get; } =
    [
        new("EU", 1, "ann", 10m, 1),
        new("EU", 2, "bob", 20m, 1),
        new(null, 1, "nul", 30m, 1),
        new("US", 1, null, null, 1),
        new("US", 2, "x", 5m, 1),
    ];

    /// <summary>Unique keys: two match existing rows (one with a NULL key part), two are new (one with a NULL key part).</summary>
    public static IReadOnlyList<Row> Staged { get; } =
    [
        new("EU", 1, "ann2", 11m, 2),
        new(null, 1, "nul2", 31m, 2),
        new("AS", 7, "new", 1m, 2),
        new(null, 9, null, null, 2),
    ];

    /// <summary><see cref="Staged"/> plus duplicates of two keys: the latest by loaded_at are ann3 (3) and nul2 (2).</summary>
    public static IReadOnlyList<Row> StagedWithDuplicates { get; } =
    [
        .. Staged,
        new("EU", 1, "ann3", 12m, 3),
        new(null, 1, "nul0", 32m, 0),
        new(null, 1, "nulnull", 33m, null),
    ];

    public static UpsertPlanBuilder Plan(UpsertStrategy strategy) => strategy switch
    {
        UpsertStrategy.DeleteInsert => UpsertPlan.For(Table).DeleteInsert(),
        UpsertStrategy.Merge => UpsertPlan.For(Table).Merge(),
        UpsertStrategy.ReplacePartition => UpsertPlan.For(Table).ReplacePartitions("Region"),
        UpsertStrategy.Append => UpsertPlan.For(Table).Append(),
        UpsertStrategy.InsertNew => UpsertPlan.For(Table).InsertNewOnly(),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
    };

    public static IReadOnlyList<Row> KeepLatest(IEnumerable<Row> staged) =>
        staged.GroupBy(r => (r.Region, r.Order))
            .Select(g => g.OrderByDescending(r => r.LoadedAt.HasValue).ThenByDescending(r => r.LoadedAt).First())
            .ToList();

    public static List<Row> Expected(UpsertStrategy strategy, IReadOnlyList<Row> target, IReadOnlyList<Row> staged)
    {
        var result = strategy switch
        {
            UpsertStrategy.DeleteInsert or UpsertStrategy.Merge =>
                target.Where(t => !staged.Any(s => s.SameKey(t))).Concat(staged),
            UpsertStrategy.ReplacePartition =>
                target.Where(t => !staged.Any(s => s.Region == t.Region)).Concat(staged),
            UpsertStrategy.Append => target.Concat(staged),
            UpsertStrategy.InsertNew => target.Concat(staged.Where(s => !target.Any(t => t.SameKey(s)))),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
        };
        return Sorted(result);
    }

    public static List<Row> Sorted(IEnumerable<Row> rows) =>
        rows.OrderBy(r => r.Region ?? "\0").ThenBy(r => r.Order).ThenBy(r => r.User ?? "\0").ThenBy(r => r.LoadedAt ?? -1).ToList();
}
