namespace Airline.Pipeline.Redshift;

/// <summary>How the executor runs a rendered statement.</summary>
public enum StatementKind
{
    /// <summary>Executed as a command; its row count is recorded.</summary>
    NonQuery,

    /// <summary>Rows from the caller are inserted with parameterised, batched INSERTs (see <see cref="RenderedStatement.RowLoad"/>).</summary>
    LoadRows,

    /// <summary>A query that returns the offending rows; any row fails the plan.</summary>
    Check,
}
