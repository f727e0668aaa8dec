using System.Globalization;
using Airline.Pipeline.Redshift;
using BenchmarkDotNet.Attributes;

namespace Airline.Pipeline.Benchmarks.Redshift;

/// <summary>Building and rendering an upsert plan for a 200-column table (the issue asks for microseconds).</summary>
[MemoryDiagnoser]
public class RedshiftPlanBenchmarks
{
    private TableDefinition _table = null!;
    private UpsertPlan _plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        var builder = TableDefinition.Create("airlines", "wide_fact");
        for (var i = 0; i < 200; i++)
        {
            builder.Column(string.Create(CultureInfo.InvariantCulture, $"column_{i:D3}"), i % 3 == 0 ? ColumnType.BigInt : ColumnType.Varchar(100), nullable: i != 0);
        }

        _table = builder.Key("column_000", "column_001").DistributionKey("column_000").SortKey(SortKeyStyle.Compound, "column_000").Build();
        _plan = Plan();
    }

    [Benchmark(Baseline = true, Description = "Build plan (merge, keep latest, 200 columns)")]
    public UpsertPlan BuildPlan() => Plan();

    [Benchmark(Description = "Render plan: Redshift")]
    public RenderedPlan RenderRedshift() => _plan.Render(SqlDialect.Redshift);

    [Benchmark(Description = "Render plan: PostgreSQL")]
    public RenderedPlan RenderPostgreSql() => _plan.Render(SqlDialect.PostgreSql);

    [Benchmark(Description = "Render plan: SQLite")]
    public RenderedPlan RenderSqlite() => _plan.Render(SqlDialect.Sqlite);

    [Benchmark(Description = "Build + render Redshift + script")]
    public string BuildRenderScript() => Plan().Render(SqlDialect.Redshift).ToScript();

    [Benchmark(Description = "CREATE TABLE DDL: Redshift")]
    public RenderedPlan CreateTable() => SqlDialect.Redshift.CreateTable(_table);

    private UpsertPlan Plan() => UpsertPlan.For(_table)
        .Merge()
        .KeepLatestBy("column_199")
        .Analyze()
        .StagingSuffix("bench")
        .Build();
}
