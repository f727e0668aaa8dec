using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Json;

/// <summary>The kinds of JSON value.</summary>
internal enum JKind
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

/// <summary>
/// An immutable JSON value. Immutability lets states share sub-trees freely (no deep copies when a
/// Parameters template or ResultPath merge reuses parts of the input), which JsonNode's parent links forbid.
/// </summary>
internal abstract class JData
{
    public static readonly JNull Null = new();
    public static readonly JBool True = new(true);
    public static readonly JBool False = new(false);
    public static readonly JObject EmptyObject = new([], []);
    public static readonly JArray EmptyArray = new([]);

    public abstract JKind Kind { get; }

    public static JBool Bool(bool value) => value ? True : False;

    public static JData Parse(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 512 });
        if (!reader.Read())
        {
            throw new JsonException("The JSON text is empty.");
        }

        var value = Read(ref reader);
        if (reader.Read())
        {
            throw new JsonException($"Unexpected data after the JSON value at byte {reader.TokenStartIndex}.");
        }

        return value;
    }

    public static JData Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return Null;
            case JsonTokenType.True:
                return True;
            case JsonTokenType.False:
                return False;
            case JsonTokenType.String:
                return new JString(reader.GetString()!);
            case JsonTokenType.Number:
                {
                    var raw = Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
                    return JNumber.FromRaw(raw);
                }

            case JsonTokenType.StartArray:
                {
                    var items = new List<JData>();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        items.Add(Read(ref reader));
                    }

                    return new JArray([.. items]);
                }

            case JsonTokenType.StartObject:
                {
                    var builder = new JObjectBuilder();
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var key = reader.GetString()!;
                        reader.Read();
                        builder.Set(key, Read(ref reader));
                    }

                    return builder.Build();
                }

            default:
                throw new JsonException($"Unexpected JSON token {reader.TokenType}.");
        }
    }

    public abstract void WriteTo(Utf8JsonWriter writer);

    public string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public string ToIndentedJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = WriterOptions.Encoder }))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public override string ToString() => ToJson();

    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static bool DeepEquals(JData a, JData b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Kind != b.Kind)
        {
            return false;
        }

        switch (a)
        {
            case JBool x:
                return x.Value == ((JBool)b).Value;
            case JNumber n:
                return n.Value.Equals(((JNumber)b).Value);
            case JString s:
                return string.Equals(s.Value, ((JString)b).Value, StringComparison.Ordinal);
            case JArray arr:
                {
                    var other = (JArray)b;
                    if (arr.Count != other.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < arr.Count; i++)
                    {
                        if (!DeepEquals(arr[i], other[i]))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            case JObject obj:
                {
                    var other = (JObject)b;
                    if (obj.Count != other.Count)
                    {
                        return false;
                    }

                    for (var i = 0; i < obj.Count; i++)
                    {
                        if (!other.TryGet(obj.KeyAt(i), out var value) || !DeepEquals(obj.ValueAt(i), value))
                        {
                            return false;
                        }
                    }

                    return true;
                }

            default:
                return true;
        }
    }

    /// <summary>The JSON type name Step Functions uses in error causes.</summary>
    public string TypeName => Kind switch
    {
        JKind.Null => "null",
        JKind.Boolean => "boolean",
        JKind.Number => "number",
        JKind.String => "string",
        JKind.Array => "array",
        _ => "object",
    };
}

internal sealed class JNull : JData
{
    public override JKind Kind => JKind.Null;

    public override void WriteTo(Utf8JsonWriter writer) => writer.WriteNullValue();
}

internal sealed class JBool(bool value) : JData
{
    public bool Value { get; } = value;

    public override JKind Kind => JKind.Boolean;

    public override void WriteTo(Utf8JsonWriter writer) => writer.WriteBooleanValue(Value);
}

internal sealed class JNumber : JData
{
    private readonly string? _raw;

    private JNumber(double value, string? raw)
    {
        Value = value;
        _raw = raw;
    }

    public double Value { get; }

    public override JKind Kind => JKind.Number;

    public bool IsIntegral => Math.Floor(Value) == Value && !double.IsInfinity(Value);

