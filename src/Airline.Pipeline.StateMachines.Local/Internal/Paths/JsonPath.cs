using System.Globalization;
using System.Text;
using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Paths;

/// <summary>What a path starts from.</summary>
internal enum PathRoot
{
    /// <summary><c>$</c>: the data (state input, result, ...).</summary>
    Data,

    /// <summary><c>$$</c>: the context object.</summary>
    Context,

    /// <summary><c>$name</c>: a workflow variable.</summary>
    Variable,
}

/// <summary>
/// A compiled JSONPath (the Jayway dialect Step Functions uses): names, indexes, wildcards, unions, slices,
/// recursive descent and filter expressions. A path with only names and indexes is definite and selects
/// one value; any other path selects a list, returned as an array.
/// </summary>
internal sealed class JsonPath
{
    private readonly PathSegment[] _segments;

    private JsonPath(string text, PathRoot root, string? variable, PathSegment[] segments)
    {
        Text = text;
        Root = root;
        Variable = variable;
        _segments = segments;
        IsDefinite = segments.All(s => s is NameSegment or IndexSegment);
    }

    public string Text { get; }

    public PathRoot Root { get; }

    public string? Variable { get; }

    public bool IsDefinite { get; }

    /// <summary>True for a reference path: definite, with names and indexes only.</summary>
    public bool IsReferencePath => IsDefinite;

    public IReadOnlyList<PathSegment> Segments => _segments;

    public static bool LooksLikePath(string text) => text.StartsWith('$');

    public static JsonPath Parse(string text)
    {
        var parser = new PathParser(text);
        return parser.ParsePath();
    }

    internal static JsonPath Create(string text, PathRoot root, string? variable, PathSegment[] segments) => new(text, root, variable, segments);

    /// <summary>Selects from <paramref name="data"/>; false when a definite path matches nothing.</summary>
    public bool TrySelect(JData data, out JData result)
    {
        if (IsDefinite)
        {
            var current = data;
            foreach (var segment in _segments)
            {
                switch (segment)
                {
                    case NameSegment name when current is JObject obj && obj.TryGet(name.Name, out var child):
                        current = child;
                        break;
                    case IndexSegment index when current is JArray arr:
                        {
                            var i = index.Index < 0 ? arr.Count + index.Index : index.Index;
                            if (i < 0 || i >= arr.Count)
                            {
                                result = JData.Null;
                                return false;
                            }

                            current = arr[i];
                            break;
                        }

                    default:
                        result = JData.Null;
                        return false;
                }
            }

            result = current;
            return true;
        }

        var matches = new List<JData> { data };
        foreach (var segment in _segments)
        {
            var next = new List<JData>();
            foreach (var item in matches)
            {
                segment.Apply(item, data, next);
            }

            matches = next;
        }

        result = new JArray([.. matches]);
        return true;
    }

    public override string ToString() => Text;

    /// <summary>The Jayway-normalised form used in Step Functions' error causes: <c>$['a']['b']</c>.</summary>
    public string Normalized
    {
        get
        {
            var sb = new StringBuilder(Root switch { PathRoot.Context => "$$", PathRoot.Variable => "$" + Variable, _ => "$" });
            foreach (var segment in _segments)
            {
                sb.Append(segment.Normalized);
            }

            return sb.ToString();
        }
    }
}

internal abstract class PathSegment
{
    public abstract void Apply(JData item, JData root, List<JData> output);

    public abstract string Normalized { get; }
}

internal sealed class NameSegment(string name) : PathSegment
{
    public string Name { get; } = name;

    public override void Apply(JData item, JData root, List<JData> output)
    {
        if (item is JObject obj && obj.TryGet(Name, out var value))
        {
            output.Add(value);
        }
    }

    public override string Normalized => "['" + Name + "']";
}

internal sealed class IndexSegment(int index) : PathSegment
{
    public int Index { get; } = index;

    public override void Apply(JData item, JData root, List<JData> output)
    {
        if (item is JArray arr)
        {
            var i = Index < 0 ? arr.Count + Index : Index;
            if (i >= 0 && i < arr.Count)
            {
                output.Add(arr[i]);
            }
        }
    }

    public override string Normalized => "[" + Index.ToString(CultureInfo.InvariantCulture) + "]";
}

internal sealed class WildcardSegment : PathSegment
{
    public override void Apply(JData item, JData root, List<JData> output)
    {
        switch (item)
        {
            case JArray arr:
                output.AddRange(arr.Items);
                break;
            case JObject obj:
                for (var i = 0; i < obj.Count; i++)
                {
                    output.Add(obj.ValueAt(i));
                }

                break;
        }
    }

    public override string Normalized => "[*]";
}

internal sealed class UnionSegment(PathSegment[] members) : PathSegment
{
    public override void Apply(JData item, JData root, List<JData> output)
    {
        foreach (var member in members)
        {
            member.Apply(item, root, output);
        }
    }

    public override string Normalized => "[" + string.Join(",", members.Select(m => m.Normalized.Trim('[', ']'))) + "]";
}

internal sealed class SliceSegment(int? start, int? end, int? step) : PathSegment
{
    public override void Apply(JData item, JData root, List<JData> output)
    {
        if (item is not JArray arr)
        {
            return;
        }

        var n = arr.Count;
        var st = step ?? 1;
        if (st <= 0)
        {
            return;
        }

        var s = Clamp(start ?? 0, n);
        var e = Clamp(end ?? n, n);
        for (var i = s; i < e; i += st)
        {
            output.Add(arr[i]);
        }
    }

    private static int Clamp(int value, int n) => value < 0 ? Math.Max(0, n + value) : Math.Min(value, n);

    public override string Normalized => $"[{start}:{end}{(step is null ? string.Empty : ":" + step.Value.ToString(CultureInfo.InvariantCulture))}]";
}

internal sealed class RecursiveSegment(PathSegment inner) : PathSegment
{
    public override void Apply(JData item, JData root, List<JData> output) => Walk(item, root, output);

    private void Walk(JData item, JData root, List<JData> output)
    {
        inner.Apply(item, root, output);
        switch (item)
        {
            case JArray arr:
                foreach (var child in arr.Items)
                {
                    Walk(child, root, output);
                }

                break;
            case JObject obj:
                for (var i = 0; i < obj.Count; i++)
                {
                    Walk(obj.ValueAt(i), root, output);
                }

                break;
        }
    }

    public override string Normalized => ".." + inner.Normalized;
}

internal sealed class FilterSegment(FilterExpression filter, string text) : PathSegment
{
    public override void Apply(JData item, JData root, List<JData> output)
    {
        switch (item)
        {
            case JArray arr:
                foreach (var child in arr.Items)
                {
                    if (filter.Test(child, root))
                    {
                        output.Add(child);
                    }
                }

                break;
            case JObject obj:
                if (filter.Test(obj, root))
                {
                    output.Add(obj);
                }

                break;
        }
    }

    public override string Normalized => "[?(" + text + ")]";
}
