namespace Airline.Pipeline.Redshift;

/// <summary>What to do when staging holds the same key more than once (Redshift does not enforce keys).</summary>
public sealed record DuplicateKeyPolicy
{
    private DuplicateKeyPolicy(DuplicateKeyAction action, string? orderingColumn)
    {
        Action = action;
        OrderingColumn = orderingColumn;
    }

    /// <summary>Fail the whole plan, listing the duplicate keys (the default when the plan has a key).</summary>
    public static DuplicateKeyPolicy Fail { get; } = new(DuplicateKeyAction.Fail, null);

    /// <summary>Do not check (only for append without a key, or when the source is known to be unique).</summary>
    public static DuplicateKeyPolicy Allow { get; } = new(DuplicateKeyAction.Allow, null);

    /// <summary>The action.</summary>
    public DuplicateKeyAction Action { get; }

    /// <summary>For <see cref="DuplicateKeyAction.KeepLatest"/>: the column whose greatest value wins.</summary>
    public string? OrderingColumn { get; }

    /// <summary>
    /// Keep, per key, the staged row with the greatest <paramref name="orderingColumn"/> (NULLs lose; ties are broken
    /// by the other columns, so the result is deterministic).
    /// </summary>
    public static DuplicateKeyPolicy KeepLatestBy(string orderingColumn) => new(DuplicateKeyAction.KeepLatest, orderingColumn);
}

/// <summary>The kinds of <see cref="DuplicateKeyPolicy"/>.</summary>
public enum DuplicateKeyAction
{
    /// <summary>Fail listing the keys.</summary>
    Fail,

    /// <summary>Keep the latest row per key.</summary>
    KeepLatest,

    /// <summary>No check.</summary>
    Allow,
}
