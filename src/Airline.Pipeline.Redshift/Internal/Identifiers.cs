using System.Globalization;
using System.Text;

namespace Airline.Pipeline.Redshift.Internal;

/// <summary>Dialect-independent identifier checks: the rules every dialect shares (Redshift's, the product).</summary>
internal static class Identifiers
{
    /// <summary>Redshift's limit on identifier length in UTF-8 bytes.</summary>
    public const int RedshiftMaxBytes = 127;

    /// <summary>PostgreSQL's NAMEDATALEN - 1: longer names are silently truncated, so they are refused.</summary>
    public const int PostgreSqlMaxBytes = 63;

    // Redshift reserves PostgreSQL's system column names.
    private static readonly HashSet<string> SystemColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "oid", "tableoid", "xmin", "cmin", "xmax", "cmax", "ctid",
    };

    /// <summary>Adds a problem to <paramref name="problems"/> when <paramref name="name"/> is not a usable identifier.</summary>
    public static void Check(string? name, string location, int maxBytes, List<string> problems)
    {
        if (string.IsNullOrEmpty(name))
        {
            problems.Add($"{location}: the name is empty; give a name of 1..{maxBytes} bytes");
            return;
        }

        var bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes > maxBytes)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{location}: '{name}' is {bytes} UTF-8 bytes; the limit is {maxBytes}: shorten it"));
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsControl(c))
            {
                problems.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{location}: '{Printable(name)}' has control character U+{(int)c:X4} at index {i}; identifiers must be printable UTF-8: remove it"));
                return;
            }

            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1])) &&
                !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(name[i - 1])))
            {
                problems.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{location}: '{Printable(name)}' has an unpaired surrogate at index {i}: it is not valid UTF-8"));
                return;
            }
        }
    }

    /// <summary>Adds a problem when a column name is one Redshift reserves for system columns.</summary>
    public static void CheckNotSystemColumn(string name, string location, List<string> problems)
    {
        if (SystemColumns.Contains(name))
        {
            problems.Add($"{location}: '{name}' is a system column name Redshift reserves; rename the column");
        }
    }

    /// <summary>The name with control characters shown as \uXXXX, for messages.</summary>
    public static string Printable(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
