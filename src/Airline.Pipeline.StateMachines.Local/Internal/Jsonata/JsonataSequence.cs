using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Jsonata;

/// <summary>A JSONata result sequence (from path navigation): one item collapses to the item itself.</summary>
internal sealed class JsonataSequence(List<JData> items) : JData
{
    public List<JData> Items { get; } = items;

    public bool KeepArray { get; init; }

    public override JKind Kind => JKind.Array;

    public JData? Collapse() => Items.Count switch
    {
        0 => null,
        1 when !KeepArray => Items[0] is JsonataSequence inner ? inner.Collapse() : Items[0],
        _ => new JArray([.. Items.Select(i => i is JsonataSequence s ? s.Collapse() ?? Null : i)]),
    };

    public override void WriteTo(System.Text.Json.Utf8JsonWriter writer) => (Collapse() ?? Null).WriteTo(writer);
}
