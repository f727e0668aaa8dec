namespace Airline.Pipeline.Redshift;

/// <summary>Redshift column compression encodings (<c>ENCODE ...</c>); other dialects ignore them.</summary>
public enum ColumnEncoding
{
    /// <summary>No compression (<c>RAW</c>).</summary>
    Raw,

    /// <summary><c>AZ64</c>: numeric, date and time types.</summary>
    Az64,

    /// <summary><c>BYTEDICT</c>: dictionary.</summary>
    ByteDict,

    /// <summary><c>DELTA</c>.</summary>
    Delta,

    /// <summary><c>DELTA32K</c>.</summary>
    Delta32K,

    /// <summary><c>LZO</c>.</summary>
    Lzo,

    /// <summary><c>MOSTLY8</c>.</summary>
    Mostly8,

    /// <summary><c>MOSTLY16</c>.</summary>
    Mostly16,

    /// <summary><c>MOSTLY32</c>.</summary>
    Mostly32,

    /// <summary><c>RUNLENGTH</c>.</summary>
    RunLength,

    /// <summary><c>TEXT255</c>.</summary>
    Text255,

    /// <summary><c>TEXT32K</c>.</summary>
    Text32K,

    /// <summary><c>ZSTD</c>.</summary>
    Zstd,
}
