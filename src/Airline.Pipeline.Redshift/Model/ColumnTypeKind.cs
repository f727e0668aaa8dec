namespace Airline.Pipeline.Redshift;

/// <summary>The Redshift data types the model knows.</summary>
public enum ColumnTypeKind
{
    /// <summary><c>SMALLINT</c>.</summary>
    SmallInt,

    /// <summary><c>INTEGER</c>.</summary>
    Integer,

    /// <summary><c>BIGINT</c>.</summary>
    BigInt,

    /// <summary><c>DECIMAL(p, s)</c>.</summary>
    Decimal,

    /// <summary><c>REAL</c>.</summary>
    Real,

    /// <summary><c>DOUBLE PRECISION</c>.</summary>
    DoublePrecision,

    /// <summary><c>BOOLEAN</c>.</summary>
    Boolean,

    /// <summary><c>CHAR(n)</c>.</summary>
    Char,

    /// <summary><c>VARCHAR(n)</c>.</summary>
    Varchar,

    /// <summary><c>DATE</c>.</summary>
    Date,

    /// <summary><c>TIMESTAMP</c> (without time zone).</summary>
    Timestamp,

    /// <summary><c>TIMESTAMPTZ</c>.</summary>
    TimestampTz,
}
