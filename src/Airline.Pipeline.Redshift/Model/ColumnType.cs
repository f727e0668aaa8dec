using System.Globalization;

namespace Airline.Pipeline.Redshift;

/// <summary>A column's data type. Each dialect maps it to its own type name.</summary>
/// <param name="Kind">The type.</param>
/// <param name="Length">Length of CHAR/VARCHAR, or precision of DECIMAL; 0 otherwise.</param>
/// <param name="Scale">Scale of DECIMAL; 0 otherwise.</param>
public readonly record struct ColumnType(ColumnTypeKind Kind, int Length = 0, int Scale = 0)
{
    /// <summary>Redshift's VARCHAR maximum length in bytes.</summary>
    public const int MaxVarcharLength = 65535;

    /// <summary><c>SMALLINT</c>.</summary>
    public static ColumnType SmallInt => new(ColumnTypeKind.SmallInt);

    /// <summary><c>INTEGER</c>.</summary>
    public static ColumnType Integer => new(ColumnTypeKind.Integer);

    /// <summary><c>BIGINT</c>.</summary>
    public static ColumnType BigInt => new(ColumnTypeKind.BigInt);

    /// <summary><c>REAL</c>.</summary>
    public static ColumnType Real => new(ColumnTypeKind.Real);

    /// <summary><c>DOUBLE PRECISION</c>.</summary>
    public static ColumnType DoublePrecision => new(ColumnTypeKind.DoublePrecision);

    /// <summary><c>BOOLEAN</c>.</summary>
    public static ColumnType Boolean => new(ColumnTypeKind.Boolean);

    /// <summary><c>DATE</c>.</summary>
    public static ColumnType Date => new(ColumnTypeKind.Date);

    /// <summary><c>TIMESTAMP</c>.</summary>
    public static ColumnType Timestamp => new(ColumnTypeKind.Timestamp);

    /// <summary><c>TIMESTAMPTZ</c>.</summary>
    public static ColumnType TimestampTz => new(ColumnTypeKind.TimestampTz);

    /// <summary><c>VARCHAR(length)</c>; length in bytes, 1..65535.</summary>
    public static ColumnType Varchar(int length) => new(ColumnTypeKind.Varchar, length);

    /// <summary><c>CHAR(length)</c>; length in bytes, 1..4096.</summary>
    public static ColumnType Char(int length) => new(ColumnTypeKind.Char, length);

    /// <summary><c>DECIMAL(precision, scale)</c>; precision 1..38, scale 0..precision.</summary>
    public static ColumnType Decimal(int precision, int scale) => new(ColumnTypeKind.Decimal, precision, scale);

    /// <summary>The Redshift spelling, e.g. <c>VARCHAR(100)</c>.</summary>
    public override string ToString() => Kind switch
    {
        ColumnTypeKind.SmallInt => "SMALLINT",
        ColumnTypeKind.Integer => "INTEGER",
        ColumnTypeKind.BigInt => "BIGINT",
        ColumnTypeKind.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({Length}, {Scale})"),
        ColumnTypeKind.Real => "REAL",
        ColumnTypeKind.DoublePrecision => "DOUBLE PRECISION",
        ColumnTypeKind.Boolean => "BOOLEAN",
        ColumnTypeKind.Char => string.Create(CultureInfo.InvariantCulture, $"CHAR({Length})"),
        ColumnTypeKind.Varchar => string.Create(CultureInfo.InvariantCulture, $"VARCHAR({Length})"),
        ColumnTypeKind.Date => "DATE",
        ColumnTypeKind.Timestamp => "TIMESTAMP",
        ColumnTypeKind.TimestampTz => "TIMESTAMPTZ",
        _ => Kind.ToString(),
    };

    internal string? Problem() => Kind switch
    {
        ColumnTypeKind.Varchar when Length is < 1 or > MaxVarcharLength =>
            string.Create(CultureInfo.InvariantCulture, $"VARCHAR length {Length} is out of range; use 1..{MaxVarcharLength}"),
        ColumnTypeKind.Char when Length is < 1 or > 4096 =>
            string.Create(CultureInfo.InvariantCulture, $"CHAR length {Length} is out of range; use 1..4096"),
        ColumnTypeKind.Decimal when Length is < 1 or > 38 || Scale < 0 || Scale > Length =>
            string.Create(CultureInfo.InvariantCulture, $"DECIMAL({Length}, {Scale}) is out of range; use precision 1..38 and scale 0..precision"),
        _ when !Enum.IsDefined(Kind) => $"unknown column type kind {Kind}",
        _ => null,
    };
}
