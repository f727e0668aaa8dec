using System.Globalization;
using System.Text;
using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Paths;

/// <summary>A path or intrinsic-function text that cannot be parsed; <see cref="Position"/> is 0-based.</summary>
internal sealed class PathSyntaxException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}

internal sealed class PathParser(string text)
{
    private int _pos;

    public JsonPath ParsePath()
    {
        var path = ParsePathAt(allowTrailing: false);
        return path;
    }

    /// <summary>Parses a path starting at the current position; used by the intrinsic-function parser.</summary>
    public static JsonPath ParsePrefix(string text, ref int position)
    {
        var parser = new PathParser(text) { _pos = position };
        var path = parser.ParsePathAt(allowTrailing: true);
        position = parser._pos;
        return path;
    }

    private JsonPath ParsePathAt(bool allowTrailing)
    {
        var start = _pos;
        if (Peek() != '$')
        {
            throw Error("a path must start with '$'");
        }

        _pos++;
        var root = PathRoot.Data;
        string? variable = null;
        if (Peek() == '$')
        {
            _pos++;
            root = PathRoot.Context;
        }
        else if (_pos < text.Length && IsNameStart(text[_pos]))
        {
            var nameStart = _pos;
            while (_pos < text.Length && IsNameChar(text[_pos]))
            {
                _pos++;
            }

            variable = text[nameStart.._pos];
            root = PathRoot.Variable;
        }

        var segments = new List<PathSegment>();
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (c == '.')
            {
                if (At(".."))
                {
                    _pos += 2;
                    segments.Add(new RecursiveSegment(ParseAfterDot(recursive: true)));
                }
                else
                {
                    _pos++;
                    segments.Add(ParseAfterDot(recursive: false));
                }
            }
            else if (c == '[')
            {
                segments.Add(ParseBracket());
            }
            else if (allowTrailing)
            {
                break;
            }
            else
            {
                throw Error($"unexpected '{c}'");
            }
        }

