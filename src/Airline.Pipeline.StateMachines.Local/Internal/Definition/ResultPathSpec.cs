using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;
using Airline.Pipeline.StateMachines.Local.Internal.Paths;

namespace Airline.Pipeline.StateMachines.Local.Internal.Definition;

/// <summary>ResultPath: "$" (the default: the result replaces the input), null (keep the input) or a reference path into the input.</summary>
internal sealed class ResultPathSpec
{
    public static readonly ResultPathSpec Replace = new(null, false);
    public static readonly ResultPathSpec Discard = new(null, true);

    private readonly JsonPath? _path;
    private readonly bool _discard;

    private ResultPathSpec(JsonPath? path, bool discard)
    {
        _path = path;
        _discard = discard;
    }

    public static ResultPathSpec For(JsonPath path) => path.Segments.Count == 0 ? Replace : new ResultPathSpec(path, false);

    public JData Apply(JData input, JData result)
    {
        if (_discard)
        {
            return input;
        }

        if (_path is null)
        {
            return result;
        }

        return Set(input, 0, result);
    }

    private JData Set(JData target, int index, JData value)
    {
        if (index == _path!.Segments.Count)
        {
            return value;
        }

        var segment = _path.Segments[index];
        switch (segment)
        {
            case NameSegment name when target is JObject obj:
                {
                    var child = obj.TryGet(name.Name, out var existing) ? existing : null;
                    if (child is null && index + 1 < _path.Segments.Count)
                    {
                        child = JData.EmptyObject;
                    }

                    return obj.With(name.Name, Set(child ?? JData.Null, index + 1, value));
                }

            case IndexSegment idx when target is JArray arr && idx.Index >= 0 && idx.Index < arr.Count:
                {
                    var items = arr.ToArray();
                    items[idx.Index] = Set(arr[idx.Index], index + 1, value);
                    return new JArray(items);
                }

            default:
                throw new StatesErrorException(
                    StatesErrors.ResultPathMatchFailure,
                    $"Unable to apply ResultPath '{_path.Text}' to input '{Short(target)}': the value at that point is {target.TypeName}, not an object.");
        }
    }

    private static string Short(JData value)
    {
        var json = value.ToJson();
        return json.Length > 200 ? string.Concat(json.AsSpan(0, 197), "...") : json;
    }
}
