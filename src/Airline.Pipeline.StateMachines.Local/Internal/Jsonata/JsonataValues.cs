using System.Globalization;
using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Jsonata;

/// <summary>JSONata's value rules: sequences, flattening, truthiness and string conversion.</summary>
internal static class JsonataValues
{
    public static List<JData> AsList(JData? value) => value switch
    {
        null => [],
        JsonataSequence seq => seq.Items,
        JArray arr => [.. arr.Items],
        _ => [value],
    };

    public static void AddFlattened(List<JData> results, JData? value)
    {
        switch (value)
        {
            case null:
                break;
            case JsonataSequence seq:
                results.AddRange(seq.Items);
                break;
            case JArray arr:
                results.AddRange(arr.Items);
                break;
            default:
                results.Add(value);
                break;
        }
    }

    /// <summary>0 results are undefined, 1 is the value itself, more are a sequence.</summary>
    public static JData? Sequence(List<JData> items) => items.Count switch
    {
        0 => null,
        1 => items[0],
        _ => new JsonataSequence(items),
    };

    public static JData Materialize(JData value) => value is JsonataSequence seq ? seq.Collapse() ?? JData.Null : value;

    /// <summary>$boolean: false for false, 0, "", null, empty arrays and objects and undefined.</summary>
    public static bool Truthy(JData? value) => value switch
    {
        null or JNull => false,
        JBool b => b.Value,
        JNumber n => n.Value != 0,
        JString s => s.Value.Length > 0,
        JArray a => a.Items.ToArray().Any(Truthy),
        JsonataSequence seq => seq.Items.Any(Truthy),
        JObject o => o.Count > 0,
        _ => false,
    };

    /// <summary>$string: strings as they are, numbers in shortest form, everything else as JSON.</summary>
    public static string ToText(JData? value) => value switch
    {
        null => string.Empty,
        JString s => s.Value,
        JNumber n => FormatNumber(n.Value),
        _ => Materialize(value).ToJson(),
    };

    public static string FormatNumber(double value) =>
        Math.Floor(value) == value && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
}
