using System.Globalization;
using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>Parses intrinsic function calls such as <c>States.Format('{} {}', $.a, States.UUID())</c>.</summary>
internal static class IntrinsicSyntax
{
    private enum ArgKind
    {
        String,
        Number,
        Boolean,
        Null,
        Path,
        Call,
    }

    public static bool LooksLikeCall(string text) => text.StartsWith("States.", StringComparison.Ordinal);

    /// <summary>Null when the call is valid, else the reason.</summary>
    public static string? Check(string text)
    {
        var i = 0;
        var error = Call(text, ref i, out _);
        if (error is null && i != text.Length)
        {
            error = $"unexpected '{text[i]}' at {i} after the call";
        }

        return error;
    }

    private static string? Call(string text, ref int i, out string name)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        name = text[start..i];
        if (!AslIntrinsics.Arity.TryGetValue(name, out var arity))
        {
            return $"'{name}' is not an intrinsic function; use one of {string.Join(", ", AslIntrinsics.Arity.Keys)}";
        }

        if (i >= text.Length || text[i] != '(')
        {
            return $"'(' must follow {name}";
        }

        i++;
        var args = new List<(ArgKind Kind, string Text)>();
        SkipSpaces(text, ref i);
        if (i < text.Length && text[i] == ')')
        {
            i++;
        }
        else
        {
            while (true)
            {
                SkipSpaces(text, ref i);
                var error = Argument(text, ref i, out var kind, out var argText);
                if (error is not null)
                {
                    return error;
                }

                args.Add((kind, argText));
                SkipSpaces(text, ref i);
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    continue;
                }

                if (i < text.Length && text[i] == ')')
                {
                    i++;
                    break;
                }

                return $"expected ',' or ')' at {i} in {name}";
            }
        }

        if (args.Count < arity.Min || (arity.Max is { } max && args.Count > max))
        {
            var expected = arity.Max == arity.Min ? $"{arity.Min}" : arity.Max is null ? $"at least {arity.Min}" : $"{arity.Min} to {arity.Max}";
            return $"{name} takes {expected} argument(s), not {args.Count}";
        }

        return ArgumentTypes(name, args);
    }

    private static string? ArgumentTypes(string name, List<(ArgKind Kind, string Text)> args)
    {
        static bool Dynamic(ArgKind kind) => kind is ArgKind.Path or ArgKind.Call;
        bool Is(int index, ArgKind kind) => Dynamic(args[index].Kind) || args[index].Kind == kind;
        switch (name)
        {
            case "States.MathAdd" or "States.MathRandom" or "States.ArrayRange":
                for (var k = 0; k < args.Count; k++)
                {
                    if (!Is(k, ArgKind.Number))
                    {
                        return $"{name} takes numbers (or paths), not {args[k].Text}";
                    }

                    if (args[k].Kind == ArgKind.Number && args[k].Text.Contains('.', StringComparison.Ordinal) && name != "States.MathAdd")
                    {
                        return $"{name} takes integers, not {args[k].Text}";
                    }
                }

                break;
            case "States.ArrayPartition" or "States.ArrayGetItem" when !Is(1, ArgKind.Number):
                return $"the second argument of {name} is an integer, not {args[1].Text}";
            case "States.Hash" when !Is(1, ArgKind.String):
                return $"the second argument of States.Hash is the algorithm ('SHA-256'...), not {args[1].Text}";
            case "States.Hash" when args[1].Kind == ArgKind.String && !AslIntrinsics.HashAlgorithms.Contains(Unquote(args[1].Text)):
                return $"States.Hash supports {string.Join(", ", AslIntrinsics.HashAlgorithms)}, not {args[1].Text}";
            case "States.JsonMerge" when !Is(2, ArgKind.Boolean) || args[2].Text == "true":
                return "the third argument of States.JsonMerge must be false (deep merge is not supported)";
            case "States.Format" when !Is(0, ArgKind.String):
                return $"the first argument of States.Format is the template string, not {args[0].Text}";
            case "States.StringToJson" or "States.Base64Encode" or "States.Base64Decode" or "States.StringSplit" when !Is(0, ArgKind.String):
                return $"{name} takes a string (or a path), not {args[0].Text}";
            case "States.ArrayLength" or "States.ArrayUnique" or "States.ArrayContains" or "States.ArrayPartition" or "States.ArrayGetItem"
                when !Dynamic(args[0].Kind):
                return $"the first argument of {name} is an array path, not {args[0].Text}";
        }

        return null;
    }

    private static string Unquote(string literal) =>
        literal.Length >= 2 ? literal[1..^1].Replace("\\'", "'", StringComparison.Ordinal) : literal;

    private static string? Argument(string text, ref int i, out ArgKind kind, out string argText)
    {
        var start = i;
        kind = ArgKind.Null;
        argText = string.Empty;
        if (i >= text.Length)
        {
            return "the call is not closed with ')'";
        }

        var c = text[i];
        if (c == '\'')
        {
            for (i++; i < text.Length && text[i] != '\''; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                }
            }

            if (i >= text.Length)
            {
                return $"the string starting at {start} is not closed with '";
            }

            i++;
            kind = ArgKind.String;
        }
        else if (c == '$')
        {
            var depth = 0;
            while (i < text.Length)
            {
                var ch = text[i];
                if (ch is '[' or '(')
                {
                    depth++;
                }
                else if (ch is ']' || (ch == ')' && depth > 0))
                {
                    depth--;
                }
                else if (depth == 0 && ch is ',' or ')')
                {
                    break;
                }
                else if (ch == '\'')
                {
                    for (i++; i < text.Length && text[i] != '\''; i++)
                    {
                    }
                }

                i++;
            }

            var path = text[start..i].TrimEnd();
            if (JsonPathSyntax.Check(path, PathKind.Path) is { } pathError)
            {
                return $"argument {path}: {pathError}";
            }

            kind = ArgKind.Path;
        }
        else if (c is '-' || char.IsAsciiDigit(c))
        {
            i++;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or 'e' or 'E' or '+' or '-'))
            {
                i++;
            }

            if (!double.TryParse(text.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return $"'{text[start..i]}' is not a number";
            }

            kind = ArgKind.Number;
        }
        else if (text.AsSpan(i).StartsWith("States.", StringComparison.Ordinal))
        {
            var error = Call(text, ref i, out _);
            if (error is not null)
            {
                return error;
            }

            kind = ArgKind.Call;
        }
        else if (Word(text, ref i, "true") || Word(text, ref i, "false"))
        {
            kind = ArgKind.Boolean;
        }
        else if (Word(text, ref i, "null"))
        {
            kind = ArgKind.Null;
        }
        else
        {
            return $"unexpected '{c}' at {i}: an argument is a 'string', a number, true, false, null, a path or a call";
        }

        argText = text[start..i];
        return null;
    }

    private static bool Word(string text, ref int i, string word)
    {
        if (text.AsSpan(i).StartsWith(word, StringComparison.Ordinal))
        {
            i += word.Length;
            return true;
        }

        return false;
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
    }
}
