using System.Runtime.InteropServices;
using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>
/// Copies of scalar JSON values (Choice operands) that outlive the reader's document, without a document per value:
/// <c>true</c>, <c>false</c> and <c>null</c> are shared by every read, and one read shares one copy per distinct
/// string or number (operands repeat: "SUCCEEDED", "FAILED", 0). Objects and arrays are cloned as usual.
/// </summary>
internal sealed class ScalarCopies
{
    private static readonly JsonElement True = Literal("true");
    private static readonly JsonElement False = Literal("false");
    private static readonly JsonElement Null = Literal("null");

    private readonly Dictionary<byte[], JsonElement> _copies = new(RawJsonComparer.Instance);

    public JsonElement Copy(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return True;
            case JsonValueKind.False:
                return False;
            case JsonValueKind.Null:
                return Null;
            case JsonValueKind.String or JsonValueKind.Number:
                var copies = _copies.GetAlternateLookup<ReadOnlySpan<byte>>();
                var raw = JsonMarshal.GetRawUtf8Value(value);
                if (!copies.TryGetValue(raw, out var copy))
                {
                    copy = value.Clone();
                    copies[raw] = copy;
                }

                return copy;
            default:
                return value.Clone();
        }
    }

    private static JsonElement Literal(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Compares raw JSON values byte by byte (two spellings of one number are two values, which is harmless).</summary>
    private sealed class RawJsonComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly RawJsonComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
