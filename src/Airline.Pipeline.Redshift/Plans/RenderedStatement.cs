namespace Airline.Pipeline.Redshift;

/// <summary>One SQL statement of a rendered plan, with its purpose.</summary>
/// <param name="Purpose">What it is for.</param>
/// <param name="Sql">The statement without a trailing semicolon, on one line.</param>
/// <param name="Kind">How the executor runs it.</param>
public sealed record RenderedStatement(StatementPurpose Purpose, string Sql, StatementKind Kind = StatementKind.NonQuery)
{
    /// <summary>For <see cref="StatementKind.LoadRows"/>: how rows are inserted.</summary>
    public RowLoad? RowLoad { get; init; }

    /// <summary>The form used in scripts and Glue actions when it differs from <see cref="Sql"/> (a duplicate-key check
    /// that fails by itself, or a comment standing for the executor's row load).</summary>
    public string? ScriptSql { get; init; }

    /// <summary>True when the statement uses syntax only Redshift accepts (COPY options, DISTKEY/SORTKEY/ENCODE,
    /// MERGE ... REMOVE DUPLICATES, GRANT ... TO ROLE); false when PostgreSQL's parser accepts it too.</summary>
    public bool IsRedshiftOnly { get; init; }

    /// <summary>The statement as a script shows it.</summary>
    public string ScriptText => ScriptSql ?? Sql;

    /// <summary>The purpose and SQL.</summary>
    public override string ToString() => $"[{Purpose}] {ScriptText}";
}
