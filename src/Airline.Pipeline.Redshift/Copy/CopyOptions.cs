namespace Airline.Pipeline.Redshift;

/// <summary>
/// Typed COPY options. Authorization is by IAM role only (one ARN, a chain of ARNs, or the cluster's default role):
/// the generated SQL never holds access keys or secrets.
/// </summary>
public sealed record CopyOptions
{
    /// <summary>IAM role ARNs; more than one is a role chain (renders <c>IAM_ROLE 'arn1,arn2'</c>). Empty means
    /// <see cref="UseDefaultIamRole"/> must be true.</summary>
    public IReadOnlyList<string> IamRoles { get; init; } = [];

    /// <summary>Renders <c>IAM_ROLE default</c> (the role associated with the cluster as its default).</summary>
    public bool UseDefaultIamRole { get; init; }

    /// <summary><c>REGION 'aws-region'</c> of the bucket, when it differs from the cluster's.</summary>
    public string? Region { get; init; }

    /// <summary>The input format.</summary>
    public CopyFormat Format { get; init; } = CopyFormat.Csv;

    /// <summary>CSV field delimiter (<c>DELIMITER</c>); null keeps the default (comma for CSV).</summary>
    public char? Delimiter { get; init; }

    /// <summary>CSV quote character (<c>QUOTE AS</c>); null keeps the default (").</summary>
    public char? Quote { get; init; }

    /// <summary>Header rows to skip (<c>IGNOREHEADER</c>).</summary>
    public int? IgnoreHeader { get; init; }

    /// <summary>The string that means NULL (<c>NULL AS</c>).</summary>
    public string? NullAs { get; init; }

    /// <summary>For JSON: an <c>s3://</c> jsonpaths file; null means <c>'auto'</c>.</summary>
    public string? JsonPaths { get; init; }

    /// <summary>For JSON 'auto': match keys case-insensitively (<c>'auto ignorecase'</c>).</summary>
    public bool JsonIgnoreCase { get; init; }

    /// <summary>Input compression.</summary>
    public CopyCompression Compression { get; init; }

    /// <summary><c>DATEFORMAT</c> ('auto' or a format such as 'YYYY-MM-DD').</summary>
    public string? DateFormat { get; init; }

    /// <summary><c>TIMEFORMAT</c> ('auto', 'epochsecs', or a format).</summary>
    public string? TimeFormat { get; init; }

    /// <summary><c>ACCEPTINVCHARS</c>: replace invalid UTF-8 characters with this character (Redshift's default is '?').</summary>
    public char? AcceptInvalidChars { get; init; }

    /// <summary><c>BLANKSASNULL</c>.</summary>
    public bool BlanksAsNull { get; init; }

    /// <summary><c>EMPTYASNULL</c>.</summary>
    public bool EmptyAsNull { get; init; }

    /// <summary><c>TRUNCATECOLUMNS</c>.</summary>
    public bool TruncateColumns { get; init; }

    /// <summary><c>MAXERROR</c>: rows that may fail before COPY fails.</summary>
    public int? MaxError { get; init; }

    /// <summary><c>COMPUPDATE ON|OFF</c>; null leaves Redshift's default.</summary>
    public bool? CompUpdate { get; init; }

    /// <summary><c>STATUPDATE ON|OFF</c>; null leaves Redshift's default.</summary>
    public bool? StatUpdate { get; init; }
}
