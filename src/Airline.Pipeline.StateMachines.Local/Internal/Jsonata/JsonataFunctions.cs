using System.Globalization;
using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;
using Airline.Pipeline.StateMachines.Local.Internal.Paths;

namespace Airline.Pipeline.StateMachines.Local.Internal.Jsonata;

/// <summary>The supported JSONata functions, including Step Functions' own ($partition, $range, $hash, $random, $uuid, $parse).</summary>
internal static class JsonataFunctions
{
    private static readonly Dictionary<string, (int Min, int Max)> Arity = new(StringComparer.Ordinal)
    {
        ["string"] = (1, 1), ["number"] = (1, 1), ["boolean"] = (1, 1), ["exists"] = (1, 1),
        ["count"] = (1, 1), ["sum"] = (1, 1), ["max"] = (1, 1), ["min"] = (1, 1),
        ["length"] = (1, 1), ["substring"] = (2, 3), ["uppercase"] = (1, 1), ["lowercase"] = (1, 1),
        ["join"] = (1, 2), ["split"] = (2, 3), ["contains"] = (2, 2),
        ["now"] = (0, 0), ["millis"] = (0, 0), ["uuid"] = (0, 0),
        ["partition"] = (2, 2), ["range"] = (3, 3), ["hash"] = (1, 2), ["random"] = (0, 1), ["parse"] = (1, 1),
    };

    public static string SupportedList => string.Join(", ", Arity.Keys.Select(k => "$" + k));

    public static bool IsSupported(string name) => Arity.ContainsKey(name);

    public static void CheckArity(string name, int count, int position)
    {
        var (min, max) = Arity[name];
        if (count < min || count > max)
        {
            throw new JsonataSyntaxException($"${name} takes {(min == max ? min.ToString(CultureInfo.InvariantCulture) : $"{min} to {max}")} arguments, not {count}", position);
        }
    }

