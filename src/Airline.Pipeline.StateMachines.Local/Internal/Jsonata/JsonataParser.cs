using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Jsonata;

/// <summary>
/// Parses the JSONata subset that real state machines use: paths with predicates, literals, object and
/// array constructors, arithmetic, comparison, and/or, <c>in</c>, <c>&amp;</c>, <c>? :</c> and calls of
/// the supported functions. Everything else is rejected with its position, so it is never evaluated wrongly.
/// </summary>
internal sealed class JsonataParser
{
    private static readonly Dictionary<string, int> Infix = new(StringComparer.Ordinal)
    {
        ["."] = 75, ["["] = 80, ["("] = 80,
        ["*"] = 60, ["/"] = 60, ["%"] = 60,
        ["+"] = 50, ["-"] = 50, ["&"] = 50,
        ["="] = 40, ["!="] = 40, ["<"] = 40, ["<="] = 40, [">"] = 40, [">="] = 40, ["in"] = 40,
        ["and"] = 30, ["or"] = 25, ["?"] = 20,
    };

    private static readonly Dictionary<string, string> Unsupported = new(StringComparer.Ordinal)
    {
        ["~>"] = "the chain operator '~>' is outside the supported JSONata subset; call the function directly",
        [":="] = "variable binding ':=' is outside the supported JSONata subset; use the state's Assign field",
        [".."] = "the range operator '..' is outside the supported subset; use $range(start, end, step)",
        ["**"] = "descendant wildcard '**' is outside the supported subset; write the full path",
        ["^"] = "order-by '^( )' is outside the supported subset",
        ["@"] = "context binding '@' is outside the supported subset",
        ["#"] = "positional binding '#' is outside the supported subset",
        ["|"] = "transform '| |' is outside the supported subset",
        ["??"] = "the coalescing operator '??' is outside the supported subset; use $exists(x) ? x : y",
        ["?:"] = "the default operator '?:' is outside the supported subset; use x ? x : y",
        [";"] = "expression blocks with ';' are outside the supported subset",
    };

    private readonly List<Token> _tokens;
    private int _index;

    private JsonataParser(List<Token> tokens) => _tokens = tokens;

    public static JsonataNode Parse(string text)
    {
        var parser = new JsonataParser(JsonataLexer.Tokenize(text));
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new JsonataSyntaxException("the expression is empty", 0);
        }

