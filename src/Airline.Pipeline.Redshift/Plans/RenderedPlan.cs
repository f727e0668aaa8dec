using System.Text;

namespace Airline.Pipeline.Redshift;

/// <summary>
/// SQL rendered for one dialect: the statements in order (each with its purpose), the statements that clean up
/// after a failure, and warnings (e.g. upper-case names Redshift folds). Immutable.
/// </summary>
public sealed class RenderedPlan
{
    internal RenderedPlan(
        SqlDialect dialect,
        IReadOnlyList<RenderedStatement> statements,
        IReadOnlyList<RenderedStatement> cleanup,
        IReadOnlyList<string> warnings,
        bool transactional,
        int preActionCount,
        TableName? glueTable)
    {
        Dialect = dialect;
        Statements = statements;
        Cleanup = cleanup;
        Warnings = warnings;
        Transactional = transactional;
        PreActionCount = preActionCount;
        GlueTable = glueTable;
    }

    /// <summary>The dialect it was rendered for.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The statements, in order, without BEGIN/COMMIT (the executor opens the transaction).</summary>
    public IReadOnlyList<RenderedStatement> Statements { get; }

    /// <summary>Statements the executor runs after a rollback so nothing is left behind (DROP TABLE IF EXISTS staging).</summary>
    public IReadOnlyList<RenderedStatement> Cleanup { get; }

    /// <summary>Warnings found while rendering (they do not stop it).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Whether the statements run in one transaction.</summary>
    public bool Transactional { get; }

    internal int PreActionCount { get; }

    internal TableName? GlueTable { get; }

    /// <summary>The statements as one script, one statement per line, wrapped in BEGIN/COMMIT when transactional.</summary>
    public string ToScript()
    {
        var builder = new StringBuilder();
        if (Transactional)
        {
            builder.Append("BEGIN;\n");
        }

        foreach (var statement in Statements)
        {
            builder.Append(statement.ScriptText);
            if (statement.Kind != StatementKind.LoadRows)
            {
                builder.Append(';');
            }

            builder.Append('\n');
        }

        if (Transactional)
        {
            builder.Append("COMMIT;\n");
        }

        return builder.ToString();
    }

    /// <summary>
    /// The Glue Redshift connector form: preactions create the permanent staging table Glue writes into
    /// (<see cref="GlueActions.DbTable"/>); postactions check or deduplicate, apply, run the post-actions and drop
    /// staging inside BEGIN ... COMMIT. Needs a plan built with <see cref="UpsertPlanBuilder.ForGlue"/> and the
    /// Redshift dialect. Throws <see cref="SqlValidationException"/> when a value would break Glue's naive splitting
    /// (a semicolon, a line break, or <c>%s</c>, which the connector formats with the table name).
    /// </summary>
    public GlueActions ToGlueActions()
    {
        if (GlueTable is not { } table)
        {
            throw new InvalidOperationException(
                "This plan has no Glue form: build it with UpsertPlan.For(...).ForGlue() (permanent staging, rows written by Glue).");
        }

        var problems = new List<string>();
        var pre = new List<string>();
        var post = new List<string>();
        for (var i = 0; i < Statements.Count; i++)
        {
            var statement = Statements[i];
            if (statement.Kind == StatementKind.LoadRows)
            {
                continue;
            }

            var text = statement.ScriptText;
            if (text.Contains(';', StringComparison.Ordinal) || text.Contains('\n', StringComparison.Ordinal) ||
                text.Contains('\r', StringComparison.Ordinal) || text.Contains("%s", StringComparison.Ordinal))
            {
                problems.Add($"statement {i} ({statement.Purpose}) holds a semicolon, line break or %s in a name or value, which the Glue connector would split or format: {text}");
            }

            (i < PreActionCount ? pre : post).Add(text);
        }

        if (problems.Count > 0)
        {
            throw new SqlValidationException(problems);
        }

        if (Transactional)
        {
            post.Insert(0, "BEGIN");
            post.Add("COMMIT");
        }

        var dbTable = table.Schema is null ? table.Name : table.Schema + "." + table.Name;
        return new GlueActions(dbTable, string.Join("; ", pre) + ";", string.Join("; ", post) + ";");
    }
}
