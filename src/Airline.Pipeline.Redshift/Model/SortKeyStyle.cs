namespace Airline.Pipeline.Redshift;

/// <summary>Redshift sort key kind; PostgreSQL and SQLite drop sort keys.</summary>
public enum SortKeyStyle
{
    /// <summary><c>COMPOUND SORTKEY (...)</c>.</summary>
    Compound,

    /// <summary><c>INTERLEAVED SORTKEY (...)</c>.</summary>
    Interleaved,
}
