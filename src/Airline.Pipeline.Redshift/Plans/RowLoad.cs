namespace Airline.Pipeline.Redshift;

/// <summary>How the executor inserts caller rows into staging: the INSERT prefix and the column count per row.</summary>
/// <param name="Table">The staging table.</param>
/// <param name="InsertPrefix">E.g. <c>INSERT INTO "s" ("a", "b") VALUES </c>; the executor appends parameter tuples.</param>
/// <param name="ColumnCount">Values per row.</param>
public sealed record RowLoad(TableName Table, string InsertPrefix, int ColumnCount);
