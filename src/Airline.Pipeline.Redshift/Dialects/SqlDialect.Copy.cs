using System.Globalization;
using System.Text;
using Airline.Pipeline.Redshift.Internal;

namespace Airline.Pipeline.Redshift;

public sealed partial class SqlDialect
{
    /// <summary>
    /// Renders a COPY. Redshift: <c>COPY ... FROM 's3://...' IAM_ROLE ...</c> with every option. PostgreSQL:
    /// <c>COPY ... FROM STDIN</c> (or a server file) for CSV, Redshift-only options dropped with a warning.
    /// SQLite has no COPY: load rows through the executor instead.
    /// </summary>
    public RenderedStatement Copy(CopyCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var context = new RenderContext();
        var statement = Copy(command, context);
        context.ThrowIfProblems();
        return statement;
    }

    private RenderedStatement Copy(CopyCommand command, RenderContext context)
    {
        var sql = new StringBuilder("COPY ");
        sql.Append(command.Target.Schema is null ? Quote(command.Target.Name, "COPY target", context) : Qualified(command.Target, context));
        if (command.Columns.Count > 0)
        {
            sql.Append(" (").Append(string.Join(", ", command.Columns.Select(c => Quote(c, "COPY column", context)))).Append(')');
        }

        switch (Kind)
        {
            case SqlDialectKind.Redshift:
                AppendRedshiftCopy(sql, command, context);
                return new RenderedStatement(StatementPurpose.Load, sql.ToString()) { IsRedshiftOnly = true };
            case SqlDialectKind.PostgreSql:
                AppendPostgresCopy(sql, command, context);
                return new RenderedStatement(StatementPurpose.Load, sql.ToString());
            default:
                context.Problems.Add($"SQLite has no COPY (source '{command.Source.Uri}'); load the rows through PlanExecutor (the plan's default load)");
                return new RenderedStatement(StatementPurpose.Load, "");
        }
    }

    private void AppendRedshiftCopy(StringBuilder sql, CopyCommand command, RenderContext context)
    {
        var o = command.Options;
        sql.Append(" FROM ").Append(StringLiteral(command.Source.Uri, context));
        sql.Append(" IAM_ROLE ").Append(o.UseDefaultIamRole ? "default" : StringLiteral(string.Join(",", o.IamRoles), context));
        if (command.Source.IsManifest)
        {
            sql.Append(" MANIFEST");
        }

        if (o.Region is not null)
        {
            sql.Append(" REGION ").Append(StringLiteral(o.Region, context));
        }

        switch (o.Format)
        {
            case CopyFormat.Csv:
                sql.Append(" FORMAT AS CSV");
                if (o.Quote is { } quote)
                {
                    sql.Append(" QUOTE AS ").Append(StringLiteral(quote.ToString(), context));
                }

                if (o.Delimiter is { } delimiter)
                {
                    sql.Append(" DELIMITER AS ").Append(StringLiteral(delimiter.ToString(), context));
                }

                if (o.IgnoreHeader is { } header)
                {
                    sql.Append(" IGNOREHEADER ").Append(header.ToString(CultureInfo.InvariantCulture));
                }

                if (o.NullAs is not null)
                {
                    sql.Append(" NULL AS ").Append(StringLiteral(o.NullAs, context));
                }

                break;
            case CopyFormat.Parquet:
                sql.Append(" FORMAT AS PARQUET");
                break;
            case CopyFormat.Json:
                var json = o.JsonPaths ?? (o.JsonIgnoreCase ? "auto ignorecase" : "auto");
                sql.Append(" FORMAT AS JSON ").Append(StringLiteral(json, context));
                break;
        }

        sql.Append(o.Compression switch
        {
            CopyCompression.Gzip => " GZIP",
            CopyCompression.Zstd => " ZSTD",
            CopyCompression.Bzip2 => " BZIP2",
            _ => "",
        });
        if (o.DateFormat is not null)
        {
            sql.Append(" DATEFORMAT AS ").Append(StringLiteral(o.DateFormat, context));
        }

        if (o.TimeFormat is not null)
        {
            sql.Append(" TIMEFORMAT AS ").Append(StringLiteral(o.TimeFormat, context));
        }

        if (o.AcceptInvalidChars is { } replacement)
        {
            sql.Append(" ACCEPTINVCHARS AS ").Append(StringLiteral(replacement.ToString(), context));
        }

        if (o.BlanksAsNull)
        {
            sql.Append(" BLANKSASNULL");
        }

        if (o.EmptyAsNull)
        {
            sql.Append(" EMPTYASNULL");
        }

        if (o.TruncateColumns)
        {
            sql.Append(" TRUNCATECOLUMNS");
        }

        if (o.MaxError is { } maxError)
        {
            sql.Append(" MAXERROR AS ").Append(maxError.ToString(CultureInfo.InvariantCulture));
        }

        if (o.CompUpdate is { } compUpdate)
        {
            sql.Append(compUpdate ? " COMPUPDATE ON" : " COMPUPDATE OFF");
        }

        if (o.StatUpdate is { } statUpdate)
        {
            sql.Append(statUpdate ? " STATUPDATE ON" : " STATUPDATE OFF");
        }
    }

    private void AppendPostgresCopy(StringBuilder sql, CopyCommand command, RenderContext context)
    {
        var o = command.Options;
        if (o.Format != CopyFormat.Csv)
        {
            context.Problems.Add($"PostgreSQL COPY reads CSV or text, not {o.Format} ('{command.Source.Uri}'); load those rows through the executor");
        }

        if (o.Compression != CopyCompression.None)
        {
            context.Problems.Add($"PostgreSQL COPY cannot read {o.Compression} input ('{command.Source.Uri}'); decompress first");
        }

        if (o.IgnoreHeader is > 1)
        {
            context.Problems.Add($"PostgreSQL COPY skips at most one header line; IgnoreHeader is {o.IgnoreHeader}");
        }

        if (command.Source.IsManifest)
        {
            context.Problems.Add($"PostgreSQL COPY cannot follow a manifest ('{command.Source.Uri}'); copy each file");
        }

        if (o.DateFormat is not null || o.TimeFormat is not null || o.AcceptInvalidChars is not null || o.BlanksAsNull ||
            o.EmptyAsNull || o.TruncateColumns || o.MaxError is not null || o.CompUpdate is not null || o.StatUpdate is not null ||
            o.Region is not null)
        {
            context.Warn("PostgreSQL COPY drops Redshift-only options (REGION, DATEFORMAT, TIMEFORMAT, ACCEPTINVCHARS, BLANKSASNULL, EMPTYASNULL, TRUNCATECOLUMNS, MAXERROR, COMPUPDATE, STATUPDATE)");
        }

        sql.Append(" FROM ").Append(_postgresCopyPath is null ? "STDIN" : StringLiteral(_postgresCopyPath(command.Source), context));
        sql.Append(" WITH (FORMAT csv");
        if (o.Delimiter is { } delimiter)
        {
            sql.Append(", DELIMITER ").Append(StringLiteral(delimiter.ToString(), context));
        }

        if (o.Quote is { } quote)
        {
            sql.Append(", QUOTE ").Append(StringLiteral(quote.ToString(), context));
        }

        if (o.IgnoreHeader is 1)
        {
            sql.Append(", HEADER true");
        }

        if (o.NullAs is not null)
        {
            sql.Append(", NULL ").Append(StringLiteral(o.NullAs, context));
        }

        sql.Append(')');
    }
}