        return JsonPath.Create(text[start.._pos], root, variable, [.. segments]);
    }

    private PathSegment ParseAfterDot(bool recursive)
    {
        if (Peek() == '*')
        {
            _pos++;
            return new WildcardSegment();
        }

        if (Peek() == '[' && recursive)
        {
            return ParseBracket();
        }

        var start = _pos;
        while (_pos < text.Length && text[_pos] is not ('.' or '[' or ',' or ')' or ' ' or '<' or '>' or '=' or '!' or '&' or '|'))
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Error("a name is expected after '.'");
        }

        var name = text[start.._pos];
        if (name.EndsWith("()", StringComparison.Ordinal))
        {
            throw Error($"JSONPath function '{name}' is not supported by Step Functions paths");
        }

        return new NameSegment(name);
    }

    private PathSegment ParseBracket()
    {
        _pos++; // [
        SkipSpaces();
        PathSegment result;
        if (Peek() == '*')
        {
            _pos++;
            result = new WildcardSegment();
        }
        else if (Peek() == '?')
        {
            _pos++;
            SkipSpaces();
            Expect('(');
            var filterStart = _pos;
            var filter = ParseOr();
            SkipSpaces();
            var filterText = text[filterStart.._pos];
            Expect(')');
            result = new FilterSegment(filter, filterText);
        }
        else if (Peek() is '\'' or '"')
        {
            var names = new List<PathSegment> { new NameSegment(ReadQuoted()) };
            SkipSpaces();
            while (Peek() == ',')
            {
                _pos++;
                SkipSpaces();
                names.Add(new NameSegment(ReadQuoted()));
                SkipSpaces();
            }

            result = names.Count == 1 ? names[0] : new UnionSegment([.. names]);
        }
        else
        {
            result = ParseIndexOrSlice();
        }

        SkipSpaces();
        Expect(']');
        return result;
    }

    private PathSegment ParseIndexOrSlice()
    {
        int? first = TryReadInt();
        SkipSpaces();
        if (Peek() == ':')
        {
            _pos++;
            SkipSpaces();
            var end = TryReadInt();
            int? step = null;
            SkipSpaces();
            if (Peek() == ':')
            {
                _pos++;
                SkipSpaces();
                step = TryReadInt();
            }

            return new SliceSegment(first, end, step);
        }

        if (first is null)
        {
            throw Error("an index, a quoted name, '*', a slice or a filter is expected inside '[ ]'");
        }

        var indexes = new List<PathSegment> { new IndexSegment(first.Value) };
        while (Peek() == ',')
        {
            _pos++;
            SkipSpaces();
            indexes.Add(new IndexSegment(TryReadInt() ?? throw Error("an index is expected after ','")));
            SkipSpaces();
        }

        return indexes.Count == 1 ? indexes[0] : new UnionSegment([.. indexes]);
    }

    private FilterExpression ParseOr()
    {
        var left = ParseAnd();
        SkipSpaces();
        while (At("||"))
        {
            _pos += 2;
            left = new LogicalFilter(left, isAnd: false, ParseAnd());
            SkipSpaces();
        }

        return left;
    }

    private FilterExpression ParseAnd()
    {
        var left = ParseUnary();
        SkipSpaces();
        while (At("&&"))
        {
            _pos += 2;
            left = new LogicalFilter(left, isAnd: true, ParseUnary());
            SkipSpaces();
        }

        return left;
    }

    private FilterExpression ParseUnary()
    {
        SkipSpaces();
        if (Peek() == '!')
        {
            _pos++;
            return new NotFilter(ParseUnary());
        }

        if (Peek() == '(')
        {
            _pos++;
            var inner = ParseOr();
            SkipSpaces();
            Expect(')');
            return inner;
        }

        var left = ParseOperand();
        SkipSpaces();
        foreach (var op in (string[])["==", "!=", "<=", ">=", "<", ">"])
        {
            if (At(op))
            {
                _pos += op.Length;
                SkipSpaces();
                var right = ParseOperand();
                return new CompareFilter(left, op, right);
            }
        }

        return new ExistsFilter(left);
    }

    private FilterOperand ParseOperand()
    {
        SkipSpaces();
        var c = Peek();
        if (c == '@')
        {
            _pos++;
            var start = _pos;
            var sub = "$" + text[start..];
            var subPos = 0;
            var path = ParsePrefix(sub, ref subPos);
            _pos = start + subPos - 1;
            return new FilterOperand(path, relative: true);
        }

        if (c == '$')
        {
            return new FilterOperand(ParsePrefix(text, ref _pos), relative: false);
        }

        if (c is '\'' or '"')
        {
            return new FilterOperand(new JString(ReadQuoted()));
        }

        if (At("true"))
        {
            _pos += 4;
            return new FilterOperand(JData.True);
        }

        if (At("false"))
        {
            _pos += 5;
            return new FilterOperand(JData.False);
        }

        if (At("null"))
        {
            _pos += 4;
            return new FilterOperand(JData.Null);
        }

        var numStart = _pos;
        while (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] is '-' or '.' or 'e' or 'E' or '+'))
        {
            _pos++;
        }

        if (_pos == numStart)
        {
            throw Error("a filter operand ('@...', '$...', a string, a number, true, false or null) is expected");
        }

        return new FilterOperand(JNumber.FromRaw(text[numStart.._pos]));
    }

    private string ReadQuoted()
    {
        var quote = text[_pos++];
        var sb = new StringBuilder();
        while (_pos < text.Length && text[_pos] != quote)
        {
            if (text[_pos] == '\\' && _pos + 1 < text.Length)
            {
                _pos++;
            }

            sb.Append(text[_pos++]);
        }

        Expect(quote);
        return sb.ToString();
    }

    private int? TryReadInt()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        while (_pos < text.Length && char.IsDigit(text[_pos]))
        {
            _pos++;
        }

        if (_pos == start || (_pos == start + 1 && text[start] == '-'))
        {
            _pos = start;
            return null;
        }

        return int.Parse(text.AsSpan(start, _pos - start), CultureInfo.InvariantCulture);
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private char Peek() => _pos < text.Length ? text[_pos] : '\0';

    private bool At(string s) => string.CompareOrdinal(text, _pos, s, 0, s.Length) == 0;

    private void SkipSpaces()
    {
        while (_pos < text.Length && text[_pos] == ' ')
        {
            _pos++;
        }
    }

    private void Expect(char c)
    {
        if (Peek() != c)
        {
            throw Error($"'{c}' is expected");
        }

        _pos++;
    }

    private PathSyntaxException Error(string what) =>
        new($"Invalid JSONPath '{text}' at position {_pos + 1}: {what}.", _pos);
}
