using System.Text.RegularExpressions;

namespace Airline.Pipeline.Redshift;

/// <summary>
/// An immutable, validated COPY: target table, optional column list, S3 source and options. Dialects render it
/// (Redshift: COPY ... FROM 's3://...'; PostgreSQL: COPY ... FROM STDIN or a server file; SQLite: not supported).
/// </summary>
public sealed partial class CopyCommand
{
    private CopyCommand(TableName target, IReadOnlyList<string> columns, S3Source source, CopyOptions options)
    {
        Target = target;
        Columns = columns;
        Source = source;
        Options = options;
    }

    /// <summary>The table loaded.</summary>
    public TableName Target { get; }

    /// <summary>The columns loaded, in file order; empty means every column in table order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Where the data is.</summary>
    public S3Source Source { get; }

    /// <summary>The options.</summary>
    public CopyOptions Options { get; }

    /// <summary>Checks the parts and returns the command, or throws <see cref="SqlValidationException"/> listing every problem.</summary>
    public static CopyCommand Create(TableName target, S3Source source, CopyOptions options, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var problems = Validate(source, options, columns ?? []);
        if (problems.Count > 0)
        {
            throw new SqlValidationException(problems);
        }

        return new CopyCommand(target, [.. columns ?? []], source, options);
    }

    /// <summary>This command loading another table (a staging table) with the same source and options.</summary>
    public CopyCommand WithTarget(TableName target) => new(target, Columns, Source, Options);

    internal static List<string> Validate(S3Source source, CopyOptions options, IReadOnlyList<string> columns)
    {
        var problems = new List<string>();
        if (!source.Uri.StartsWith("s3://", StringComparison.Ordinal) || source.Uri.Length <= 5)
        {
            problems.Add($"COPY source '{source.Uri}' is not an s3:// URI; use s3://bucket/prefix");
        }

        if (options.IamRoles.Count == 0 && !options.UseDefaultIamRole)
        {
            problems.Add("COPY has no authorization; set IamRoles to a role ARN (or a chain) or UseDefaultIamRole = true");
        }

        if (options.IamRoles.Count > 0 && options.UseDefaultIamRole)
        {
            problems.Add("COPY sets both IamRoles and UseDefaultIamRole; keep one");
        }

        if (options.IamRoles.Count > 10)
        {
            problems.Add($"COPY role chain has {options.IamRoles.Count} roles; Redshift chains up to 10");
        }

        for (var i = 0; i < options.IamRoles.Count; i++)
        {
            if (!RoleArn().IsMatch(options.IamRoles[i]))
            {
                problems.Add($"COPY IamRoles[{i}] '{options.IamRoles[i]}' is not an IAM role ARN (arn:aws:iam::123456789012:role/name); credentials never go into SQL");
            }
        }

        if (options.Region is not null && !Region().IsMatch(options.Region))
        {
            problems.Add($"COPY Region '{options.Region}' is not an AWS region name such as us-east-1");
        }

        if (options.Format != CopyFormat.Csv &&
            (options.Delimiter is not null || options.Quote is not null || options.IgnoreHeader is not null || options.NullAs is not null))
        {
            problems.Add($"COPY format {options.Format} takes no DELIMITER, QUOTE, IGNOREHEADER or NULL AS; remove them or use Csv");
        }

        if (options.Format != CopyFormat.Json && (options.JsonPaths is not null || options.JsonIgnoreCase))
        {
            problems.Add($"COPY JsonPaths/JsonIgnoreCase apply to JSON only, not {options.Format}");
        }

        if (options.JsonPaths is not null && (options.JsonIgnoreCase || !options.JsonPaths.StartsWith("s3://", StringComparison.Ordinal)))
        {
            problems.Add($"COPY JsonPaths '{options.JsonPaths}' must be an s3:// jsonpaths file (and JsonIgnoreCase applies to 'auto' only)");
        }

        if (options.Format == CopyFormat.Parquet &&
            (options.Compression != CopyCompression.None || options.DateFormat is not null || options.TimeFormat is not null ||
             options.BlanksAsNull || options.EmptyAsNull || options.AcceptInvalidChars is not null || options.MaxError is not null ||
             options.TruncateColumns))
        {
            problems.Add("COPY FORMAT AS PARQUET takes no compression, DATEFORMAT, TIMEFORMAT, BLANKSASNULL, EMPTYASNULL, ACCEPTINVCHARS, TRUNCATECOLUMNS or MAXERROR (Parquet files are typed and compressed); remove them");
        }

        if (options.IgnoreHeader is < 0)
        {
            problems.Add($"COPY IgnoreHeader {options.IgnoreHeader} is negative");
        }

        if (options.MaxError is < 0)
        {
            problems.Add($"COPY MaxError {options.MaxError} is negative");
        }

        if (options.Delimiter is '\n' or '\r' || options.Quote is '\n' or '\r')
        {
            problems.Add("COPY Delimiter/Quote cannot be a line break");
        }

        for (var i = 0; i < columns.Count; i++)
        {
            if (string.IsNullOrEmpty(columns[i]))
            {
                problems.Add($"COPY column {i} is empty");
            }
        }

        return problems;
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]{1,512}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d$", RegexOptions.CultureInvariant)]
    private static partial Regex Region();
}
