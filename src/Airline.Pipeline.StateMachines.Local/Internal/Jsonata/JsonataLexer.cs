using System.Globalization;
using System.Text;

namespace Airline.Pipeline.StateMachines.Local.Internal.Jsonata;

internal enum TokenKind
{
    End,
    Number,
    String,
    Name,
    Variable,
    Operator,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Position, double Number = 0);

/// <summary>Splits a JSONata expression into tokens; constructs outside the supported subset are rejected here or in the parser.</summary>
internal static class JsonataLexer
{
    private static readonly string[] Operators = ["!=", "<=", ">=", "..", ":=", "~>", "**", "??", "?:", ".", "[", "]", "{", "}", "(", ")", ",", ":", "?", "&", "+", "-", "*", "/", "%", "=", "<", ">", ";", "^", "@", "#", "|"];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i + 1 < text.Length && text[i] == '/' && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (close < 0)
                {
                    throw new JsonataSyntaxException("unterminated comment", i);
                }

                i = close + 2;
                continue;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, i));
                return tokens;
            }

            var c = text[i];
            var start = i;
            if (char.IsDigit(c))
            {
                while (i < text.Length && char.IsDigit(text[i]))
                {
                    i++;
                }

                if (i + 1 < text.Length && text[i] == '.' && char.IsDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsDigit(text[i]))
                    {
                        i++;
                    }
                }

                if (i < text.Length && text[i] is 'e' or 'E')
                {
                    i++;
                    if (i < text.Length && text[i] is '+' or '-')
                    {
                        i++;
                    }

                    while (i < text.Length && char.IsDigit(text[i]))
                    {
                        i++;
                    }
                }

                var literal = text[start..i];
                tokens.Add(new Token(TokenKind.Number, literal, start, double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture)));
                continue;
            }

            if (c is '"' or '\'')
            {
                tokens.Add(new Token(TokenKind.String, ReadString(text, ref i), start));
                continue;
            }

            if (c == '`')
            {
                var close = text.IndexOf('`', i + 1);
                if (close < 0)
                {
                    throw new JsonataSyntaxException("unterminated `name`", i);
                }

                tokens.Add(new Token(TokenKind.Name, text[(i + 1)..close], start));
                i = close + 1;
                continue;
            }

            if (c == '$')
            {
                i++;
                if (i < text.Length && text[i] == '$')
                {
                    i++;
                    tokens.Add(new Token(TokenKind.Variable, "$", start));
                    continue;
                }

                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Variable, text[(start + 1)..i], start));
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, text[start..i], start));
                continue;
            }

            var op = Array.Find(Operators, o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0);
            if (op is null)
            {
                throw new JsonataSyntaxException($"unexpected character '{c}'", i);
            }

            tokens.Add(new Token(TokenKind.Operator, op, start));
            i += op.Length;
        }
    }

    private static string ReadString(string text, ref int i)
    {
        var quote = text[i];
        var start = i;
        i++;
        var sb = new StringBuilder();
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                switch (text[i])
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'u' when i + 4 < text.Length:
                        sb.Append((char)int.Parse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    default: sb.Append(text[i]); break;
                }

                i++;
            }
            else
            {
                sb.Append(text[i++]);
            }
        }

        if (i >= text.Length)
        {
            throw new JsonataSyntaxException("unterminated string literal", start);
        }

        i++;
        return sb.ToString();
    }
}