        var node = parser.Expression(0);
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Reject(parser.Current);
        }

        return node;
    }

    private Token Current => _tokens[_index];

    private Token Advance() => _tokens[_index++];

    private JsonataNode Expression(int rightBindingPower)
    {
        var left = Prefix(Advance());
        while (true)
        {
            var token = Current;
            var op = token.Kind == TokenKind.Operator || (token.Kind == TokenKind.Name && token.Text is "and" or "or" or "in") ? token.Text : null;
            if (op is null)
            {
                if (token.Kind is TokenKind.End)
                {
                    return left;
                }

                throw Reject(token);
            }

            if (Unsupported.ContainsKey(op))
            {
                throw Reject(token);
            }

            if (!Infix.TryGetValue(op, out var power) || power <= rightBindingPower)
            {
                if (op == "{")
                {
                    throw new JsonataSyntaxException("group-by '{ }' after an expression is outside the supported subset", token.Position);
                }

                return left;
            }

            Advance();
            left = op switch
            {
                "." => new MapNode(left, Step(), token.Position),
                "[" => Predicate(left, token),
                "(" => Call(left, token),
                "?" => Condition(left, token),
                _ => new BinaryNode(op, left, Expression(power), token.Position),
            };
        }
    }

    private JsonataNode Step()
    {
        var token = Current;
        if (token.Kind == TokenKind.Operator && token.Text == "*")
        {
            throw new JsonataSyntaxException("the wildcard '*' is outside the supported subset; name the field", token.Position);
        }

        return Expression(Infix["."]);
    }

    private JsonataNode Predicate(JsonataNode left, Token open)
    {
        if (Current.Kind == TokenKind.Operator && Current.Text == "]")
        {
            throw new JsonataSyntaxException("the keep-array '[]' is outside the supported subset", Current.Position);
        }

        var predicate = Expression(0);
        Expect("]");
        return new FilterNode(left, predicate, open.Position);
    }

    private JsonataNode Call(JsonataNode callee, Token open)
    {
        if (callee is not VariableNode variable)
        {
            throw new JsonataSyntaxException("only the supported $functions can be called", open.Position);
        }

        if (!JsonataFunctions.IsSupported(variable.Name))
        {
            throw new JsonataSyntaxException($"function ${variable.Name} is outside the supported subset ({JsonataFunctions.SupportedList})", variable.Position);
        }

        var args = new List<JsonataNode>();
        if (!(Current.Kind == TokenKind.Operator && Current.Text == ")"))
        {
            while (true)
            {
                args.Add(Expression(0));
                if (Current.Kind == TokenKind.Operator && Current.Text == ",")
                {
                    Advance();
                    continue;
                }

                break;
            }
        }

        Expect(")");
        JsonataFunctions.CheckArity(variable.Name, args.Count, variable.Position);
        return new CallNode(variable.Name, [.. args], variable.Position);
    }

    private JsonataNode Condition(JsonataNode condition, Token question)
    {
        var then = Expression(0);
        JsonataNode? otherwise = null;
        if (Current.Kind == TokenKind.Operator && Current.Text == ":")
        {
            Advance();
            otherwise = Expression(0);
        }

        return new ConditionNode(condition, then, otherwise, question.Position);
    }

    private JsonataNode Prefix(Token token)
    {
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new LiteralNode(JNumber.Of(token.Number)) { Position = token.Position };
            case TokenKind.String:
                return new LiteralNode(new JString(token.Text)) { Position = token.Position };
            case TokenKind.Variable:
                return new VariableNode(token.Text, token.Position);
            case TokenKind.Name:
                switch (token.Text)
                {
                    case "true":
                        return new LiteralNode(JData.True) { Position = token.Position };
                    case "false":
                        return new LiteralNode(JData.False) { Position = token.Position };
                    case "null":
                        return new LiteralNode(JData.Null) { Position = token.Position };
                    case "function":
                        throw new JsonataSyntaxException("function definitions are outside the supported subset", token.Position);
                    default:
                        return new NameNode(token.Text, token.Position);
                }

            case TokenKind.Operator:
                switch (token.Text)
                {
                    case "-":
                        return new NegateNode(Expression(70), token.Position);
                    case "(":
                        {
                            var inner = Expression(0);
                            Expect(")");
                            return inner;
                        }

                    case "[":
                        {
                            var items = new List<JsonataNode>();
                            if (!(Current.Kind == TokenKind.Operator && Current.Text == "]"))
                            {
                                while (true)
                                {
                                    items.Add(Expression(0));
                                    if (Current.Kind == TokenKind.Operator && Current.Text == ",")
                                    {
                                        Advance();
                                        continue;
                                    }

                                    break;
                                }
                            }

                            Expect("]");
                            return new ArrayNode([.. items], token.Position);
                        }

                    case "{":
                        {
                            var pairs = new List<(JsonataNode, JsonataNode)>();
                            if (!(Current.Kind == TokenKind.Operator && Current.Text == "}"))
                            {
                                while (true)
                                {
                                    var key = Expression(0);
                                    Expect(":");
                                    pairs.Add((key, Expression(0)));
                                    if (Current.Kind == TokenKind.Operator && Current.Text == ",")
                                    {
                                        Advance();
                                        continue;
                                    }

                                    break;
                                }
                            }

                            Expect("}");
                            return new ObjectNode([.. pairs], token.Position);
                        }

                    case "*":
                        throw new JsonataSyntaxException("the wildcard '*' is outside the supported subset; name the field", token.Position);
                    case "/":
                        throw new JsonataSyntaxException("regular expressions are outside the supported subset", token.Position);
                }

                break;
        }

        throw Reject(token);
    }

    private void Expect(string op)
    {
        if (Current.Kind != TokenKind.Operator || Current.Text != op)
        {
            throw new JsonataSyntaxException(Current.Kind == TokenKind.End ? $"'{op}' expected but the expression ended" : $"'{op}' expected, found '{Current.Text}'", Current.Position);
        }

        Advance();
    }

    private JsonataSyntaxException Reject(Token token) =>
        token.Kind == TokenKind.Operator && Unsupported.TryGetValue(token.Text, out var why)
            ? new JsonataSyntaxException(why, token.Position)
            : new JsonataSyntaxException(token.Kind == TokenKind.End ? "the expression ended early" : $"unexpected '{token.Text}'", token.Position);
}
