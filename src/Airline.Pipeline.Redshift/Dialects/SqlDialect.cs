using System.Globalization;
using System.Text;
using Airline.Pipeline.Redshift.Internal;

namespace Airline.Pipeline.Redshift;

/// <summary>
/// Renders tables, COPY commands, upsert plans and queries for one SQL dialect. Identifiers are always quoted and
/// validated; literals are always escaped, so no name or value can change a statement's shape.
/// </summary>
public sealed partial class SqlDialect
{
    private readonly Func<S3Source, string>? _postgresCopyPath;

    private SqlDialect(SqlDialectKind kind, bool caseSensitiveIdentifiers, bool sqliteSchemas, Func<S3Source, string>? postgresCopyPath)
    {
        Kind = kind;
        CaseSensitiveIdentifiers = caseSensitiveIdentifiers;
        SqliteUsesSchemas = sqliteSchemas;
        _postgresCopyPath = postgresCopyPath;
    }

    /// <summary>Amazon Redshift with default settings: identifiers fold to lower case, so upper case draws a warning.</summary>
    public static SqlDialect Redshift { get; } = new(SqlDialectKind.Redshift, false, false, null);

    /// <summary>Amazon Redshift with <c>enable_case_sensitive_identifier</c> on: mixed case is kept, no warning.</summary>
    public static SqlDialect RedshiftCaseSensitive { get; } = new(SqlDialectKind.Redshift, true, false, null);

    /// <summary>PostgreSQL 15; COPY renders as <c>COPY ... FROM STDIN</c>.</summary>
    public static SqlDialect PostgreSql { get; } = new(SqlDialectKind.PostgreSql, true, false, null);

    /// <summary>SQLite; schemas are dropped from table names (one database file is the warehouse).</summary>
    public static SqlDialect Sqlite { get; } = new(SqlDialectKind.Sqlite, true, false, null);

    /// <summary>SQLite where each schema is an attached database of that name (<c>ATTACH ... AS airlines</c>).</summary>
    public static SqlDialect SqliteWithAttachedSchemas { get; } = new(SqlDialectKind.Sqlite, true, true, null);

    /// <summary>The dialect.</summary>
    public SqlDialectKind Kind { get; }

    /// <summary>Whether mixed-case identifiers keep their case (always true outside Redshift).</summary>
    public bool CaseSensitiveIdentifiers { get; }

    /// <summary>For SQLite: whether schemas are rendered (as attached database names).</summary>
    public bool SqliteUsesSchemas { get; }

    /// <summary>The longest identifier in UTF-8 bytes (Redshift 127, PostgreSQL 63), or null for no limit (SQLite).</summary>
    public int? MaxIdentifierBytes => Kind switch
    {
        SqlDialectKind.Redshift => Identifiers.RedshiftMaxBytes,
        SqlDialectKind.PostgreSql => Identifiers.PostgreSqlMaxBytes,
        _ => null,
    };

    /// <summary>The prefix of parameter names the executor uses (<c>@p0</c>, <c>@p1</c>, ...).</summary>
    public string ParameterPrefix => "@p";

    /// <summary>PostgreSQL whose COPY reads a server-side file: <paramref name="pathForSource"/> maps the S3 source to
    /// the file path on the database server (the role needs pg_read_server_files).</summary>
    public static SqlDialect PostgreSqlCopyFromServerFiles(Func<S3Source, string> pathForSource)
    {
        ArgumentNullException.ThrowIfNull(pathForSource);
        return new(SqlDialectKind.PostgreSql, true, false, pathForSource);
    }

    /// <summary>The identifier quoted (<c>"na""me"</c>); throws <see cref="SqlValidationException"/> when invalid here.</summary>
    public string QuoteIdentifier(string name)
    {
        var context = new RenderContext();
        var quoted = Quote(name, "identifier", context);
        context.ThrowIfProblems();
        return quoted;
    }

    /// <summary>The table name quoted and qualified as this dialect needs (SQLite drops the schema unless attached).</summary>
    public string QualifiedName(TableName table)
    {
        var context = new RenderContext();
        var qualified = Qualified(table, context);
        context.ThrowIfProblems();
        return qualified;
    }

    /// <summary>The string as an escaped literal (Redshift also doubles backslashes, which it treats as escapes).</summary>
    public string StringLiteral(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var context = new RenderContext();
        var literal = StringLiteral(value, context);
        context.ThrowIfProblems();
        return literal;
    }