    public static JData? Invoke(string name, JData?[] args, JsonataEnvironment environment, int position)
    {
        JsonataEvaluationException Fail(string message) => new($"${name}: {message}", position);

        string Text(int i)
        {
            return args[i] switch
            {
                JString s => s.Value,
                null => throw Fail($"argument {i + 1} is undefined"),
                var other => throw Fail($"argument {i + 1} must be a string, not {other.TypeName}"),
            };
        }

        double Number(int i)
        {
            return args[i] switch
            {
                JNumber n => n.Value,
                null => throw Fail($"argument {i + 1} is undefined"),
                var other => throw Fail($"argument {i + 1} must be a number, not {other.TypeName}"),
            };
        }

        List<double> Numbers(JData? value) => [.. JsonataValues.AsList(value).Select(v => v is JNumber n ? n.Value : throw Fail($"expects numbers, found {v.TypeName}"))];

        switch (name)
        {
            case "string":
                return args[0] is null ? null : new JString(JsonataValues.ToText(args[0]));
            case "number":
                return args[0] switch
                {
                    null => null,
                    JNumber n => n,
                    JBool b => JNumber.Of(b.Value ? 1 : 0),
                    JString s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => JNumber.Of(parsed),
                    var other => throw Fail($"cannot convert {other.ToJson()} to a number"),
                };
            case "boolean":
                return args[0] is null ? null : JData.Bool(JsonataValues.Truthy(args[0]));
            case "exists":
                return JData.Bool(args[0] is not null);
            case "count":
                return JNumber.Of(JsonataValues.AsList(args[0]).Count);
            case "sum":
                return args[0] is null ? null : JNumber.Of(Numbers(args[0]).Sum());
            case "max":
                {
                    var values = Numbers(args[0]);
                    return values.Count == 0 ? null : JNumber.Of(values.Max());
                }

            case "min":
                {
                    var values = Numbers(args[0]);
                    return values.Count == 0 ? null : JNumber.Of(values.Min());
                }

            case "length":
                return args[0] is null ? null : JNumber.Of(new System.Globalization.StringInfo(Text(0)).LengthInTextElements);
            case "substring":
                {
                    if (args[0] is null)
                    {
                        return null;
                    }

                    var text = Text(0);
                    var start = (int)Number(1);
                    if (start < 0)
                    {
                        start = Math.Max(0, text.Length + start);
                    }

                    start = Math.Min(start, text.Length);
                    var length = args.Length > 2 ? Math.Max(0, (int)Number(2)) : text.Length - start;
                    return new JString(text.Substring(start, Math.Min(length, text.Length - start)));
                }

            case "uppercase":
                return args[0] is null ? null : new JString(Text(0).ToUpperInvariant());
            case "lowercase":
                return args[0] is null ? null : new JString(Text(0).ToLowerInvariant());
            case "join":
                {
                    if (args[0] is null)
                    {
                        return null;
                    }

                    var parts = JsonataValues.AsList(args[0]).Select(v => v is JString s ? s.Value : throw Fail($"joins strings, found {v.TypeName}"));
                    return new JString(string.Join(args.Length > 1 ? Text(1) : string.Empty, parts));
                }

            case "split":
                {
                    if (args[0] is null)
                    {
                        return null;
                    }

                    var text = Text(0);
                    var separator = args[1] is JString ? Text(1) : throw Fail("the separator must be a string (regular expressions are outside the supported subset)");
                    var pieces = separator.Length == 0 ? text.Select(c => c.ToString()).ToArray() : text.Split(separator);
                    if (args.Length > 2)
                    {
                        pieces = [.. pieces.Take((int)Number(2))];
                    }

                    return new JArray([.. pieces.Select(p => (JData)new JString(p))]);
                }

            case "contains":
                return args[0] is null ? null : JData.Bool(Text(0).Contains(args[1] is JString ? Text(1) : throw Fail("the pattern must be a string (regular expressions are outside the supported subset)"), StringComparison.Ordinal));
            case "now":
                return new JString(ExecutionRun.FormatTime(environment.Now()));
            case "millis":
                return JNumber.Of(environment.Now().ToUnixTimeMilliseconds());
            case "uuid":
                return new JString(IntrinsicFunctions.NewUuid(environment.Random));
            case "partition":
                {
                    var items = JsonataValues.AsList(args[0]);
                    var size = (int)Number(1);
                    if (size <= 0)
                    {
                        throw Fail("the chunk size must be a positive integer");
                    }

                    return new JArray([.. items.Chunk(size).Select(chunk => (JData)new JArray(chunk))]);
                }

            case "range":
                {
                    var start = Number(0);
                    var end = Number(1);
                    var step = Number(2);
                    if (step == 0)
                    {
                        throw Fail("the step must not be 0");
                    }

                    var values = new List<JData>();
                    for (var v = start; step > 0 ? v <= end : v >= end; v += step)
                    {
                        if (values.Count == 1000)
                        {
                            throw Fail("the range may have at most 1000 items");
                        }

                        values.Add(JNumber.Of(v));
                    }

                    return new JArray([.. values]);
                }

            case "hash":
                {
                    var data = args[0] is JString s ? s.Value : JsonataValues.ToText(args[0]);
                    var algorithm = args.Length > 1 ? Text(1) : "SHA-256";
                    try
                    {
                        return IntrinsicFunctions.Invoke("States.Hash", [new JString(data), new JString(algorithm)], environment.Random);
                    }
                    catch (StatesErrorException ex)
                    {
                        throw Fail(ex.Cause ?? ex.Message);
                    }
                }

            case "random":
                return JNumber.Of(args.Length > 0 && args[0] is not null ? new Random((int)Number(0)).NextDouble() : environment.Random.NextDouble());
            case "parse":
                try
                {
                    return JData.Parse(Text(0));
                }
                catch (System.Text.Json.JsonException ex)
                {
                    throw Fail($"'{Text(0)}' is not JSON: {ex.Message}");
                }

            default:
                throw Fail("is not supported");
        }
    }
}
