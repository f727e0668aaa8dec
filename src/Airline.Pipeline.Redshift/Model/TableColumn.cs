namespace Airline.Pipeline.Redshift;

/// <summary>One column of a table.</summary>
/// <param name="Name">The column name (always quoted when rendered).</param>
/// <param name="Type">The data type.</param>
/// <param name="IsNullable">False renders <c>NOT NULL</c>.</param>
/// <param name="Encoding">Redshift compression; null lets Redshift choose.</param>
public sealed record TableColumn(string Name, ColumnType Type, bool IsNullable = true, ColumnEncoding? Encoding = null);
