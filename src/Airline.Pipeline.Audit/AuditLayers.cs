namespace Airline.Pipeline.Audit;

/// <summary>The seeds' four layers and the rule every layer name follows.</summary>
public static class AuditLayers
{
    /// <summary>S3 landing area (the seeds' reference: the exploded count of what arrived).</summary>
    public const string S3Landing = "s3_landing";

    /// <summary>S3 staging area (exploded rows).</summary>
    public const string S3Staging = "s3_staging";

    /// <summary>Redshift staging table.</summary>
    public const string RedshiftStaging = "redshift_staging";

    /// <summary>Redshift final table.</summary>
    public const string RedshiftFinal = "redshift_final";

    /// <summary>The longest layer name accepted.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The seeds' four layers in pipeline order; the first is the reference.</summary>
    public static IReadOnlyList<string> SeedLayers { get; } = [S3Landing, S3Staging, RedshiftStaging, RedshiftFinal];

    /// <summary>
    /// Layer names are 1 to 64 characters of <c>A-Z a-z 0-9 _ - .</c> and so never collide with a store's
    /// reserved sort keys (which start with <c>#</c>, see <see cref="AuditTableSchema.DecisionSortKey"/>).
    /// </summary>
    /// <returns>Null when <paramref name="name"/> is valid, else a message naming the problem and the fix.</returns>
    public static string? Check(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "a layer name must not be empty; use e.g. 's3_landing'.";
        }

        if (name.Length > MaxNameLength)
        {
            return $"layer name '{name}' has {name.Length} characters; at most {MaxNameLength} are allowed.";
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                return $"layer name '{name}' has '{c}'; use only A-Z a-z 0-9 _ - . (e.g. 'redshift_final').";
            }
        }

        return null;
    }

    internal static string Validate(string? name, string paramName)
    {
        var problem = Check(name);
        return problem is null ? name! : throw new ArgumentException(problem, paramName);
    }
}
