using System.Globalization;
using Airline.Pipeline.Redshift;
using Microsoft.Data.Sqlite;
using static Airline.Pipeline.Redshift.SqlExpression;

namespace Airline.Pipeline.Samples.OrdersAudit;

/// <summary>
/// The orders warehouse in SQLite (Redshift on AWS): <c>products_dim</c>, the Redshift staging table
/// <c>orders_staging</c> and the final table <c>order_items</c>, with every statement from the Redshift package.
/// </summary>
internal sealed class OrdersWarehouse : IAsyncDisposable
{
    public static readonly TableDefinition ProductsDim = TableDefinition.Create("ecommerce", "products_dim")
        .Column("product_code", ColumnType.Varchar(20), nullable: false)
        .Column("product_name", ColumnType.Varchar(100))
        .Column("category", ColumnType.Varchar(50))
        .Key("product_code")
        .Build();

    public static readonly TableDefinition OrdersStaging = TableDefinition.Create("ecommerce", "orders_staging")
        .Column("run_id", ColumnType.Varchar(128), nullable: false)
        .Column("order_id", ColumnType.Varchar(64), nullable: false)
        .Column("product_code", ColumnType.Varchar(20), nullable: false)
        .Column("quantity", ColumnType.BigInt)
        .Column("price", ColumnType.Decimal(12, 2))
        .Key("run_id", "order_id", "product_code")
        .Build();

    public static readonly TableDefinition OrderItems = TableDefinition.Create("ecommerce", "order_items")
        .Column("run_id", ColumnType.Varchar(128), nullable: false)
        .Column("order_id", ColumnType.Varchar(64), nullable: false)
        .Column("product_code", ColumnType.Varchar(20), nullable: false)
        .Column("product_name", ColumnType.Varchar(100))
        .Column("category", ColumnType.Varchar(50))
        .Column("quantity", ColumnType.BigInt)
        .Column("price", ColumnType.Decimal(12, 2))
        .Key("run_id", "order_id", "product_code")
        .Build();

    private static readonly SqlDialect Dialect = SqlDialect.Sqlite;
    private readonly SqliteConnection _connection;

    private OrdersWarehouse(SqliteConnection connection) => _connection = connection;

    public static async Task<OrdersWarehouse> OpenAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        foreach (var table in new[] { ProductsDim, OrdersStaging, OrderItems })
        {
            await PlanExecutor.Default.ExecuteAsync(connection, Dialect.CreateTable(table));
        }

        return new OrdersWarehouse(connection);
    }

    /// <summary>Loads the products dimension (MERGE on product_code), leaving out <paramref name="missing"/> when given.</summary>
    public async Task LoadProductsAsync(string? missing)
    {
        var rows = OrdersData.Products.Where(p => p.Code != missing).Select(p => (IReadOnlyList<object?>)[p.Code, p.Name, p.Category]);
        await PlanExecutor.Default.ExecuteAsync(_connection, UpsertPlan.For(ProductsDim).Merge().StagingSuffix("products").Build().Render(Dialect), rows);
        if (missing is not null)
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM products_dim WHERE product_code = @code";
            command.Parameters.AddWithValue("@code", missing);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The S3 staging -> Redshift staging load (DELETE+INSERT on the key, so a retried load is harmless).</summary>
    public async Task<long> LoadStagingAsync(string runId, IEnumerable<OrderItem> items, string stagingSuffix)
    {
        var plan = UpsertPlan.For(OrdersStaging).DeleteInsert().StagingSuffix(stagingSuffix).Build().Render(Dialect);
        var result = await PlanExecutor.Default.ExecuteAsync(
            _connection, plan, items.Select(i => (IReadOnlyList<object?>)[runId, i.OrderId, i.ProductCode, i.Quantity, i.Price]));
        return result.RowsLoaded;
    }

    /// <summary>
    /// The Redshift staging -> final load: enrich each item with its product's name and category (an inner join with
    /// products_dim, as the seed's Python Shell job does), one INSERT ... SELECT for the run.
    /// </summary>
    public async Task<long> LoadFinalAsync(string runId)
    {
        var query = SelectQuery.From(OrdersStaging.Name, "s")
            .Join(ProductsDim.Name, "p", Equal(Column("s", "product_code"), Column("p", "product_code")))
            .Where(Equal(Column("s", "run_id"), Literal(runId)))
            .Select(Column("s", "run_id"), "run_id")
            .Select(Column("s", "order_id"), "order_id")
            .Select(Column("s", "product_code"), "product_code")
            .Select(Column("p", "product_name"), "product_name")
            .Select(Column("p", "category"), "category")
            .Select(Column("s", "quantity"), "quantity")
            .Select(Column("s", "price"), "price");
        var result = await PlanExecutor.Default.ExecuteAsync(_connection, Dialect.InsertSelect(OrderItems.Name, query));
        return result.RowsFor(StatementPurpose.Insert);
    }

    /// <summary>Rows of a table for a run (what the seed's audit-load jobs count).</summary>
    public async Task<long> CountAsync(TableDefinition table, string runId)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {Dialect.QualifiedName(table.Name)} WHERE run_id = @run";
        command.Parameters.AddWithValue("@run", runId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
