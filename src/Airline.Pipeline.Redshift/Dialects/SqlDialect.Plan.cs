using System.Text;
using Airline.Pipeline.Redshift.Internal;

namespace Airline.Pipeline.Redshift;

public sealed partial class SqlDialect
{
    private const string RowNumberColumn = "airline_row_number";

    /// <summary>Renders an upsert plan; throws <see cref="SqlValidationException"/> listing every name or value this
    /// dialect cannot take.</summary>
    public RenderedPlan Render(UpsertPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var context = new RenderContext();
        var statements = new List<RenderedStatement>();
        var cleanup = new List<RenderedStatement>();
        var preActions = 0;
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            statements.AddRange(RenderStep(step, context));
            if (i + 1 == plan.PreActionCount)
            {
                preActions = statements.Count;
            }

            if (step is DropTableStep && !cleanup.Any(c => c.Sql == statements[^1].Sql))
            {
                cleanup.Add(statements[^1]);
            }
        }

        if (plan.ForGlue && Kind != SqlDialectKind.Redshift)
        {
            context.Warn("the Glue form targets Redshift; render the plan with SqlDialect.Redshift for ToGlueActions()");
        }

        context.ThrowIfProblems();
        return new RenderedPlan(
            this, statements, cleanup, context.Warnings, transactional: true, preActions, plan.ForGlue ? plan.LoadTable : null);
    }

    private IEnumerable<RenderedStatement> RenderStep(PlanStep step, RenderContext context)
    {
        switch (step)
        {
            case CreateStagingStep s:
                yield return CreateStaging(s, context);
                break;
            case LoadRowsStep s:
                var table = StagingName(s.Staging, context);
                var prefix = $"INSERT INTO {table} ({ColumnList(s.Columns, context)}) VALUES ";
                yield return new RenderedStatement(StatementPurpose.Load, prefix, StatementKind.LoadRows)
                {
                    RowLoad = new RowLoad(s.Staging, prefix, s.Columns.Count),
                    ScriptSql = $"-- load: the executor (or Glue) inserts the rows into {table}",
                };
                break;
            case CopyStep s:
                yield return Copy(s.Command, context);
                break;
            case CheckDuplicatesStep s:
                yield return CheckDuplicates(s, context);
                break;
            case DeduplicateStep s:
                yield return Deduplicate(s, context);
                break;
            case LockStep s:
                if (Kind == SqlDialectKind.Redshift)
                {
                    yield return new RenderedStatement(s.Purpose, "LOCK " + Qualified(s.Target, context));
                }
                else if (Kind == SqlDialectKind.PostgreSql)
                {
                    yield return new RenderedStatement(s.Purpose, "LOCK TABLE " + Qualified(s.Target, context) + " IN SHARE ROW EXCLUSIVE MODE");
                }

                // SQLite: a write transaction already locks the whole database.
                break;
            case DeleteMatchingStep s:
                yield return DeleteMatching(s.Target, s.Source, s.Match, context);
                break;
            case InsertAllStep s:
                yield return InsertAll(s.Target, s.Source, s.Columns, context);
                break;
            case InsertNewStep s:
                yield return InsertNew(s.Target, s.Source, s.Columns, s.Key, context);
                break;
            case MergeStep s:
                foreach (var statement in Merge(s, context))
                {
                    yield return statement;
                }

                break;
            case AnalyzeStep s:
                yield return new RenderedStatement(s.Purpose, "ANALYZE " + Qualified(s.Target, context));
                break;
            case RefreshStep s:
                if (Kind == SqlDialectKind.Sqlite)
                {
                    context.Warn($"SQLite has no materialized views: REFRESH MATERIALIZED VIEW {s.View} is skipped");
                }
                else
                {
                    yield return new RenderedStatement(s.Purpose, "REFRESH MATERIALIZED VIEW " + Qualified(s.View, context));
                }

                break;
            case GrantStep s:
                if (Kind == SqlDialectKind.Sqlite)
                {
                    context.Warn($"SQLite has no privileges: GRANT on {s.Target} is skipped");
                }
                else
                {
                    yield return Grant(s, context);
                }

                break;
            case AuditStep s:
                yield return Audit(s, context);
                break;
            case DropTableStep s:
                yield return new RenderedStatement(s.Purpose, "DROP TABLE IF EXISTS " + StagingName(s.Table, context));
                break;
            default:
                throw new InvalidOperationException($"Unknown plan step {step.GetType().Name}.");
        }
    }

    // Temp staging tables are unqualified (PostgreSQL puts them in pg_temp; SQLite in temp).
    private string StagingName(TableName table, RenderContext context) =>
        table.Schema is null ? Quote(table.Name, "staging table", context) : Qualified(table, context);

    // Predicates refer to a table by its unqualified name: Redshift's DELETE and MERGE take no target alias.
    private string Ref(TableName table, RenderContext context) => Quote(table.Name, $"table '{table}'", context);

    private RenderedStatement CreateStaging(CreateStagingStep step, RenderContext context)
    {
        if (Kind == SqlDialectKind.Sqlite)
        {
            var statement = CreateTableStatement(step.Target, step.Staging, step.Temporary, ifNotExists: false, context);
            return statement with { Purpose = StatementPurpose.CreateStaging };
        }

        var sql = $"CREATE {(step.Temporary ? "TEMP " : "")}TABLE {StagingName(step.Staging, context)} (LIKE {Qualified(step.Target.Name, context)} INCLUDING DEFAULTS)";
        return new RenderedStatement(StatementPurpose.CreateStaging, sql);
    }

    private string Match(TableName target, TableName source, IReadOnlyList<TableColumn> columns, RenderContext context)
    {
        var t = Ref(target, context);
        var s = Ref(source, context);
        return string.Join(" AND ", columns.Select(column =>
        {
            var name = Quote(column.Name, "key column", context);
            var left = t + "." + name;
            var right = s + "." + name;
            if (!column.IsNullable)
            {
                return $"{left} = {right}";
            }

            return Kind == SqlDialectKind.Sqlite
                ? $"{left} IS {right}"
                : $"({left} = {right} OR ({left} IS NULL AND {right} IS NULL))";
        }));
    }

    private RenderedStatement DeleteMatching(TableName target, TableName source, IReadOnlyList<TableColumn> match, RenderContext context)
    {
        var sql = Kind == SqlDialectKind.Sqlite
            ? $"DELETE FROM {Qualified(target, context)} WHERE EXISTS (SELECT 1 FROM {StagingName(source, context)} WHERE {Match(target, source, match, context)})"
            : $"DELETE FROM {Qualified(target, context)} USING {StagingName(source, context)} WHERE {Match(target, source, match, context)}";
        return new RenderedStatement(StatementPurpose.Delete, sql);
    }

    private RenderedStatement InsertAll(TableName target, TableName source, IReadOnlyList<TableColumn> columns, RenderContext context)
    {
        var list = ColumnList(columns, context);
        return new RenderedStatement(
            StatementPurpose.Insert, $"INSERT INTO {Qualified(target, context)} ({list}) SELECT {list} FROM {StagingName(source, context)}");
    }

    private RenderedStatement InsertNew(
        TableName target, TableName source, IReadOnlyList<TableColumn> columns, IReadOnlyList<TableColumn> key, RenderContext context)
    {
        var sql = $"INSERT INTO {Qualified(target, context)} ({ColumnList(columns, context)}) " +
                  $"SELECT {ColumnList(columns, context, Ref(source, context) + ".")} FROM {StagingName(source, context)} " +
                  $"WHERE NOT EXISTS (SELECT 1 FROM {Qualified(target, context)} WHERE {Match(target, source, key, context)})";
        return new RenderedStatement(StatementPurpose.Insert, sql);
    }

    private IEnumerable<RenderedStatement> Merge(MergeStep step, RenderContext context)
    {
        var s = Ref(step.Source, context);
        if (step.RemoveDuplicates)
        {
            if (Kind == SqlDialectKind.Redshift)
            {
                yield return new RenderedStatement(
                    StatementPurpose.Merge,
                    $"MERGE INTO {Qualified(step.Target, context)} USING {StagingName(step.Source, context)} ON {Match(step.Target, step.Source, step.Key, context)} REMOVE DUPLICATES")
                { IsRedshiftOnly = true };
            }
            else
            {
                // Simplified mode's result: matched target rows (duplicates included) replaced by the staged rows.
                yield return DeleteMatching(step.Target, step.Source, step.Key, context);
                yield return InsertAll(step.Target, step.Source, step.Columns, context);
            }

            yield break;
        }

        if (Kind == SqlDialectKind.Redshift && step.Key.Any(k => k.IsNullable))
        {
            context.Warn($"Redshift documents MERGE's ON condition as equality predicates; this MERGE into {step.Target} compares nullable key columns NULL-safely with OR. If Redshift rejects it, use .DeleteInsert(), which has the same result");
        }

        var keyNames = new HashSet<string>(step.Key.Select(k => k.Name), StringComparer.Ordinal);
        var updated = step.Columns.Where(c => !keyNames.Contains(c.Name)).ToList();
        var set = string.Join(", ", (updated.Count > 0 ? updated : step.Key).Select(c =>
        {
            var name = Quote(c.Name, "column", context);
            return $"{name} = {s}.{name}";
        }));
        if (Kind == SqlDialectKind.Sqlite)
        {
            if (updated.Count > 0)
            {
                yield return new RenderedStatement(
                    StatementPurpose.Update,
                    $"UPDATE {Qualified(step.Target, context)} SET {set} FROM {StagingName(step.Source, context)} WHERE {Match(step.Target, step.Source, step.Key, context)}");
            }

            yield return InsertNew(step.Target, step.Source, step.Columns, step.Key, context);
            yield break;
        }

        var sql = new StringBuilder("MERGE INTO ").Append(Qualified(step.Target, context))
            .Append(" USING ").Append(StagingName(step.Source, context))
            .Append(" ON ").Append(Match(step.Target, step.Source, step.Key, context))
            .Append(" WHEN MATCHED THEN UPDATE SET ").Append(set)
            .Append(" WHEN NOT MATCHED THEN INSERT (").Append(ColumnList(step.Columns, context))
            .Append(") VALUES (").Append(ColumnList(step.Columns, context, s + ".")).Append(')');
        yield return new RenderedStatement(StatementPurpose.Merge, sql.ToString());
    }

    private RenderedStatement CheckDuplicates(CheckDuplicatesStep step, RenderContext context)
    {
        var keys = ColumnList(step.Key, context);
        var staging = StagingName(step.Staging, context);
        var query = $"SELECT {keys}, COUNT(*) FROM {staging} GROUP BY {keys} HAVING COUNT(*) > 1 ORDER BY {keys} LIMIT 100";
        string script;
        if (Kind == SqlDialectKind.Sqlite)
        {
            context.Warn("a SQLite script cannot fail by itself on duplicate staging keys; run the plan through PlanExecutor, which does");
            script = query;
        }
        else
        {
            // A script has no RAISE: casting the listed keys to INTEGER fails the transaction with them in the error.
            var keyText = "'(' || " + string.Join(" || ', ' || ", step.Key.Select(k =>
                $"COALESCE(CAST({Quote(k.Name, "key column", context)} AS VARCHAR), 'NULL')")) + " || ')'";
            var aggregate = Kind == SqlDialectKind.Redshift ? $"LISTAGG({keyText}, ' | ')" : $"string_agg({keyText}, ' | ')";
            var message = StringLiteral($"duplicate keys ({string.Join(", ", step.Key.Select(k => k.Name))}) in staging table {step.Staging.Name}: ", context);
            script = $"SELECT CAST({message} || {aggregate} AS INTEGER) FROM (SELECT {keys} FROM {staging} GROUP BY {keys} HAVING COUNT(*) > 1) AS {Quote("duplicates", "alias", context)}";
        }

        return new RenderedStatement(StatementPurpose.CheckDuplicateKeys, query, StatementKind.Check) { ScriptSql = script };
    }

    private RenderedStatement Deduplicate(DeduplicateStep step, RenderContext context)
    {
        var rowNumber = RowNumberColumn;
        while (step.Columns.Any(c => string.Equals(c.Name, rowNumber, StringComparison.OrdinalIgnoreCase)))
        {
            rowNumber += "_";
        }

        var rn = Quote(rowNumber, "row number", context);
        var list = ColumnList(step.Columns, context);
        var keyNames = new HashSet<string>(step.Key.Select(k => k.Name), StringComparer.Ordinal) { step.OrderingColumn };
        var order = new List<string> { Quote(step.OrderingColumn, "ordering column", context) + " DESC NULLS LAST" };
        order.AddRange(step.Columns.Where(c => !keyNames.Contains(c.Name)).Select(c => Quote(c.Name, "column", context) + " DESC NULLS LAST"));
        var sql = $"INSERT INTO {StagingName(step.Into, context)} ({list}) SELECT {list} FROM (SELECT {list}, ROW_NUMBER() OVER (PARTITION BY {ColumnList(step.Key, context)} ORDER BY {string.Join(", ", order)}) AS {rn} FROM {StagingName(step.From, context)}) AS {Quote("ranked", "alias", context)} WHERE {rn} = 1";
        return new RenderedStatement(StatementPurpose.Deduplicate, sql);
    }

    private RenderedStatement Grant(GrantStep step, RenderContext context)
    {
        var grantee = step.Grantee.Kind switch
        {
            GranteeKind.Public => "PUBLIC",
            GranteeKind.Group => "GROUP " + Quote(step.Grantee.Name, "grantee group", context),
            GranteeKind.Role when Kind == SqlDialectKind.Redshift => "ROLE " + Quote(step.Grantee.Name, "grantee role", context),
            _ => Quote(step.Grantee.Name, "grantee", context),
        };
        var sql = $"GRANT {string.Join(", ", step.Privileges)} ON TABLE {Qualified(step.Target, context)} TO {grantee}";
        return new RenderedStatement(StatementPurpose.Grant, sql)
        {
            IsRedshiftOnly = Kind == SqlDialectKind.Redshift && step.Grantee.Kind == GranteeKind.Role,
        };
    }

    private RenderedStatement Audit(AuditStep step, RenderContext context)
    {
        var columns = string.Join(", ", step.Values.Select(v => Quote(v.Column, $"audit column of '{step.Table}'", context)));
        var count = Quote("staged_rows", "alias", context);
        var values = string.Join(", ", step.Values.Select(v => v.Value.Kind switch
        {
            AuditValueKind.StagedRowCount => count,
            AuditValueKind.CurrentTimestamp => "CURRENT_TIMESTAMP",
            _ => Literal(v.Value.Literal, context),
        }));

        // One row whatever staging holds: the values are selected from a one-row count.
        var sql = $"INSERT INTO {Qualified(step.Table, context)} ({columns}) SELECT {values} FROM (SELECT COUNT(*) AS {count} FROM {StagingName(step.Staging, context)}) AS {Quote("staged", "alias", context)}";
        return new RenderedStatement(StatementPurpose.Audit, sql);
    }
}
