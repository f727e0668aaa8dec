namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>What a path field may contain.</summary>
internal enum PathKind
{
    /// <summary>Any JSONPath: wildcards, filters, slices, deep scan (Parameters <c>.$</c>, ItemsPath...).</summary>
    Path,

    /// <summary>A reference path: one node only (InputPath, Variable, *Path fields): names and indexes.</summary>
    Reference,

    /// <summary>ResultPath: a reference path into the state input; no context object, no variables.</summary>
    Result,
}

/// <summary>A syntax check of JSONPath as Step Functions accepts it. Returns null when valid, else the reason.</summary>
internal static class JsonPathSyntax
{
    public static string? Check(ReadOnlySpan<char> path, PathKind kind)
    {
        if (path.Length == 0 || path[0] != '$')
        {
            return "a path starts with '$' (the input), '$$' (the context object) or '$name' (a variable)";
        }

        var i = 1;
        if (i < path.Length && path[i] == '$')
        {
            if (kind == PathKind.Result)
            {
                return "ResultPath cannot point into the context object ('$$')";
            }

            i++;
        }
        else if (i < path.Length && IsIdentifierStart(path[i]))
        {
            if (kind == PathKind.Result)
            {
                return "ResultPath cannot name a variable; use Assign to set variables";
            }

            while (i < path.Length && IsIdentifierPart(path[i]))
            {
                i++;
            }
        }

        while (i < path.Length)
        {
            var c = path[i];
            if (c == '.')
            {
                i++;
                if (i < path.Length && path[i] == '.')
                {
                    if (kind != PathKind.Path)
                    {
                        return "a reference path cannot use deep scan '..'";
                    }

                    i++;
                    if (i < path.Length && path[i] == '[')
                    {
                        continue;
                    }
                }

                if (i >= path.Length)
                {
                    return "a name must follow '.'";
                }

                if (path[i] == '*')
                {
                    if (kind != PathKind.Path)
                    {
                        return "a reference path cannot use the wildcard '*'";
                    }

                    i++;
                    continue;
                }

                var start = i;
                while (i < path.Length && path[i] is not ('.' or '[' or ']') && !char.IsWhiteSpace(path[i]))
                {
                    if (path[i] == '(' )
                    {
                        // A function call such as .length() ends the path.
                        if (kind != PathKind.Path || path[i..] is not "()")
                        {
                            return $"unexpected '(' at {i}";
                        }

                        i = path.Length;
                        break;
                    }

                    i++;
                }

                if (i == start)
                {
                    return $"a name must follow '.' at {start}";
                }
            }
            else if (c == '[')
            {
                var error = Bracket(path, ref i, kind);
                if (error is not null)
                {
                    return error;
                }
            }
            else
            {
                return $"unexpected '{c}' at {i}; use '.name' or '[...]'";
            }
        }

        return null;
    }

    private static string? Bracket(ReadOnlySpan<char> path, ref int i, PathKind kind)
    {
        var open = i;
        i++;
        if (i >= path.Length)
        {
            return "'[' is not closed";
        }

        if (path[i] is '?' or '(')
        {
            if (kind != PathKind.Path)
            {
                return "a reference path cannot use a filter '[?(...)]' or script '[(...)]'";
            }

            i += path[i] == '?' ? 1 : 0;
            if (i >= path.Length || path[i] != '(')
            {
                return "a filter is written '[?(@.field == value)]'";
            }

            var depth = 0;
            for (; i < path.Length; i++)
            {
                var c = path[i];
                if (c is '\'' or '"')
                {
                    var quote = c;
                    for (i++; i < path.Length && path[i] != quote; i++)
                    {
                        if (path[i] == '\\')
                        {
                            i++;
                        }
                    }
                }
                else if (c == '(')
                {
                    depth++;
                }
                else if (c == ')' && --depth == 0)
                {
                    i++;
                    break;
                }
            }

            if (depth != 0 || i >= path.Length || path[i] != ']')
            {
                return $"the filter opened at {open} is not closed with ')]'";
            }

            i++;
            return null;
        }

        var items = 0;
        while (true)
        {
            SkipSpaces(path, ref i);
            if (i >= path.Length)
            {
                return $"'[' at {open} is not closed";
            }

            var c = path[i];
            if (c is '\'' or '"')
            {
                var quote = c;
                for (i++; i < path.Length && path[i] != quote; i++)
                {
                    if (path[i] == '\\')
                    {
                        i++;
                    }
                }

                if (i >= path.Length)
                {
                    return $"the quoted name at {open} is not closed";
                }

                i++;
            }
            else if (c == '*')
            {
                if (kind != PathKind.Path)
                {
                    return "a reference path cannot use the wildcard '[*]'";
                }

                i++;
            }
            else if (c is '-' or ':' || char.IsAsciiDigit(c))
            {
                var start = i;
                var colons = 0;
                while (i < path.Length && (path[i] is '-' or ':' || char.IsAsciiDigit(path[i])))
                {
                    colons += path[i] == ':' ? 1 : 0;
                    i++;
                }

                var text = path.Slice(start, i - start);
                if (colons > 0 && kind != PathKind.Path)
                {
                    return "a reference path cannot use a slice '[a:b]'";
                }

                if (colons > 2 || text.Contains("--", StringComparison.Ordinal) || text is "-" || text.EndsWith("-"))
                {
                    return $"'{text}' is not an index or slice";
                }
            }
            else
            {
                return $"unexpected '{c}' at {i} inside '[...]'";
            }

            items++;
            SkipSpaces(path, ref i);
            if (i < path.Length && path[i] == ',')
            {
                if (kind != PathKind.Path)
                {
                    return "a reference path cannot select several items '[a,b]'";
                }

                i++;
                continue;
            }

            if (i < path.Length && path[i] == ']')
            {
                i++;
                return items > 0 ? null : "empty '[]'";
            }

            return $"'[' at {open} is not closed";
        }
    }

    private static void SkipSpaces(ReadOnlySpan<char> path, ref int i)
    {
        while (i < path.Length && path[i] == ' ')
        {
            i++;
        }
    }

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
