using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>
/// Notices a key that an object repeats, while the reader walks the object anyway (the document is parsed with
/// duplicates allowed, so that JSON is not walked twice). Each key leaves a 64-bit fingerprint of its UTF-8 name;
/// only a fingerprint seen before costs an exact comparison. Objects with many keys move to a hash set.
/// </summary>
internal ref struct KeyTracker(JsonElement owner, Span<ulong> buffer)
{
    /// <summary>Keys kept on the stack before an object moves to a hash set (size of the buffer to pass).</summary>
    public const int LinearLimit = 16;

    private readonly JsonElement _owner = owner;
    private Span<ulong> _keys = buffer;
    private HashSet<ulong>? _many;
    private int _count;

    /// <summary>True when an earlier key of the object has the same name as <paramref name="property"/>.</summary>
    public bool IsRepeat(JsonProperty property)
    {
        var key = Fingerprint(property);
        var position = _count++;
        bool seen;
        if (_many is not null)
        {
            seen = !_many.Add(key);
        }
        else
        {
            seen = _keys[..position].Contains(key);
            if (position < _keys.Length && position < LinearLimit)
            {
                _keys[position] = key;
            }
            else
            {
                _many = [.. _keys[..position], key];
            }
        }

        return seen && IsExactRepeat(property, position);
    }

    /// <summary>Checks every object in a value the model keeps (Parameters, Result, unknown fields...), calling
    /// <paramref name="report"/> with the pointer of each repeated key.</summary>
    public static void CheckTree<TState>(JsonElement value, LazyPointer pointer, TState state, Action<TState, LazyPointer, string> report)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var keys = new KeyTracker(value, stackalloc ulong[LinearLimit]);
                foreach (var property in value.EnumerateObject())
                {
                    if (keys.IsRepeat(property))
                    {
                        report(state, LazyPointer.Child(pointer, property.Name), property.Name);
                    }

                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        CheckTree(property.Value, LazyPointer.Child(pointer, property.Name), state, report);
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        CheckTree(item, LazyPointer.Child(pointer, index), state, report);
                    }

                    index++;
                }

                break;
        }
    }

    private readonly bool IsExactRepeat(JsonProperty property, int position)
    {
        var name = property.Name;
        var index = 0;
        foreach (var earlier in _owner.EnumerateObject())
        {
            if (index++ == position)
            {
                return false;
            }

            if (earlier.NameEquals(name))
            {
                return true;
            }
        }

        return false;
    }

    private static ulong Fingerprint(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.IndexOf((byte)'\\') < 0 ? Fingerprint(raw) : Fingerprint(Encoding.UTF8.GetBytes(property.Name));
    }

    private static ulong Fingerprint(ReadOnlySpan<byte> utf8)
    {
        Span<byte> edges = stackalloc byte[16];
        edges.Clear();
        utf8[..Math.Min(8, utf8.Length)].CopyTo(edges);
        utf8[Math.Max(0, utf8.Length - 8)..].CopyTo(edges[8..]);
        var head = BinaryPrimitives.ReadUInt64LittleEndian(edges);
        var tail = BinaryPrimitives.ReadUInt64LittleEndian(edges[8..]);
        return head ^ (tail * 0x9E3779B97F4A7C15UL) ^ ((ulong)utf8.Length << 56);
    }
}
