using Airline.Pipeline.Redshift.Internal;

namespace Airline.Pipeline.Redshift;

/// <summary>Fluent builder of a <see cref="TableDefinition"/>; <see cref="Build"/> reports every problem at once.</summary>
public sealed class TableBuilder
{
    private readonly TableName _name;
    private readonly List<TableColumn> _columns = [];
    private readonly List<string> _key = [];
    private readonly List<string> _sortKey = [];
    private DistributionStyle _distributionStyle;
    private string? _distributionKey;
    private SortKeyStyle _sortKeyStyle;

    internal TableBuilder(TableName name)
    {
        _name = name;
    }

    /// <summary>Adds a column.</summary>
    public TableBuilder Column(string name, ColumnType type, bool nullable = true, ColumnEncoding? encoding = null)
    {
        _columns.Add(new TableColumn(name, type, nullable, encoding));
        return this;
    }

    /// <summary>Adds a column.</summary>
    public TableBuilder Column(TableColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        _columns.Add(column);
        return this;
    }

    /// <summary>Sets the logical key (what upserts match on). Nullable key columns are compared NULL-safely.</summary>
    public TableBuilder Key(params string[] columns)
    {
        _key.Clear();
        _key.AddRange(columns);
        return this;
    }

    /// <summary><c>DISTSTYLE KEY DISTKEY (column)</c>.</summary>
    public TableBuilder DistributionKey(string column)
    {
        _distributionStyle = DistributionStyle.Key;
        _distributionKey = column;
        return this;
    }

    /// <summary>Sets DISTSTYLE AUTO, EVEN or ALL (use <see cref="DistributionKey"/> for KEY).</summary>
    public TableBuilder Distribution(DistributionStyle style)
    {
        _distributionStyle = style;
        if (style != DistributionStyle.Key)
        {
            _distributionKey = null;
        }

        return this;
    }

    /// <summary>Sets the sort key.</summary>
    public TableBuilder SortKey(SortKeyStyle style, params string[] columns)
    {
        _sortKeyStyle = style;
        _sortKey.Clear();
        _sortKey.AddRange(columns);
        return this;
    }

    /// <summary>Checks everything and returns the immutable table, or throws <see cref="SqlValidationException"/>.</summary>
    public TableDefinition Build()
    {
        var problems = new List<string>();
        var table = _name.ToString();
        if (_name.Schema is not null)
        {
            Identifiers.Check(_name.Schema, $"table '{table}' schema", Identifiers.RedshiftMaxBytes, problems);
        }

        Identifiers.Check(_name.Name, $"table '{table}' name", Identifiers.RedshiftMaxBytes, problems);
        if (_columns.Count == 0)
        {
            problems.Add($"table '{table}' has no columns; add one with .Column(name, type)");
        }

        if (_columns.Count > 1600)
        {
            problems.Add($"table '{table}' has {_columns.Count} columns; Redshift allows 1600");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var folded = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _columns.Count; i++)
        {
            var column = _columns[i];
            var location = $"table '{table}' column {i} ('{column.Name}')";
            Identifiers.Check(column.Name, location, Identifiers.RedshiftMaxBytes, problems);
            if (!string.IsNullOrEmpty(column.Name))
            {
                Identifiers.CheckNotSystemColumn(column.Name, location, problems);
                if (!seen.Add(column.Name))
                {
                    problems.Add($"{location}: duplicate column name; rename one of them");
                }
                else if (!folded.TryAdd(column.Name.ToLowerInvariant(), column.Name))
                {
                    problems.Add($"{location}: differs from column '{folded[column.Name.ToLowerInvariant()]}' only in case; Redshift (which folds names to lower case by default) and SQLite treat them as one column: rename one");
                }
            }

            if (column.Type.Problem() is { } typeProblem)
            {
                problems.Add($"{location}: {typeProblem}");
            }
        }

        CheckColumnsExist(_key, "key", seen, table, problems);
        if (_key.Distinct(StringComparer.Ordinal).Count() != _key.Count)
        {
            problems.Add($"table '{table}' key lists a column twice: {string.Join(", ", _key)}");
        }

        CheckColumnsExist(_sortKey, "sort key", seen, table, problems);
        if (_sortKeyStyle == SortKeyStyle.Interleaved && _sortKey.Count > 8)
        {
            problems.Add($"table '{table}' INTERLEAVED SORTKEY has {_sortKey.Count} columns; Redshift allows 8");
        }

        if (_sortKey.Count > 400)
        {
            problems.Add($"table '{table}' SORTKEY has {_sortKey.Count} columns; Redshift allows 400");
        }

        if (_distributionStyle == DistributionStyle.Key)
        {
            if (_distributionKey is null || !seen.Contains(_distributionKey))
            {
                problems.Add($"table '{table}' DISTKEY '{_distributionKey}' is not a column of the table; name one of its columns");
            }
        }

        if (problems.Count > 0)
        {
            throw new SqlValidationException(problems);
        }

        return new TableDefinition(_name, [.. _columns], [.. _key], _distributionStyle, _distributionKey, _sortKeyStyle, [.. _sortKey]);
    }

    private static void CheckColumnsExist(List<string> columns, string what, HashSet<string> seen, string table, List<string> problems)
    {
        foreach (var column in columns)
        {
            if (!seen.Contains(column))
            {
                problems.Add($"table '{table}' {what} column '{column}' is not a column of the table; use one of: {string.Join(", ", seen)}");
            }
        }
    }
}
