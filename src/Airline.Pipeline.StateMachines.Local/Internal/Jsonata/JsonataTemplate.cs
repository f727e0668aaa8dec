using Airline.Pipeline.StateMachines.Local.Internal.Definition;
using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Jsonata;

/// <summary>
/// A JSON value in a JSONata state (Arguments, Output, Assign, Items, ...): strings written
/// <c>{% expression %}</c> are evaluated; everything else is literal.
/// </summary>
internal abstract class JsonataTemplate
{
    public abstract JData? Evaluate(JsonataEnvironment environment);

    public static bool IsExpression(JData value, out string expression)
    {
        if (value is JString s && s.Value.Length >= 4 && s.Value.StartsWith("{%", StringComparison.Ordinal) && s.Value.EndsWith("%}", StringComparison.Ordinal))
        {
            expression = s.Value[2..^2];
            return true;
        }

        expression = string.Empty;
        return false;
    }

    public static JsonataTemplate Compile(JData value, string pointer, DefinitionProblems problems)
    {
        if (IsExpression(value, out var text))
        {
            try
            {
                return new ExpressionTemplate(JsonataParser.Parse(text), text);
            }
            catch (JsonataSyntaxException ex)
            {
                problems.Add(pointer, $"JSONata expression '{text}' at position {ex.Position + 1}: {ex.Message}");
                return new ConstantJsonata(JData.Null);
            }
        }

        switch (value)
        {
            case JObject obj:
                {
                    var keys = new string[obj.Count];
                    var values = new JsonataTemplate[obj.Count];
                    var constant = true;
                    for (var i = 0; i < obj.Count; i++)
                    {
                        keys[i] = obj.KeyAt(i);
                        values[i] = Compile(obj.ValueAt(i), $"{pointer}/{DefinitionProblems.Escape(keys[i])}", problems);
                        constant &= values[i] is ConstantJsonata;
                    }

                    return constant ? new ConstantJsonata(obj) : new ObjectJsonata(keys, values);
                }

            case JArray arr:
                {
                    var items = new JsonataTemplate[arr.Count];
                    var constant = true;
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = Compile(arr[i], $"{pointer}/{i}", problems);
                        constant &= items[i] is ConstantJsonata;
                    }

                    return constant ? new ConstantJsonata(arr) : new ArrayJsonata(items);
                }

            default:
                return new ConstantJsonata(value);
        }
    }

    /// <summary>Evaluates; an undefined result is a States.QueryEvaluationError naming <paramref name="field"/>.</summary>
    public JData EvaluateRequired(JsonataEnvironment environment, string field) =>
        Evaluate(environment) ?? throw new StatesErrorException(StatesErrors.QueryEvaluationError, $"The JSONata expression of {field} returned nothing (undefined).");
}

internal sealed class ConstantJsonata(JData value) : JsonataTemplate
{
    public override JData? Evaluate(JsonataEnvironment environment) => value;
}

internal sealed class ExpressionTemplate(JsonataNode node, string text) : JsonataTemplate
{
    public JsonataNode Node { get; } = node;

    public string Text { get; } = text;

    public override JData? Evaluate(JsonataEnvironment environment)
    {
        try
        {
            var value = Node.Evaluate(environment.Input, new JsonataScope(environment));
            return value is JsonataSequence seq ? seq.Collapse() : value;
        }
        catch (JsonataEvaluationException ex)
        {
            throw new StatesErrorException(StatesErrors.QueryEvaluationError, $"JSONata expression '{Text.Trim()}' failed at position {ex.Position + 1}: {ex.Message}");
        }
    }
}

internal sealed class ObjectJsonata(string[] keys, JsonataTemplate[] values) : JsonataTemplate
{
    public override JData? Evaluate(JsonataEnvironment environment)
    {
        var builder = new JObjectBuilder();
        for (var i = 0; i < keys.Length; i++)
        {
            var value = values[i].Evaluate(environment);
            if (value is not null)
            {
                builder.Set(keys[i], value);
            }
        }

        return builder.Build();
    }
}

internal sealed class ArrayJsonata(JsonataTemplate[] items) : JsonataTemplate
{
    public override JData? Evaluate(JsonataEnvironment environment)
    {
        var values = new List<JData>(items.Length);
        foreach (var item in items)
        {
            var value = item.Evaluate(environment);
            if (value is not null)
            {
                values.Add(value);
            }
        }

        return new JArray([.. values]);
    }
}

/// <summary>An evaluation failure inside a JSONata expression (type errors, bad arguments).</summary>
internal sealed class JsonataEvaluationException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}
