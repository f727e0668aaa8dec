using System.Text;
using Airline.Pipeline.Redshift.Internal;

namespace Airline.Pipeline.Redshift;

public sealed partial class SqlDialect
{
    /// <summary>
    /// <c>CREATE SCHEMA IF NOT EXISTS</c> (when the table has a schema and the dialect has schemas) and
    /// <c>CREATE TABLE IF NOT EXISTS</c> with Redshift's ENCODE, DISTSTYLE/DISTKEY and SORTKEY (dropped elsewhere).
    /// </summary>
    public RenderedPlan CreateTable(TableDefinition table, bool includeSchema = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        var context = new RenderContext();
        var statements = new List<RenderedStatement>();
        if (includeSchema && table.Name.Schema is { } schema && Kind != SqlDialectKind.Sqlite)
        {
            statements.Add(new RenderedStatement(
                StatementPurpose.CreateSchema, "CREATE SCHEMA IF NOT EXISTS " + Quote(schema, $"schema of '{table.Name}'", context)));
        }

        statements.Add(CreateTableStatement(table, table.Name, temporary: false, ifNotExists: true, context));
        context.ThrowIfProblems();
        return new RenderedPlan(this, statements, [], context.Warnings, transactional: false, preActionCount: 0, glueTable: null);
    }

    private RenderedStatement CreateTableStatement(TableDefinition table, TableName name, bool temporary, bool ifNotExists, RenderContext context)
    {
        var redshift = Kind == SqlDialectKind.Redshift;
        var redshiftOnly = false;
        var sql = new StringBuilder("CREATE ");
        if (temporary)
        {
            sql.Append("TEMP ");
        }

        sql.Append("TABLE ");
        if (ifNotExists)
        {
            sql.Append("IF NOT EXISTS ");
        }

        sql.Append(temporary ? Quote(name.Name, $"table '{name}'", context) : Qualified(name, context)).Append(" (");
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            if (i > 0)
            {
                sql.Append(", ");
            }

            sql.Append(Quote(column.Name, $"column of '{table.Name}'", context)).Append(' ').Append(TypeName(column.Type));
            if (redshift && column.Encoding is { } encoding)
            {
                sql.Append(" ENCODE ").Append(EncodingName(encoding));
                redshiftOnly = true;
            }

            if (!column.IsNullable)
            {
                sql.Append(" NOT NULL");
            }
        }

        sql.Append(')');
        if (redshift)
        {
            if (table.DistributionStyle != DistributionStyle.Unspecified)
            {
                sql.Append(" DISTSTYLE ").Append(table.DistributionStyle.ToString().ToUpperInvariant());
                redshiftOnly = true;
            }

            if (table.DistributionStyle == DistributionStyle.Key && table.DistributionKey is { } distKey)
            {
                sql.Append(" DISTKEY (").Append(Quote(distKey, $"DISTKEY of '{table.Name}'", context)).Append(')');
            }

            if (table.SortKey.Count > 0)
            {
                sql.Append(table.SortKeyStyle == SortKeyStyle.Interleaved ? " INTERLEAVED SORTKEY (" : " COMPOUND SORTKEY (")
                    .Append(string.Join(", ", table.SortKey.Select(c => Quote(c, $"SORTKEY of '{table.Name}'", context))))
                    .Append(')');
                redshiftOnly = true;
            }
        }

        return new RenderedStatement(StatementPurpose.CreateTable, sql.ToString()) { IsRedshiftOnly = redshiftOnly };
    }

    private static string EncodingName(ColumnEncoding encoding) => encoding switch
    {
        ColumnEncoding.Delta32K => "DELTA32K",
        ColumnEncoding.Text32K => "TEXT32K",
        _ => encoding.ToString().ToUpperInvariant(),
    };
}