    /// <summary>A literal for a .NET value: string, integer, decimal, double, bool, DateOnly, DateTime, DateTimeOffset, Guid or null.</summary>
    public string Literal(object? value)
    {
        var context = new RenderContext();
        var literal = Literal(value, context);
        context.ThrowIfProblems();
        return literal;
    }

    /// <summary>This dialect's name for a column type (SQLite maps to its storage classes).</summary>
    public string TypeName(ColumnType type) => Kind == SqlDialectKind.Sqlite
        ? type.Kind switch
        {
            ColumnTypeKind.SmallInt or ColumnTypeKind.Integer or ColumnTypeKind.BigInt or ColumnTypeKind.Boolean => "INTEGER",
            ColumnTypeKind.Real or ColumnTypeKind.DoublePrecision => "REAL",
            ColumnTypeKind.Decimal => "NUMERIC",
            _ => "TEXT",
        }
        : type.ToString();

    /// <summary>Names any problem with <paramref name="name"/> as an identifier in this dialect (empty when fine), and
    /// any warning (upper case on Redshift).</summary>
    public (IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings) CheckIdentifier(string name)
    {
        var context = new RenderContext();
        Quote(name, "identifier", context);
        return (context.Problems, context.Warnings);
    }

    /// <summary>The dialect's name.</summary>
    public override string ToString() => Kind.ToString();

    internal string Quote(string name, string location, RenderContext context)
    {
        if (name is not null && context.Quoted.TryGetValue(name, out var cached))
        {
            return cached;
        }

        Identifiers.Check(name, location, MaxIdentifierBytes ?? int.MaxValue, context.Problems);
        if (Kind == SqlDialectKind.Redshift && !CaseSensitiveIdentifiers && name is not null && name.Any(char.IsAsciiLetterUpper))
        {
            context.Warn($"{location} '{name}' has upper-case letters; Redshift folds it to '{name.ToLowerInvariant()}' unless enable_case_sensitive_identifier is on (use SqlDialect.RedshiftCaseSensitive then)");
        }

        var quoted = "\"" + (name ?? "").Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        if (name is not null)
        {
            context.Quoted[name] = quoted;
        }

        return quoted;
    }

    internal string Qualified(TableName table, RenderContext context)
    {
        var name = Quote(table.Name, $"table '{table}'", context);
        var schemaShown = table.Schema is not null && (Kind != SqlDialectKind.Sqlite || SqliteUsesSchemas);
        return schemaShown ? Quote(table.Schema!, $"schema of '{table}'", context) + "." + name : name;
    }

    internal string StringLiteral(string value, RenderContext context)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            context.Problems.Add($"string literal '{Identifiers.Printable(value)}' holds a NUL character, which no dialect stores in text; remove it");
        }

        var builder = new StringBuilder(value.Length + 2);
        builder.Append('\'');
        foreach (var c in value)
        {
            if (c == '\'')
            {
                builder.Append("''");
            }
            else if (c == '\\' && Kind == SqlDialectKind.Redshift)
            {
                builder.Append(@"\\");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('\'').ToString();
    }

    internal string Literal(object? value, RenderContext context)
    {
        var sqlite = Kind == SqlDialectKind.Sqlite;
        switch (value)
        {
            case null:
                return "NULL";
            case string s:
                return StringLiteral(s, context);
            case bool b:
                return sqlite ? (b ? "1" : "0") : (b ? "TRUE" : "FALSE");
            case byte or sbyte or short or ushort or int or uint or long or ulong or decimal:
                return ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture);
            case double d when double.IsFinite(d):
                return d.ToString("R", CultureInfo.InvariantCulture);
            case float f when float.IsFinite(f):
                return f.ToString("R", CultureInfo.InvariantCulture);
            case DateOnly date:
                return Typed("DATE", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case DateTime dateTime:
                return Typed("TIMESTAMP", dateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
            case DateTimeOffset offset:
                return Typed("TIMESTAMPTZ", offset.ToString("yyyy-MM-dd HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture));
            case Guid guid:
                return StringLiteral(guid.ToString("D"), context);
            default:
                context.Problems.Add($"literal value '{value}' of type {value.GetType().Name} has no SQL form; pass a string, number, bool, DateOnly, DateTime, DateTimeOffset, Guid or null");
                return "NULL";
        }

        string Typed(string type, string text) => sqlite ? "'" + text + "'" : type + " '" + text + "'";
    }

    private string ColumnList(IEnumerable<TableColumn> columns, RenderContext context, string? prefix = null) =>
        string.Join(", ", columns.Select(c => prefix + Quote(c.Name, "column", context)));
}
