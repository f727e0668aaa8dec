namespace Airline.Pipeline.Redshift;

/// <summary>COPY's input format.</summary>
public enum CopyFormat
{
    /// <summary><c>FORMAT AS CSV</c> (with DELIMITER, QUOTE, IGNOREHEADER, NULL AS).</summary>
    Csv,

    /// <summary><c>FORMAT AS PARQUET</c>.</summary>
    Parquet,

    /// <summary><c>FORMAT AS JSON 'auto'</c>, or a jsonpaths file.</summary>
    Json,
}

/// <summary>COPY's input compression.</summary>
public enum CopyCompression
{
    /// <summary>Uncompressed.</summary>
    None,

    /// <summary><c>GZIP</c>.</summary>
    Gzip,

    /// <summary><c>ZSTD</c>.</summary>
    Zstd,

    /// <summary><c>BZIP2</c>.</summary>
    Bzip2,
}
