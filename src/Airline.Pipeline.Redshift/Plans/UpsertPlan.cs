using Airline.Pipeline.Redshift.Internal;

namespace Airline.Pipeline.Redshift;

/// <summary>
/// An immutable, dialect-neutral upsert: staging -> load -> check or deduplicate -> apply -> post-actions -> drop
/// staging, in one transaction. Build it once with <see cref="For"/>; render it with <see cref="Render"/> for each
/// dialect; run it with <c>PlanExecutor</c>.
/// </summary>
public sealed class UpsertPlan
{
    internal UpsertPlan(
        TableDefinition target,
        UpsertStrategy strategy,
        IReadOnlyList<string> matchColumns,
        DuplicateKeyPolicy duplicatePolicy,
        TableName loadTable,
        TableName applyTable,
        bool temporaryStaging,
        bool forGlue,
        IReadOnlyList<PlanStep> steps,
        int preActionCount)
    {
        Target = target;
        Strategy = strategy;
        MatchColumns = matchColumns;
        DuplicatePolicy = duplicatePolicy;
        LoadTable = loadTable;
        ApplyTable = applyTable;
        TemporaryStaging = temporaryStaging;
        ForGlue = forGlue;
        Steps = steps;
        PreActionCount = preActionCount;
    }

    /// <summary>The target table.</summary>
    public TableDefinition Target { get; }

    /// <summary>How staged rows are applied.</summary>
    public UpsertStrategy Strategy { get; }

    /// <summary>The key columns (or partition columns for <see cref="UpsertStrategy.ReplacePartition"/>) rows are matched on.</summary>
    public IReadOnlyList<string> MatchColumns { get; }

    /// <summary>What happens to duplicate keys in staging.</summary>
    public DuplicateKeyPolicy DuplicatePolicy { get; }

    /// <summary>The staging table rows are loaded into (Glue's <c>dbtable</c>).</summary>
    public TableName LoadTable { get; }

    /// <summary>The staging table applied to the target (the deduplicated copy under keep-latest; else <see cref="LoadTable"/>).</summary>
    public TableName ApplyTable { get; }

    /// <summary>True for session temp tables; false for permanent, uniquely named staging tables (Glue).</summary>
    public bool TemporaryStaging { get; }

    /// <summary>True when built for Glue pre/postactions.</summary>
    public bool ForGlue { get; }

    internal IReadOnlyList<PlanStep> Steps { get; }

    internal int PreActionCount { get; }

    /// <summary>Starts a plan that upserts into <paramref name="target"/>.</summary>
    public static UpsertPlanBuilder For(TableDefinition target) => new(target);

    /// <summary>Renders the plan for <paramref name="dialect"/>.</summary>
    public RenderedPlan Render(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return dialect.Render(this);
    }
}
