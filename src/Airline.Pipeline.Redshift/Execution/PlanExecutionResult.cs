namespace Airline.Pipeline.Redshift;

/// <summary>What a successful run did: each statement's row count (for the audit) and how many attempts it took.</summary>
/// <param name="Statements">The statements of the successful attempt, in order.</param>
/// <param name="Attempts">Attempts made (1 when no serialization failure happened).</param>
public sealed record PlanExecutionResult(IReadOnlyList<StatementResult> Statements, int Attempts)
{
    /// <summary>Rows affected by the statements with <paramref name="purpose"/>, summed (DDL's -1 ignored).</summary>
    public long RowsFor(StatementPurpose purpose) =>
        Statements.Where(s => s.Statement.Purpose == purpose && s.RowsAffected > 0).Sum(s => s.RowsAffected);

    /// <summary>Rows loaded into staging.</summary>
    public long RowsLoaded => RowsFor(StatementPurpose.Load);
}
