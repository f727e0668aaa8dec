namespace Airline.Pipeline.Redshift;

/// <summary>One statement the executor ran and the rows it affected (loaded rows for a load; -1 when the database
/// reports none, as for DDL).</summary>
/// <param name="Statement">The statement.</param>
/// <param name="RowsAffected">Rows affected.</param>
public sealed record StatementResult(RenderedStatement Statement, long RowsAffected);
