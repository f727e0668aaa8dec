namespace Airline.Pipeline.Redshift;

/// <summary>Join kinds of <see cref="SelectQuery"/>.</summary>
public enum JoinKind
{
    /// <summary><c>INNER JOIN</c>.</summary>
    Inner,

    /// <summary><c>LEFT JOIN</c>.</summary>
    Left,
}
