using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Airline.Pipeline.Redshift;

namespace Airline.Pipeline.Cli.Internal.Commands;

/// <summary>
/// The table spec JSON that <c>sql ddl</c> and <c>sql upsert</c> read (documented in their help and the README):
/// every problem is reported at once with its JSON pointer, then the Redshift package's own checks.
/// </summary>
internal static partial class TableSpec
{
    public const string Help = """
        SPEC.json (--table) describes the table:
          {"schema": "airlines", "name": "daily_flights_fact",
           "columns": [{"name": "flight_date", "type": "DATE", "nullable": false},
                       {"name": "carrier", "type": "VARCHAR(10)", "encoding": "zstd"}, ...],
           "key": ["flight_date", "flight_id"], "partitionColumns": ["flight_date"],
           "distStyle": "key", "distKey": "carrier", "sortStyle": "compound", "sortKey": ["flight_date", "carrier"]}
          name and columns are required; nullable defaults to true; no schema means the search path.
          type: SMALLINT, INTEGER, BIGINT, DECIMAL(p,s), REAL, DOUBLE PRECISION, BOOLEAN, CHAR(n), VARCHAR(n), DATE,
                TIMESTAMP, TIMESTAMPTZ (aliases: INT, INT8, NUMERIC, FLOAT8, BOOL, CHARACTER VARYING(n), TEXT...)
          encoding: raw, az64, bytedict, delta, delta32k, lzo, mostly8, mostly16, mostly32, runlength, text255, text32k, zstd
          key: the columns upserts match on; partitionColumns: what --strategy replace-partition replaces
          distStyle: auto, even, key (with distKey) or all; sortStyle: compound (default) or interleaved
        """;

    private static readonly string[] KnownProperties =
        ["schema", "name", "columns", "key", "partitionColumns", "partitionColumn", "distStyle", "distKey", "sortStyle", "sortKey", "comment"];

    private static readonly string[] KnownColumnProperties = ["name", "type", "nullable", "encoding", "comment"];

    /// <summary>The table and its partition columns, or exit code 2 with every problem.</summary>
    public static (TableDefinition Table, IReadOnlyList<string> PartitionColumns) Load(string path)
    {
        var bytes = Inputs.ReadFile(path, "table spec");
        using var document = Inputs.ParseJson(bytes, $"table spec '{path}'");
        var problems = new List<string>();
        var (builder, partitions) = Read(document.RootElement, problems);
        if (builder is not null && problems.Count == 0)
        {
            try
            {
                return (builder.Build(), partitions);
            }
            catch (SqlValidationException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        throw CliException.BadInput(
            string.Create(CultureInfo.InvariantCulture, $"table spec '{path}' has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}:") +
            Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)) + Environment.NewLine +
            $"See '{CliApp.ToolName} sql ddl --help' for the spec format.");
    }