    /// <summary>True when the source text was written as an integer (no fraction, no exponent).</summary>
    public bool IsIntegerLiteral => _raw is null ? IsIntegral : _raw.IndexOfAny(['.', 'e', 'E']) < 0;

    public static JNumber Of(double value) => new(value, null);

    public static JNumber FromRaw(string raw) => new(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture), raw);

    public override void WriteTo(Utf8JsonWriter writer)
    {
        if (_raw is not null)
        {
            writer.WriteRawValue(_raw, skipInputValidation: true);
        }
        else if (IsIntegral && Math.Abs(Value) < 1e15)
        {
            writer.WriteNumberValue((long)Value);
        }
        else
        {
            writer.WriteRawValue(Format(Value), skipInputValidation: true);
        }
    }

    public static string Format(double value)
    {
        if (Math.Floor(value) == value && Math.Abs(value) < 1e15)
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        return value.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "e+", StringComparison.Ordinal).Replace("E-", "e-", StringComparison.Ordinal);
    }

    public string Text => _raw ?? Format(Value);
}

internal sealed class JString(string value) : JData
{
    public string Value { get; } = value;

    public override JKind Kind => JKind.String;

    public override void WriteTo(Utf8JsonWriter writer) => writer.WriteStringValue(Value);
}

internal sealed class JArray(JData[] items) : JData
{
    private readonly JData[] _items = items;

    public override JKind Kind => JKind.Array;

    public int Count => _items.Length;

    public JData this[int index] => _items[index];

    public ReadOnlySpan<JData> Items => _items;

    public JData[] ToArray() => (JData[])_items.Clone();

    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var item in _items)
        {
            item.WriteTo(writer);
        }

        writer.WriteEndArray();
    }
}

internal sealed class JObject : JData
{
    private readonly string[] _keys;
    private readonly JData[] _values;
    private Dictionary<string, int>? _index;

    internal JObject(string[] keys, JData[] values)
    {
        _keys = keys;
        _values = values;
    }

    public override JKind Kind => JKind.Object;

    public int Count => _keys.Length;

    public string KeyAt(int index) => _keys[index];

    public JData ValueAt(int index) => _values[index];

    public IEnumerable<KeyValuePair<string, JData>> Properties
    {
        get
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                yield return new(_keys[i], _values[i]);
            }
        }
    }

    public bool TryGet(string key, out JData value)
    {
        var i = IndexOf(key);
        if (i < 0)
        {
            value = Null;
            return false;
        }

        value = _values[i];
        return true;
    }

    public JData? Get(string key) => TryGet(key, out var value) ? value : null;

    private int IndexOf(string key)
    {
        if (_keys.Length <= 8)
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                if (string.Equals(_keys[i], key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        _index ??= BuildIndex();
        return _index.TryGetValue(key, out var found) ? found : -1;
    }

    private Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(_keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < _keys.Length; i++)
        {
            index[_keys[i]] = i;
        }

        return index;
    }

    /// <summary>A copy with <paramref name="key"/> set (replaced in place or appended).</summary>
    public JObject With(string key, JData value)
    {
        var i = IndexOf(key);
        if (i >= 0)
        {
            var values = (JData[])_values.Clone();
            values[i] = value;
            return new JObject(_keys, values);
        }

        var keys = new string[_keys.Length + 1];
        var vals = new JData[_values.Length + 1];
        _keys.CopyTo(keys, 0);
        _values.CopyTo(vals, 0);
        keys[^1] = key;
        vals[^1] = value;
        return new JObject(keys, vals);
    }

    public override void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        for (var i = 0; i < _keys.Length; i++)
        {
            writer.WritePropertyName(_keys[i]);
            _values[i].WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}

/// <summary>Collects properties in insertion order; a repeated key replaces the earlier value.</summary>
internal sealed class JObjectBuilder
{
    private readonly List<string> _keys = [];
    private readonly List<JData> _values = [];

    public int Count => _keys.Count;

    public JObjectBuilder Set(string key, JData value)
    {
        var i = _keys.IndexOf(key);
        if (i >= 0)
        {
            _values[i] = value;
        }
        else
        {
            _keys.Add(key);
            _values.Add(value);
        }

        return this;
    }

    public JObject Build() => _keys.Count == 0 ? JData.EmptyObject : new JObject([.. _keys], [.. _values]);
}
