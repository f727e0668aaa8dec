namespace Airline.Pipeline.Redshift;

/// <summary>The SQL dialects a plan renders to.</summary>
public enum SqlDialectKind
{
    /// <summary>Amazon Redshift (the product).</summary>
    Redshift,

    /// <summary>PostgreSQL 15: the same plan; COPY from STDIN or a server file; DIST/SORT/ENCODE dropped.</summary>
    PostgreSql,

    /// <summary>SQLite 3.35+: the embedded warehouse of the sample (temp tables, DELETE ... WHERE EXISTS, window dedup).</summary>
    Sqlite,
}
