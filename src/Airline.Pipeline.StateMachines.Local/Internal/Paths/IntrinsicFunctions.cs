using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Paths;

/// <summary>The States.* intrinsic functions, with the argument rules and limits of Step Functions.</summary>
internal static class IntrinsicFunctions
{
    private const int MaxBase64Input = 10_000;
    private const int MaxArrayRange = 1_000;

    public static JData Invoke(string name, JData[] args, Random random) => name switch
    {
        "States.Format" => Format(args),
        "States.StringToJson" => StringToJson(args[0]),
        "States.JsonToString" => new JString(args[0].ToJson()),
        "States.Array" => new JArray(args),
        "States.ArrayPartition" => ArrayPartition(args),
        "States.ArrayContains" => JData.Bool(Array(name, args[0]).Items.ToArray().Any(x => JData.DeepEquals(x, args[1]))),
        "States.ArrayRange" => ArrayRange(args),
        "States.ArrayGetItem" => ArrayGetItem(args),
        "States.ArrayLength" => JNumber.Of(Array(name, args[0]).Count),
        "States.ArrayUnique" => ArrayUnique(Array(name, args[0])),
        "States.Base64Encode" => Base64Encode(args[0]),
        "States.Base64Decode" => Base64Decode(args[0]),
        "States.Hash" => Hash(args),
        "States.JsonMerge" => JsonMerge(args),
        "States.MathRandom" => MathRandom(args, random),
        "States.MathAdd" => JNumber.Of(Integer(name, args[0]) + Integer(name, args[1])),
        "States.StringSplit" => StringSplit(args),
        "States.UUID" => new JString(NewUuid(random)),
        _ => throw Fail($"Unknown intrinsic function {name}."),
    };

    public static string NewUuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(bytes);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private static JString Format(JData[] args)
    {
        if (args[0] is not JString template)
        {
            throw Fail($"States.Format's first argument must be a string template, not {args[0].TypeName}.");
        }

        var sb = new StringBuilder();
        var next = 1;
        var text = template.Value;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{' && i + 1 < text.Length && text[i + 1] == '}')
            {
                if (next >= args.Length)
                {
                    throw Fail($"States.Format template '{text}' has more '{{}}' placeholders than the {args.Length - 1} arguments given.");
                }

                var arg = args[next++];
                sb.Append(arg switch
                {
                    JString s => s.Value,
                    JArray or JObject => throw Fail($"States.Format arguments must be strings, numbers, booleans or null, not {arg.TypeName}."),
                    _ => arg.ToJson(),
                });
                i++;
            }
            else
            {
                sb.Append(text[i]);
            }
        }

        if (next != args.Length)
        {
            throw Fail($"States.Format template '{text}' has {next - 1} '{{}}' placeholders but {args.Length - 1} arguments were given.");
        }

