namespace Airline.Pipeline.Redshift;

/// <summary>Redshift <c>DISTSTYLE</c>; PostgreSQL and SQLite drop it.</summary>
public enum DistributionStyle
{
    /// <summary>No DISTSTYLE clause: Redshift chooses (AUTO).</summary>
    Unspecified,

    /// <summary><c>DISTSTYLE AUTO</c>.</summary>
    Auto,

    /// <summary><c>DISTSTYLE EVEN</c>.</summary>
    Even,

    /// <summary><c>DISTSTYLE KEY</c> with a <c>DISTKEY</c> column.</summary>
    Key,

    /// <summary><c>DISTSTYLE ALL</c>.</summary>
    All,
}
