using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Airline.Pipeline.StateMachines.Internal;
using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Serialization;

/// <summary>
/// Writes the model as ASL JSON with a stable property order: Type, Comment, QueryLanguage, the type's fields,
/// Retry, Catch, Next/End, then unknown fields in their original order. Numbers keep their spelling.
/// </summary>
public static class AslWriter
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly JsonWriterOptions Indented = Compact with { Indented = true };

    /// <summary>The definition as JSON text.</summary>
    public static string Write(StateMachine machine, bool indented = false) => Encoding.UTF8.GetString(WriteUtf8(machine, indented));

    /// <summary>The definition as UTF-8 JSON.</summary>
    public static byte[] WriteUtf8(StateMachine machine, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(machine);
        if (!indented && WrittenJsonCache.Take(machine) is { } written)
        {
            return written;
        }

        // About 250 bytes per state (compact): start near the final size instead of doubling from a small buffer.
        using var buffer = new PooledByteBuffer(Math.Clamp(machine.States.Length * 256, 16 * 1024, Validation.Limits.MaxDefinitionBytes));
        Write(machine, buffer, indented);
        return buffer.ToArray();
    }

    /// <summary>Writes the definition to a buffer.</summary>
    public static void Write(StateMachine machine, IBufferWriter<byte> output, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(machine);
        using var writer = new Utf8JsonWriter(output, indented ? Indented : Compact);
        ModelWriter.WriteMachine(writer, machine);
    }

    /// <summary>Writes the definition to a stream.</summary>
    public static void Write(StateMachine machine, Stream output, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(machine);
        using var writer = new Utf8JsonWriter(output, indented ? Indented : Compact);
        ModelWriter.WriteMachine(writer, machine);
    }
}
