namespace Airline.Pipeline.Redshift;

/// <summary>
/// An immutable, validated table: name, columns, the logical key used by upserts (Redshift does not enforce keys),
/// and Redshift's distribution and sort attributes. Make one with <see cref="Create(string?, string)"/>.
/// </summary>
public sealed class TableDefinition
{
    internal TableDefinition(
        TableName name,
        IReadOnlyList<TableColumn> columns,
        IReadOnlyList<string> key,
        DistributionStyle distributionStyle,
        string? distributionKey,
        SortKeyStyle sortKeyStyle,
        IReadOnlyList<string> sortKey)
    {
        Name = name;
        Columns = columns;
        Key = key;
        DistributionStyle = distributionStyle;
        DistributionKey = distributionKey;
        SortKeyStyle = sortKeyStyle;
        SortKey = sortKey;
    }

    /// <summary>The table's name.</summary>
    public TableName Name { get; }

    /// <summary>The columns, in table order.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>The logical key columns (possibly empty): what an upsert matches rows on.</summary>
    public IReadOnlyList<string> Key { get; }

    /// <summary>Redshift DISTSTYLE.</summary>
    public DistributionStyle DistributionStyle { get; }

    /// <summary>Redshift DISTKEY column, when <see cref="DistributionStyle"/> is KEY.</summary>
    public string? DistributionKey { get; }

    /// <summary>COMPOUND or INTERLEAVED.</summary>
    public SortKeyStyle SortKeyStyle { get; }

    /// <summary>Sort key columns (possibly empty).</summary>
    public IReadOnlyList<string> SortKey { get; }

    /// <summary>Starts a table definition.</summary>
    public static TableBuilder Create(string? schema, string name) => new(new TableName(schema, name));

    /// <summary>Starts a table definition.</summary>
    public static TableBuilder Create(TableName name) => new(name);

    /// <summary>The column called <paramref name="name"/> (exact match), or null.</summary>
    public TableColumn? FindColumn(string name)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>The same columns and attributes under another name (used for staging tables).</summary>
    public TableDefinition Rename(TableName name) =>
        new(name, Columns, Key, DistributionStyle, DistributionKey, SortKeyStyle, SortKey);
}
