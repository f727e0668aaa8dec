namespace Airline.Pipeline.Redshift;

/// <summary>
/// A small immutable SELECT: one table, joins, a WHERE condition and named output expressions. Each method returns
/// a new query. Render with <see cref="SqlDialect.Render(SelectQuery)"/> or into an INSERT with
/// <see cref="SqlDialect.InsertSelect"/>.
/// </summary>
public sealed class SelectQuery
{
    private SelectQuery(
        TableName table, string alias, IReadOnlyList<SelectJoin> joins, SqlExpression? where, IReadOnlyList<SelectItem> items)
    {
        Table = table;
        Alias = alias;
        Joins = joins;
        Condition = where;
        Items = items;
    }

    /// <summary>The FROM table.</summary>
    public TableName Table { get; }

    /// <summary>Its alias.</summary>
    public string Alias { get; }

    /// <summary>The joins, in order.</summary>
    public IReadOnlyList<SelectJoin> Joins { get; }

    /// <summary>The WHERE condition, or null.</summary>
    public SqlExpression? Condition { get; }

    /// <summary>The output expressions and their names.</summary>
    public IReadOnlyList<SelectItem> Items { get; }

    /// <summary>Starts <c>SELECT ... FROM table AS alias</c>.</summary>
    public static SelectQuery From(TableName table, string alias) => new(table, alias, [], null, []);

    /// <summary>Adds <c>[INNER|LEFT] JOIN table AS alias ON condition</c>.</summary>
    public SelectQuery Join(TableName table, string alias, SqlExpression on, JoinKind kind = JoinKind.Inner) =>
        new(Table, Alias, [.. Joins, new SelectJoin(kind, table, alias, on)], Condition, Items);

    /// <summary>Adds a condition, AND-ed with any earlier one.</summary>
    public SelectQuery Where(SqlExpression condition) =>
        new(Table, Alias, Joins, Condition is null ? condition : SqlExpression.And(Condition, condition), Items);

    /// <summary>Adds an output expression named <paramref name="name"/>.</summary>
    public SelectQuery Select(SqlExpression expression, string name) =>
        new(Table, Alias, Joins, Condition, [.. Items, new SelectItem(expression, name)]);
}

/// <summary>One join of a <see cref="SelectQuery"/>.</summary>
/// <param name="Kind">INNER or LEFT.</param>
/// <param name="Table">The joined table.</param>
/// <param name="Alias">Its alias.</param>
/// <param name="On">The join condition.</param>
public sealed record SelectJoin(JoinKind Kind, TableName Table, string Alias, SqlExpression On);

/// <summary>One output of a <see cref="SelectQuery"/>.</summary>
/// <param name="Expression">The value.</param>
/// <param name="Name">The output column name.</param>
public sealed record SelectItem(SqlExpression Expression, string Name);
