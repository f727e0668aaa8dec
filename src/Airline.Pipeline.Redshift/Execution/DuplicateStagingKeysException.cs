namespace Airline.Pipeline.Redshift;

/// <summary>Staging held the same key more than once under <see cref="DuplicateKeyPolicy.Fail"/>; nothing was applied.</summary>
public sealed class DuplicateStagingKeysException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DuplicateStagingKeysException(IReadOnlyList<string> keyColumns, IReadOnlyList<IReadOnlyList<object?>> keys, IReadOnlyList<long> counts)
        : base(Describe(keyColumns, keys, counts))
    {
        KeyColumns = keyColumns;
        Keys = keys;
        Counts = counts;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public DuplicateStagingKeysException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no details.</summary>
    public DuplicateStagingKeysException()
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DuplicateStagingKeysException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The key column names.</summary>
    public IReadOnlyList<string> KeyColumns { get; } = [];

    /// <summary>Each duplicated key's values (DBNull shown as null), at most 100.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Keys { get; } = [];

    /// <summary>How many staged rows had each key.</summary>
    public IReadOnlyList<long> Counts { get; } = [];

    private static string Describe(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<object?>> keys, IReadOnlyList<long> counts)
    {
        var listed = keys.Select((key, i) =>
            "(" + string.Join(", ", key.Select(v => v is null ? "NULL" : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))) +
            ") x" + counts[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        return $"Staging holds {keys.Count} duplicated key(s) on ({string.Join(", ", columns)}): {string.Join("; ", listed)}. " +
               "Remove the duplicates from the source, or build the plan with .KeepLatestBy(orderingColumn).";
    }
}