        return new JString(sb.ToString());
    }

    private static JData StringToJson(JData arg)
    {
        var text = String("States.StringToJson", arg);
        try
        {
            return JData.Parse(text);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw Fail($"States.StringToJson could not parse '{text}': {ex.Message}");
        }
    }

    private static JArray ArrayPartition(JData[] args)
    {
        var array = Array("States.ArrayPartition", args[0]);
        var size = Integer("States.ArrayPartition", args[1]);
        if (size <= 0)
        {
            throw Fail($"States.ArrayPartition chunk size must be a positive integer, not {size}.");
        }

        var chunks = new List<JData>();
        for (var i = 0; i < array.Count; i += (int)size)
        {
            chunks.Add(new JArray(array.Items.Slice(i, (int)Math.Min(size, array.Count - i)).ToArray()));
        }

        return new JArray([.. chunks]);
    }

    private static JArray ArrayRange(JData[] args)
    {
        var start = Integer("States.ArrayRange", args[0]);
        var end = Integer("States.ArrayRange", args[1]);
        var step = Integer("States.ArrayRange", args[2]);
        if (step == 0)
        {
            throw Fail("States.ArrayRange step must not be 0.");
        }

        var items = new List<JData>();
        for (var v = start; step > 0 ? v <= end : v >= end; v += step)
        {
            if (items.Count == MaxArrayRange)
            {
                throw Fail($"States.ArrayRange may produce at most {MaxArrayRange} items.");
            }

            items.Add(JNumber.Of(v));
        }

        return new JArray([.. items]);
    }

    private static JData ArrayGetItem(JData[] args)
    {
        var array = Array("States.ArrayGetItem", args[0]);
        var index = Integer("States.ArrayGetItem", args[1]);
        if (index < 0 || index >= array.Count)
        {
            throw Fail($"States.ArrayGetItem index {index} is out of bounds for an array of {array.Count} items.");
        }

        return array[(int)index];
    }

    private static JArray ArrayUnique(JArray array)
    {
        var result = new List<JData>();
        foreach (var item in array.Items)
        {
            if (!result.Any(x => JData.DeepEquals(x, item)))
            {
                result.Add(item);
            }
        }

        return new JArray([.. result]);
    }

    private static JString Base64Encode(JData arg)
    {
        var text = String("States.Base64Encode", arg);
        if (text.Length > MaxBase64Input)
        {
            throw Fail($"States.Base64Encode input may be at most {MaxBase64Input} characters, not {text.Length}.");
        }

        return new JString(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    private static JString Base64Decode(JData arg)
    {
        var text = String("States.Base64Decode", arg);
        if (text.Length > MaxBase64Input)
        {
            throw Fail($"States.Base64Decode input may be at most {MaxBase64Input} characters, not {text.Length}.");
        }

        try
        {
            return new JString(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
        }
        catch (FormatException)
        {
            throw Fail($"States.Base64Decode input '{text}' is not valid Base64.");
        }
    }

    private static JString Hash(JData[] args)
    {
        var data = args[0] is JString s ? s.Value : args[0].ToJson();
        var algorithm = String("States.Hash", args[1]);
        var bytes = Encoding.UTF8.GetBytes(data);
#pragma warning disable CA5351, CA5350 // MD5 and SHA-1 are what the function offers; nothing here is security.
        byte[] hash = algorithm switch
        {
            "MD5" => MD5.HashData(bytes),
            "SHA-1" => SHA1.HashData(bytes),
            "SHA-256" => SHA256.HashData(bytes),
            "SHA-384" => SHA384.HashData(bytes),
            "SHA-512" => SHA512.HashData(bytes),
            _ => throw Fail($"States.Hash algorithm '{algorithm}' is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512."),
        };
#pragma warning restore CA5351, CA5350
        return new JString(Convert.ToHexStringLower(hash));
    }

    private static JObject JsonMerge(JData[] args)
    {
        if (args[0] is not JObject left || args[1] is not JObject right)
        {
            throw Fail($"States.JsonMerge merges two objects, not {args[0].TypeName} and {args[1].TypeName}.");
        }

        if (args[2] is not JBool deep)
        {
            throw Fail($"States.JsonMerge's third argument must be a boolean, not {args[2].TypeName}.");
        }

        if (deep.Value)
        {
            throw Fail("States.JsonMerge supports only shallow merging: pass false as the third argument.");
        }

        var builder = new JObjectBuilder();
        foreach (var (key, value) in left.Properties)
        {
            builder.Set(key, value);
        }

        foreach (var (key, value) in right.Properties)
        {
            builder.Set(key, value);
        }

        return builder.Build();
    }

    private static JNumber MathRandom(JData[] args, Random random)
    {
        var start = Integer("States.MathRandom", args[0]);
        var end = Integer("States.MathRandom", args[1]);
        if (end <= start)
        {
            throw Fail($"States.MathRandom end ({end}) must be greater than start ({start}).");
        }

        var source = args.Length == 3 ? new Random((int)Integer("States.MathRandom", args[2])) : random;
        return JNumber.Of(source.NextInt64(start, end));
    }

    private static JArray StringSplit(JData[] args)
    {
        var text = String("States.StringSplit", args[0]);
        var delimiters = String("States.StringSplit", args[1]).ToCharArray();
        var parts = delimiters.Length == 0 ? [text] : text.Split(delimiters, StringSplitOptions.RemoveEmptyEntries);
        return new JArray([.. parts.Select(p => (JData)new JString(p))]);
    }

    private static JArray Array(string function, JData value) =>
        value as JArray ?? throw Fail($"{function} expects an array, not {value.TypeName} {Short(value)}.");

    private static string String(string function, JData value) =>
        (value as JString)?.Value ?? throw Fail($"{function} expects a string, not {value.TypeName} {Short(value)}.");

    private static long Integer(string function, JData value)
    {
        if (value is JNumber n && n.IsIntegral)
        {
            return (long)n.Value;
        }

        throw Fail($"{function} expects an integer, not {value.TypeName} {Short(value)}.");
    }

    private static string Short(JData value)
    {
        var json = value.ToJson();
        return json.Length > 60 ? string.Concat(json.AsSpan(0, 57), "...") : json;
    }

    private static StatesErrorException Fail(string cause) => new(StatesErrors.IntrinsicFailure, cause);

    internal static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