    private static (TableBuilder? Builder, List<string> Partitions) Read(JsonElement root, List<string> problems)
    {
        var partitions = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"/: the spec must be a JSON object, not {Kind(root)}");
            return (null, partitions);
        }

        foreach (var property in root.EnumerateObject())
        {
            if (!KnownProperties.Contains(property.Name, StringComparer.Ordinal))
            {
                problems.Add($"/{property.Name}: unknown property; use one of: {string.Join(", ", KnownProperties.Where(p => p != "comment"))}");
            }
        }

        var schema = OptionalString(root, "schema", "/schema", problems);
        var name = OptionalString(root, "name", "/name", problems);
        if (name is null && !root.TryGetProperty("name", out _))
        {
            problems.Add("/name: missing; give the table name, e.g. \"name\": \"daily_flights_fact\"");
        }

        var builder = TableDefinition.Create(schema, name ?? string.Empty);
        if (!root.TryGetProperty("columns", out var columns))
        {
            problems.Add("/columns: missing; list the columns, e.g. \"columns\": [{\"name\": \"id\", \"type\": \"BIGINT\"}]");
        }
        else if (columns.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"/columns: must be an array of columns, not {Kind(columns)}");
        }
        else
        {
            var index = 0;
            foreach (var column in columns.EnumerateArray())
            {
                ReadColumn(column, $"/columns/{index++}", builder, problems);
            }
        }

        if (StringList(root, "key", problems) is { } key)
        {
            builder.Key([.. key]);
        }

        if (StringList(root, "partitionColumns", problems) is { } partitionList)
        {
            partitions.AddRange(partitionList);
        }

        if (OptionalString(root, "partitionColumn", "/partitionColumn", problems) is { } partition)
        {
            partitions.Add(partition);
        }

        ReadDistribution(root, builder, problems);
        ReadSort(root, builder, problems);
        return (builder, partitions);
    }

    private static void ReadColumn(JsonElement column, string pointer, TableBuilder builder, List<string> problems)
    {
        if (column.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{pointer}: a column must be an object like {{\"name\": \"id\", \"type\": \"BIGINT\"}}, not {Kind(column)}");
            return;
        }

        foreach (var property in column.EnumerateObject())
        {
            if (!KnownColumnProperties.Contains(property.Name, StringComparer.Ordinal))
            {
                problems.Add($"{pointer}/{property.Name}: unknown column property; use name, type, nullable or encoding");
            }
        }

        var name = OptionalString(column, "name", pointer + "/name", problems);
        if (name is null && !column.TryGetProperty("name", out _))
        {
            problems.Add($"{pointer}/name: missing; every column needs a name");
        }

        var typeText = OptionalString(column, "type", pointer + "/type", problems);
        ColumnType? type = null;
        if (typeText is null)
        {
            if (!column.TryGetProperty("type", out _))
            {
                problems.Add($"{pointer}/type: missing; give a type such as \"BIGINT\" or \"VARCHAR(100)\"");
            }
        }
        else if (ParseType(typeText) is { } parsed)
        {
            type = parsed;
        }
        else
        {
            problems.Add($"{pointer}/type: '{typeText}' is not a type this tool knows; use SMALLINT, INTEGER, BIGINT, DECIMAL(p,s), REAL, " +
                         "DOUBLE PRECISION, BOOLEAN, CHAR(n), VARCHAR(n), DATE, TIMESTAMP or TIMESTAMPTZ");
        }

        var nullable = true;
        if (column.TryGetProperty("nullable", out var nullableElement))
        {
            if (nullableElement.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                nullable = nullableElement.GetBoolean();
            }
            else
            {
                problems.Add($"{pointer}/nullable: must be true or false, not {Kind(nullableElement)}");
            }
        }

        ColumnEncoding? encoding = null;
        if (OptionalString(column, "encoding", pointer + "/encoding", problems) is { } encodingText)
        {
            var known = Enum.GetValues<ColumnEncoding>()
                .Where(e => string.Equals(e.ToString(), encodingText, StringComparison.OrdinalIgnoreCase))
                .ToArray();
            if (known.Length == 1)
            {
                encoding = known[0];
            }
            else
            {
                problems.Add($"{pointer}/encoding: '{encodingText}' is not a Redshift encoding; use one of: " +
                             string.Join(", ", Enum.GetNames<ColumnEncoding>().Select(n => n.ToLowerInvariant())));
            }
        }

        if (name is not null && type is { } columnType)
        {
            builder.Column(name, columnType, nullable, encoding);
        }
    }

    private static void ReadDistribution(JsonElement root, TableBuilder builder, List<string> problems)
    {
        var style = OptionalString(root, "distStyle", "/distStyle", problems);
        var key = OptionalString(root, "distKey", "/distKey", problems);
        switch (style?.ToLowerInvariant())
        {
            case null when key is not null:
            case "key":
                if (key is null)
                {
                    problems.Add("/distKey: distStyle key needs a distKey column");
                }
                else
                {
                    builder.DistributionKey(key);
                }

                break;
            case null:
                break;
            case "auto" or "even" or "all":
                if (key is not null)
                {
                    problems.Add($"/distKey: only distStyle key takes a distKey; remove it or set \"distStyle\": \"key\"");
                }

                builder.Distribution(Enum.Parse<DistributionStyle>(style, ignoreCase: true));
                break;
            default:
                problems.Add($"/distStyle: '{style}' is not a distribution style; use auto, even, key or all");
                break;
        }
    }

    private static void ReadSort(JsonElement root, TableBuilder builder, List<string> problems)
    {
        var style = OptionalString(root, "sortStyle", "/sortStyle", problems);
        var sortStyle = SortKeyStyle.Compound;
        switch (style?.ToLowerInvariant())
        {
            case null or "compound":
                break;
            case "interleaved":
                sortStyle = SortKeyStyle.Interleaved;
                break;
            default:
                problems.Add($"/sortStyle: '{style}' is not a sort style; use compound or interleaved");
                break;
        }

        if (StringList(root, "sortKey", problems) is { } sortKey)
        {
            builder.SortKey(sortStyle, [.. sortKey]);
        }
    }

    /// <summary>Parses a SQL type name such as <c>VARCHAR(100)</c> or <c>decimal(10, 2)</c>.</summary>
    internal static ColumnType? ParseType(string text)
    {
        var match = TypePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var name = WhiteSpace().Replace(match.Groups["name"].Value.ToUpperInvariant(), " ");
        var hasLength = match.Groups["a"].Success;
        if (!int.TryParse(hasLength ? match.Groups["a"].Value : "0", CultureInfo.InvariantCulture, out var a) ||
            !int.TryParse(match.Groups["b"].Success ? match.Groups["b"].Value : "0", CultureInfo.InvariantCulture, out var b))
        {
            return null;
        }

        var hasScale = match.Groups["b"].Success;
        return name switch
        {
            "SMALLINT" or "INT2" when !hasLength => ColumnType.SmallInt,
            "INTEGER" or "INT" or "INT4" when !hasLength => ColumnType.Integer,
            "BIGINT" or "INT8" when !hasLength => ColumnType.BigInt,
            "REAL" or "FLOAT4" when !hasLength => ColumnType.Real,
            "DOUBLE PRECISION" or "FLOAT8" or "FLOAT" when !hasLength => ColumnType.DoublePrecision,
            "BOOLEAN" or "BOOL" when !hasLength => ColumnType.Boolean,
            "DATE" when !hasLength => ColumnType.Date,
            "TIMESTAMP" or "TIMESTAMP WITHOUT TIME ZONE" when !hasLength => ColumnType.Timestamp,
            "TIMESTAMPTZ" or "TIMESTAMP WITH TIME ZONE" when !hasLength => ColumnType.TimestampTz,
            "VARCHAR" or "CHARACTER VARYING" or "NVARCHAR" when hasLength && !hasScale => ColumnType.Varchar(a),
            "TEXT" when !hasLength => ColumnType.Varchar(256),
            "CHAR" or "CHARACTER" or "NCHAR" or "BPCHAR" when !hasScale => ColumnType.Char(hasLength ? a : 1),
            "DECIMAL" or "NUMERIC" when hasLength => ColumnType.Decimal(a, b),
            "DECIMAL" or "NUMERIC" => ColumnType.Decimal(18, 0),
            _ => null,
        };
    }

    private static string? OptionalString(JsonElement parent, string property, string pointer, List<string> problems)
    {
        if (!parent.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        problems.Add($"{pointer}: must be a string, not {Kind(value)}");
        return null;
    }

    private static List<string>? StringList(JsonElement root, string property, List<string> problems)
    {
        if (!root.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"/{property}: must be an array of column names, e.g. [\"id\"], not {Kind(value)}");
            return null;
        }

        var list = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
            else
            {
                problems.Add($"/{property}/{index}: must be a column name (a string), not {Kind(item)}");
            }

            index++;
        }

        return list;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {element.GetRawText()}",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"{element.GetRawText()}",
        _ => "null",
    };

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z][A-Za-z0-9]*(?:\s+[A-Za-z]+)*)\s*(?:\(\s*(?<a>\d{1,9})\s*(?:,\s*(?<b>\d{1,9})\s*)?\))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TypePattern();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();
}
