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

    private static readonly Dictionary<string, (int Min, int? Max)>.AlternateLookup<ReadOnlySpan<char>> ArityByName =
        new Dictionary<string, (int Min, int? Max)>(AslIntrinsics.Arity, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly record struct Arg(ArgKind Kind, int Start, int Length);

    /// <summary>A list of arguments in a stack buffer, moved to an array past eight.</summary>
    private ref struct ArgList(Span<Arg> buffer)
    {
        private Span<Arg> _buffer = buffer;
        private int _count;

        public readonly ReadOnlySpan<Arg> Items => _buffer[.._count];

        public readonly int Length => _count;

        public void Add(Arg arg)
        {
            if (_count == _buffer.Length)
            {
                var bigger = new Arg[_buffer.Length * 2];
                _buffer.CopyTo(bigger);
                _buffer = bigger;
            }

            _buffer[_count++] = arg;
        }
    }

    public static bool LooksLikeCall(ReadOnlySpan<char> text) => text.StartsWith("States.", StringComparison.Ordinal);

    /// <summary>Null when the call is valid, else the reason.</summary>
    public static string? Check(ReadOnlySpan<char> text)
    {
        var i = 0;
        var error = Call(text, ref i);
        if (error is null && i != text.Length)
        {
            error = $"unexpected '{text[i]}' at {i} after the call";
        }

        return error;
    }

    private static string? Call(ReadOnlySpan<char> text, ref int i)
    {
        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        var name = text[start..i];
        if (!ArityByName.TryGetValue(name, out var arity))
        {
            return $"'{name}' is not an intrinsic function; use one of {string.Join(", ", AslIntrinsics.Arity.Keys)}";
        }

        if (i >= text.Length || text[i] != '(')
        {
            return $"'(' must follow {name}";
        }

        i++;
        // Arguments as kinds and ranges of the text: no string or list per call.
        Span<Arg> initial = stackalloc Arg[8];
        var args = new ArgList(initial);
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
                var error = Argument(text, ref i, out var kind, out var argStart);
                if (error is not null)
                {
                    return error;
                }

                args.Add(new Arg(kind, argStart, i - argStart));
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

        if (args.Length < arity.Min || (arity.Max is { } max && args.Length > max))
        {
            var expected = arity.Max == arity.Min ? $"{arity.Min}" : arity.Max is null ? $"at least {arity.Min}" : $"{arity.Min} to {arity.Max}";
            return $"{name} takes {expected} argument(s), not {args.Length}";
        }

        return ArgumentTypes(name, args.Items, text);
    }

    private static string? ArgumentTypes(ReadOnlySpan<char> name, ReadOnlySpan<Arg> args, ReadOnlySpan<char> text)
    {
        static bool Dynamic(ArgKind kind) => kind is ArgKind.Path or ArgKind.Call;
        static bool Is(ReadOnlySpan<Arg> args, int index, ArgKind kind) => Dynamic(args[index].Kind) || args[index].Kind == kind;
        switch (name)
        {
            case "States.MathAdd" or "States.MathRandom" or "States.ArrayRange":
                for (var k = 0; k < args.Length; k++)
                {
                    if (!Is(args, k, ArgKind.Number))
                    {
                        return $"{name} takes numbers (or paths), not {Text(text, args[k])}";
                    }

                    if (args[k].Kind == ArgKind.Number && text.Slice(args[k].Start, args[k].Length).Contains('.') && !name.SequenceEqual("States.MathAdd"))
                    {
                        return $"{name} takes integers, not {Text(text, args[k])}";
                    }
                }

                break;
            case "States.ArrayPartition" or "States.ArrayGetItem" when !Is(args, 1, ArgKind.Number):
                return $"the second argument of {name} is an integer, not {Text(text, args[1])}";
            case "States.Hash" when !Is(args, 1, ArgKind.String):
                return $"the second argument of States.Hash is the algorithm ('SHA-256'...), not {Text(text, args[1])}";
            case "States.Hash" when args[1].Kind == ArgKind.String && !AslIntrinsics.HashAlgorithms.Contains(Unquote(Text(text, args[1]))):
                return $"States.Hash supports {string.Join(", ", AslIntrinsics.HashAlgorithms)}, not {Text(text, args[1])}";
            case "States.JsonMerge" when !Is(args, 2, ArgKind.Boolean) || Text(text, args[2]) == "true":
                return "the third argument of States.JsonMerge must be false (deep merge is not supported)";
            case "States.Format" when !Is(args, 0, ArgKind.String):
                return $"the first argument of States.Format is the template string, not {Text(text, args[0])}";
            case "States.StringToJson" or "States.Base64Encode" or "States.Base64Decode" or "States.StringSplit" when !Is(args, 0, ArgKind.String):
                return $"{name} takes a string (or a path), not {Text(text, args[0])}";
            case "States.ArrayLength" or "States.ArrayUnique" or "States.ArrayContains" or "States.ArrayPartition" or "States.ArrayGetItem"
                when !Dynamic(args[0].Kind):
                return $"the first argument of {name} is an array path, not {Text(text, args[0])}";
        }

        return null;
    }

    private static string Text(ReadOnlySpan<char> text, Arg arg) => text.Slice(arg.Start, arg.Length).ToString();

    private static string Unquote(string literal) =>
        literal.Length >= 2 ? literal[1..^1].Replace("\\'", "'", StringComparison.Ordinal) : literal;

    private static string? Argument(ReadOnlySpan<char> text, ref int i, out ArgKind kind, out int start)
    {
        start = i;
        kind = ArgKind.Null;
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

            if (!double.TryParse(text[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return $"'{text[start..i]}' is not a number";
            }

            kind = ArgKind.Number;
        }
        else if (text[i..].StartsWith("States.", StringComparison.Ordinal))
        {
            var error = Call(text, ref i);
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

        return null;
    }

    private static bool Word(ReadOnlySpan<char> text, ref int i, string word)
    {
        if (text[i..].StartsWith(word, StringComparison.Ordinal))
        {
            i += word.Length;
            return true;
        }

        return false;
    }

    private static void SkipSpaces(ReadOnlySpan<char> text, ref int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
    }
}
