namespace Airline.Pipeline.Redshift;

/// <summary>A table's name, optionally qualified by its schema. Dialects quote and qualify it.</summary>
/// <param name="Schema">The schema (Redshift/PostgreSQL namespace), or null for the search path.</param>
/// <param name="Name">The table name.</param>
public readonly record struct TableName(string? Schema, string Name)
{
    /// <summary>An unqualified table name.</summary>
    public static TableName Unqualified(string name) => new(null, name);

    /// <summary>The name with <paramref name="suffix"/> appended, in the same schema.</summary>
    public TableName WithSuffix(string suffix) => this with { Name = Name + suffix };

    /// <summary>The unquoted dotted form, for messages and Glue's <c>dbtable</c> option.</summary>
    public override string ToString() => Schema is null ? Name : Schema + "." + Name;
}
