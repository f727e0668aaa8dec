using System.Globalization;
using System.Text;
using Airline.Pipeline.StateMachines.Local.Internal.Json;
using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Local.Internal.Paths;

/// <summary>An argument of an intrinsic function: a literal, a path or a nested call.</summary>
internal abstract class IntrinsicArgument
{
    public abstract JData Evaluate(in PathScope scope);
}

internal sealed class LiteralArgument(JData value) : IntrinsicArgument
{
    public override JData Evaluate(in PathScope scope) => value;
}

internal sealed class PathArgument(JsonPath path) : IntrinsicArgument
{
    public override JData Evaluate(in PathScope scope) => scope.Select(path, "an intrinsic function argument");
}

/// <summary>A parsed <c>States.Name(arg, ...)</c> call.</summary>
internal sealed class IntrinsicCall : IntrinsicArgument
{
    // Names and arities come from the ASL package, so the validator and the interpreter accept the same calls.
    private static IReadOnlyDictionary<string, (int Min, int? Max)> Arity => AslIntrinsics.Arity;

    private IntrinsicCall(string name, IntrinsicArgument[] arguments)
    {
        Name = name;
        Arguments = arguments;
    }

    public string Name { get; }

    public IntrinsicArgument[] Arguments { get; }

    private static string ArgumentCount((int Min, int? Max) arity) => arity switch
    {
        (var min, null) => $"{min} or more",
        (var min, var max) when min == max => min.ToString(CultureInfo.InvariantCulture),
        (var min, var max) => $"{min} to {max}",
    };

    public static bool LooksLikeCall(string text) => text.StartsWith("States.", StringComparison.Ordinal);

    public static IntrinsicCall Parse(string text)
    {
        var pos = 0;
        var call = ParseCall(text, ref pos);
        SkipSpaces(text, ref pos);
        if (pos != text.Length)
        {
            throw new PathSyntaxException($"Invalid intrinsic function '{text}' at position {pos + 1}: unexpected text after the call.", pos);
        }

        return call;
    }

    private static IntrinsicCall ParseCall(string text, ref int pos)
    {
        var start = pos;
        while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '.'))
        {
            pos++;
        }

        var name = text[start..pos];
        if (!Arity.TryGetValue(name, out var arity))
        {
            throw new PathSyntaxException($"Unknown intrinsic function '{name}' in '{text}' at position {start + 1}; known: {string.Join(", ", Arity.Keys)}.", start);
        }

        SkipSpaces(text, ref pos);
        if (pos >= text.Length || text[pos] != '(')
        {
            throw new PathSyntaxException($"Invalid intrinsic function '{text}' at position {pos + 1}: '(' is expected.", pos);
        }

        pos++;
        var args = new List<IntrinsicArgument>();
        SkipSpaces(text, ref pos);
        if (pos < text.Length && text[pos] == ')')
        {
            pos++;
        }
        else
        {
            while (true)
            {
                SkipSpaces(text, ref pos);
                args.Add(ParseArgument(text, ref pos));
                SkipSpaces(text, ref pos);
                if (pos < text.Length && text[pos] == ',')
                {
                    pos++;
                    continue;
                }

                if (pos < text.Length && text[pos] == ')')
                {
                    pos++;
                    break;
                }

                throw new PathSyntaxException($"Invalid intrinsic function '{text}' at position {pos + 1}: ',' or ')' is expected.", pos);
            }
        }

        if (args.Count < arity.Min || args.Count > (arity.Max ?? int.MaxValue))
        {
            throw new PathSyntaxException($"Intrinsic function {name} in '{text}' takes {ArgumentCount(arity)} arguments, not {args.Count}.", start);
        }

        return new IntrinsicCall(name, [.. args]);
    }

    private static IntrinsicArgument ParseArgument(string text, ref int pos)
    {
        var c = pos < text.Length ? text[pos] : '\0';
        if (c == '\'')
        {
            pos++;
            var sb = new StringBuilder();
            while (pos < text.Length && text[pos] != '\'')
            {
                if (text[pos] == '\\' && pos + 1 < text.Length)
                {
                    pos++;
                }

                sb.Append(text[pos++]);
            }

            if (pos >= text.Length)
            {
                throw new PathSyntaxException($"Invalid intrinsic function '{text}': unterminated string literal.", pos);
            }

            pos++;
            return new LiteralArgument(new JString(sb.ToString()));
        }

        if (c == '$')
        {
            return new PathArgument(PathParser.ParsePrefix(text, ref pos));
        }

        if (text.AsSpan(pos).StartsWith("States.", StringComparison.Ordinal))
        {
            return ParseCall(text, ref pos);
        }

        foreach (var (word, value) in new (string, JData)[] { ("true", JData.True), ("false", JData.False), ("null", JData.Null) })
        {
            if (text.AsSpan(pos).StartsWith(word, StringComparison.Ordinal))
            {
                pos += word.Length;
                return new LiteralArgument(value);
            }
        }

        var start = pos;
        while (pos < text.Length && (char.IsDigit(text[pos]) || text[pos] is '-' or '.' or 'e' or 'E' or '+'))
        {
            pos++;
        }

        if (pos == start)
        {
            throw new PathSyntaxException($"Invalid intrinsic function '{text}' at position {pos + 1}: an argument (a 'string', a number, true, false, null, a path or a States.* call) is expected.", pos);
        }

        return new LiteralArgument(JNumber.FromRaw(text[start..pos]));
    }

    private static void SkipSpaces(string text, ref int pos)
    {
        while (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }
    }

    public override JData Evaluate(in PathScope scope)
    {
        var values = new JData[Arguments.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Arguments[i].Evaluate(scope);
        }

        return IntrinsicFunctions.Invoke(Name, values, scope.Random);
    }
}
