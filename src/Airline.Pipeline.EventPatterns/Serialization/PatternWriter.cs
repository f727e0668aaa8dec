using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Airline.Pipeline.EventPatterns.Model;

namespace Airline.Pipeline.EventPatterns.Serialization;

/// <summary>Writes the model as compact JSON; numbers keep their spelling, member order is kept.</summary>
internal static class PatternWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    private static readonly JsonWriterOptions IndentedOptions = Options with { Indented = true };

    public static string Write(PatternObject root, bool indented = false)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, indented ? IndentedOptions : Options))
        {
            Write(writer, root);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter writer, PatternObject obj)
    {
        writer.WriteStartObject();
        foreach (var member in obj.Members)
        {
            switch (member)
            {
                case NestedField nested:
                    writer.WritePropertyName(nested.Name);
                    Write(writer, nested.Value);
                    break;
                case LeafField leaf:
                    writer.WritePropertyName(leaf.Name);
                    writer.WriteStartArray();
                    foreach (var matcher in leaf.Matchers)
                    {
                        WriteMatcher(writer, matcher);
                    }

                    writer.WriteEndArray();
                    break;
                case OrMember or:
                    writer.WritePropertyName("$or");
                    writer.WriteStartArray();
                    foreach (var alternative in or.Alternatives)
                    {
                        Write(writer, alternative);
                    }

                    writer.WriteEndArray();
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteMatcher(Utf8JsonWriter writer, ValueMatcher matcher)
    {
        switch (matcher)
        {
            case ExactMatcher exact:
                WriteLiteral(writer, exact.Value);
                return;
            case PrefixMatcher prefix:
                WriteOperator(writer, "prefix", prefix.Value, prefix.IgnoreCase);
                return;
            case SuffixMatcher suffix:
                WriteOperator(writer, "suffix", suffix.Value, suffix.IgnoreCase);
                return;
            case EqualsIgnoreCaseMatcher eic:
                WriteOperator(writer, "equals-ignore-case", eic.Value, ignoreCase: false);
                return;
            case ExactlyMatcher exactly:
                WriteOperator(writer, "exactly", exactly.Value, ignoreCase: false);
                return;
            case WildcardMatcher wildcard:
                WriteOperator(writer, "wildcard", wildcard.Value, ignoreCase: false);
                return;
            case CidrMatcher cidr:
                WriteOperator(writer, "cidr", cidr.Value, ignoreCase: false);
                return;
            case ExistsMatcher exists:
                writer.WriteStartObject();
                writer.WriteBoolean("exists", exists.Exists);
                writer.WriteEndObject();
                return;
            case NumericMatcher numeric:
                writer.WriteStartObject();
                writer.WritePropertyName("numeric");
                writer.WriteStartArray();
                foreach (var term in numeric.Terms)
                {
                    WriteLiteral(writer, term);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                return;
            case AnythingButMatcher anythingBut:
                WriteAnythingBut(writer, anythingBut);
                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(matcher), matcher, "unknown matcher type");
        }
    }

    private static void WriteAnythingBut(Utf8JsonWriter writer, AnythingButMatcher anythingBut)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("anything-but");
        var inner = anythingBut.Kind switch
        {
            AnythingButKind.Prefix => "prefix",
            AnythingButKind.Suffix => "suffix",
            AnythingButKind.EqualsIgnoreCase => "equals-ignore-case",
            AnythingButKind.Wildcard => "wildcard",
            _ => null,
        };
        if (inner is not null)
        {
            writer.WriteStartObject();
            writer.WritePropertyName(inner);
        }

        if (anythingBut.IsList)
        {
            writer.WriteStartArray();
            foreach (var value in anythingBut.Values)
            {
                WriteLiteral(writer, value);
            }

            writer.WriteEndArray();
        }
        else if (anythingBut.Values.Count > 0)
        {
            WriteLiteral(writer, anythingBut.Values[0]);
        }
        else
        {
            writer.WriteNullValue();
        }

        if (inner is not null)
        {
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteOperator(Utf8JsonWriter writer, string name, string value, bool ignoreCase)
    {
        writer.WriteStartObject();
        if (ignoreCase)
        {
            writer.WritePropertyName(name);
            writer.WriteStartObject();
            writer.WriteString("equals-ignore-case", value);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteString(name, value);
        }

        writer.WriteEndObject();
    }

    internal static void WriteLiteral(Utf8JsonWriter writer, PatternLiteral literal)
    {
        switch (literal.Kind)
        {
            case PatternLiteralKind.String:
                writer.WriteStringValue(literal.Text);
                break;
            case PatternLiteralKind.Number:
                writer.WriteRawValue(literal.Text, skipInputValidation: true);
                break;
            case PatternLiteralKind.True:
                writer.WriteBooleanValue(true);
                break;
            case PatternLiteralKind.False:
                writer.WriteBooleanValue(false);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
