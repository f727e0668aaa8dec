using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;
using Airline.Pipeline.StateMachines.Local.Internal.Paths;

namespace Airline.Pipeline.StateMachines.Local.Internal.Definition;

/// <summary>
/// A JSONPath payload template (Parameters, ResultSelector, ItemSelector, Assign): fields whose names end
/// in <c>.$</c> take the value of a path, a context path, a variable or an intrinsic function.
/// </summary>
internal abstract class Template
{
    public abstract JData Evaluate(in PathScope scope);

    public static Template Compile(JData value, string pointer, DefinitionProblems problems) => value switch
    {
        JObject obj => CompileObject(obj, pointer, problems),
        JArray arr => CompileArray(arr, pointer, problems),
        _ => new ConstantTemplate(value),
    };

    private static Template CompileArray(JArray arr, string pointer, DefinitionProblems problems)
    {
        var items = new Template[arr.Count];
        var constant = true;
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Compile(arr[i], $"{pointer}/{i}", problems);
            constant &= items[i] is ConstantTemplate;
        }

        return constant ? new ConstantTemplate(arr) : new ArrayTemplate(items);
    }

    private static Template CompileObject(JObject obj, string pointer, DefinitionProblems problems)
    {
        var keys = new string[obj.Count];
        var values = new Template[obj.Count];
        var constant = true;
        for (var i = 0; i < obj.Count; i++)
        {
            var key = obj.KeyAt(i);
            var child = obj.ValueAt(i);
            var childPointer = $"{pointer}/{DefinitionProblems.Escape(key)}";
            if (key.EndsWith(".$", StringComparison.Ordinal))
            {
                keys[i] = key[..^2];
                values[i] = CompileDynamic(key, child, childPointer, problems);
                constant = false;
            }
            else
            {
                keys[i] = key;
                values[i] = Compile(child, childPointer, problems);
                constant &= values[i] is ConstantTemplate;
            }
        }

        return constant ? new ConstantTemplate(obj) : new ObjectTemplate(keys, values);
    }

    private static Template CompileDynamic(string key, JData value, string pointer, DefinitionProblems problems)
    {
        if (value is not JString s)
        {
            problems.Add(pointer, $"field '{key}' ends in '.$' so its value must be a path or intrinsic function string, not {value.TypeName}");
            return new ConstantTemplate(JData.Null);
        }

        try
        {
            if (IntrinsicCall.LooksLikeCall(s.Value))
            {
                return new IntrinsicTemplate(IntrinsicCall.Parse(s.Value));
            }

            if (JsonPath.LooksLikePath(s.Value))
            {
                return new PathTemplate(key, JsonPath.Parse(s.Value));
            }

            problems.Add(pointer, $"field '{key}' ends in '.$' but '{s.Value}' is neither a path ('$...', '$$...', '$variable') nor an intrinsic function ('States.Format(...)'); drop the '.$' for a literal");
        }
        catch (PathSyntaxException ex)
        {
            problems.Add(pointer, ex.Message);
        }

        return new ConstantTemplate(JData.Null);
    }
}

internal sealed class ConstantTemplate(JData value) : Template
{
    public JData Value { get; } = value;

    public override JData Evaluate(in PathScope scope) => Value;
}

internal sealed class ArrayTemplate(Template[] items) : Template
{
    public override JData Evaluate(in PathScope scope)
    {
        var values = new JData[items.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = items[i].Evaluate(scope);
        }

        return new JArray(values);
    }
}

internal sealed class ObjectTemplate(string[] keys, Template[] values) : Template
{
    public IReadOnlyList<string> Keys => keys;

    public override JData Evaluate(in PathScope scope)
    {
        var builder = new JObjectBuilder();
        for (var i = 0; i < keys.Length; i++)
        {
            builder.Set(keys[i], values[i].Evaluate(scope));
        }

        return builder.Build();
    }
}

internal sealed class PathTemplate(string key, JsonPath path) : Template
{
    public override JData Evaluate(in PathScope scope)
    {
        if (scope.TrySelect(path, out var value))
        {
            return value;
        }

        if (path.Root == PathRoot.Variable)
        {
            throw StatesErrorException.Runtime($"The variable '${path.Variable}' referenced by the field '{key}' is not defined or has no value at '{path.Text}'.");
        }

        var source = path.Root == PathRoot.Context ? scope.Context : scope.Data;
        throw StatesErrorException.Runtime($"The JSONPath '{path.Text}' specified for the field '{key}' could not be found in the input '{Short(source)}'");
    }

    private static string Short(JData value)
    {
        var json = value.ToJson();
        return json.Length > 200 ? string.Concat(json.AsSpan(0, 197), "...") : json;
    }
}

internal sealed class IntrinsicTemplate(IntrinsicCall call) : Template
{
    public override JData Evaluate(in PathScope scope) => call.Evaluate(scope);
}
