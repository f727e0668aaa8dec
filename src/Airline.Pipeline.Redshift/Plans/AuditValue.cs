namespace Airline.Pipeline.Redshift;

/// <summary>A value of an audit/control row column: a literal, the staged row count, or the current time.</summary>
public sealed record AuditValue
{
    private AuditValue(AuditValueKind kind, object? literal)
    {
        Kind = kind;
        Literal = literal;
    }

    /// <summary>The number of rows applied from staging (after deduplication).</summary>
    public static AuditValue StagedRowCount { get; } = new(AuditValueKind.StagedRowCount, null);

    /// <summary>The database's <c>CURRENT_TIMESTAMP</c>.</summary>
    public static AuditValue CurrentTimestamp { get; } = new(AuditValueKind.CurrentTimestamp, null);

    /// <summary>The kind.</summary>
    public AuditValueKind Kind { get; }

    /// <summary>The literal value for <see cref="AuditValueKind.Literal"/> (escaped when rendered).</summary>
    public object? Literal { get; }

    /// <summary>A literal: string, integer, decimal, double, bool, DateOnly, DateTime, DateTimeOffset, Guid or null.</summary>
    public static AuditValue Of(object? value) => new(AuditValueKind.Literal, value);
}

/// <summary>Kinds of <see cref="AuditValue"/>.</summary>
public enum AuditValueKind
{
    /// <summary>A literal.</summary>
    Literal,

    /// <summary>Rows applied from staging.</summary>
    StagedRowCount,

    /// <summary><c>CURRENT_TIMESTAMP</c>.</summary>
    CurrentTimestamp,
}
