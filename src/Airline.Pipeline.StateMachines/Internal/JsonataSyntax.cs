namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>
/// Checks <c>{% expression %}</c> strings: the surround (one space inside each delimiter, one line, as
/// asl-validator requires) and the expression's token structure: balanced brackets, every operator between
/// operands, no JSONPath filter syntax. It is a structural check, not a full JSONata parser.
/// </summary>
internal static class JsonataSyntax
{
    public static bool IsExpression(string value) =>
        value.StartsWith("{%", StringComparison.Ordinal) || value.EndsWith("%}", StringComparison.Ordinal);

    /// <summary>Null when valid, else the reason.</summary>
    public static string? Check(string value)
    {
        if (!value.StartsWith("{% ", StringComparison.Ordinal) || !value.EndsWith(" %}", StringComparison.Ordinal) || value.Length < 7)
        {
            return "a JSONata expression is written \"{% expression %}\" with one space inside each delimiter";
        }

        var body = value[3..^3];
        if (body.AsSpan().IndexOfAny('\n', '\r') >= 0 || body.Trim().Length == 0)
        {
            return "a JSONata expression must be one non-empty line between \"{% \" and \" %}\"";
        }

        return CheckExpression(body);
    }

    private static string? CheckExpression(string text)
    {
        var stack = new Stack<char>();
        var expectOperand = true;
        var previous = '\0';
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return "a comment '/*' is not closed";
                }

                i = end + 2;
                continue;
            }

            if (expectOperand)
            {
                switch (c)
                {
                    case '"' or '\'' or '`':
                        if (!SkipQuoted(text, ref i))
                        {
                            return $"the string starting at {i} is not closed";
                        }

                        expectOperand = false;
                        break;
                    case '/':
                        if (!SkipQuoted(text, ref i))
                        {
                            return "a regular expression '/' is not closed";
                        }

                        while (i < text.Length && char.IsAsciiLetter(text[i]))
                        {
                            i++;
                        }

                        expectOperand = false;
                        break;
                    case '$':
                        i++;
                        if (i < text.Length && text[i] == '$')
                        {
                            i++;
                        }

                        SkipName(text, ref i);
                        expectOperand = false;
                        break;
                    case '(' or '[' or '{':
                        stack.Push(c);
                        i++;
                        break;
                    case ')' or ']' or '}':
                        if (previous != Opener(c))
                        {
                            return $"an operand is missing before '{c}' at {i}";
                        }

                        stack.Pop();
                        i++;
                        expectOperand = false;
                        break;
                    case '-' or '|':
                        i++;
                        break;
                    case '*' or '%':
                        i += i + 1 < text.Length && text[i + 1] == '*' ? 2 : 1;
                        expectOperand = false;
                        break;
                    default:
                        if (char.IsAsciiDigit(c))
                        {
                            SkipNumber(text, ref i);
                        }
                        else if (char.IsLetter(c) || c == '_' || c == 'λ')
                        {
                            SkipName(text, ref i);
                        }
                        else
                        {
                            return $"'{c}' at {i} needs an operand before it";
                        }

                        expectOperand = false;
                        break;
                }
            }
            else
            {
                switch (c)
                {
                    case '(' or '[' or '{':
                        stack.Push(c);
                        i++;
                        expectOperand = true;
                        break;
                    case ')' or ']' or '}':
                        if (stack.Count == 0 || stack.Pop() != Opener(c))
                        {
                            return $"'{c}' at {i} does not close an open bracket";
                        }

                        i++;
                        break;
                    case ',' or ';':
                        if (stack.Count == 0 && c == ',')
                        {
                            return $"',' at {i} outside a list";
                        }

                        i++;
                        expectOperand = true;
                        break;
                    default:
                        var length = OperatorLength(text, i);
                        if (length == 0)
                        {
                            return $"an operator is missing before '{text[i..Math.Min(text.Length, i + 10)]}' at {i}";
                        }

                        i += length;
                        expectOperand = true;
                        break;
                }
            }

            previous = c;
        }

        if (stack.Count > 0)
        {
            return $"'{stack.Peek()}' is not closed";
        }

        return expectOperand ? "the expression ends with an operator" : null;
    }

    private static char Opener(char closer) => closer switch { ')' => '(', ']' => '[', _ => '{' };

    private static int OperatorLength(string text, int i)
    {
        ReadOnlySpan<string> two = ["!=", "<=", ">=", "~>", ":=", "..", "**", "?:", "??"];
        foreach (var op in two)
        {
            if (text.AsSpan(i).StartsWith(op, StringComparison.Ordinal))
            {
                return 2;
            }
        }

        if ("+-*/%=<>&.?:@#^|".Contains(text[i], StringComparison.Ordinal))
        {
            return 1;
        }

        foreach (var word in (ReadOnlySpan<string>)["and", "or", "in"])
        {
            var end = i + word.Length;
            if (text.AsSpan(i).StartsWith(word, StringComparison.Ordinal) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return word.Length;
            }
        }

        return 0;
    }

    private static bool SkipQuoted(string text, ref int i)
    {
        var quote = text[i];
        for (i++; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote)
            {
                i++;
                return true;
            }
        }

        return false;
    }

    private static void SkipName(string text, ref int i)
    {
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or 'λ'))
        {
            i++;
        }
    }

    private static void SkipNumber(string text, ref int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < text.Length && text[j] is '+' or '-')
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                while (i < text.Length && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
            }
        }
    }
}
