using System.Buffers;
using System.Text;
using System.Text.Json;
using Airline.Pipeline.StateMachines.Internal;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Serialization;

/// <summary>
/// Reads ASL JSON into the model. <see cref="Read(ReadOnlySpan{byte})"/> never throws: it returns what it could
/// read and the problems it met; <see cref="Parse(string)"/> throws <see cref="AslParseException"/> instead.
/// Fields the model does not know, or that have the wrong type, are kept in <c>UnknownFields</c> so that
/// writing the model back loses nothing.
/// </summary>
public static class AslReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 256,
    };

    /// <summary>Reads UTF-8 JSON, collecting problems instead of throwing.</summary>
    public static AslReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        // The model keeps copies of the JSON values it holds (Parameters, Result, ...), so the document and this copy
        // of the input go back to their pools: a large definition then allocates no large arrays, which would each
        // count towards a full (gen 2) collection.
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, utf8Json.Length));
        try
        {
            utf8Json.CopyTo(buffer);
            return ReadPooled(buffer.AsMemory(0, utf8Json.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static AslReadResult ReadPooled(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            // A repeated key is reported by the document without a position: find it (this pass runs only here).
            if (exception.LineNumber is null && DuplicateKeyLocator.Find(utf8Json.Span) is { } duplicate)
            {
                return Failed(new AslProblem(duplicate.Pointer, ProblemCodes.InvalidJson,
                    $"Invalid JSON at line {duplicate.Line}, column {duplicate.Column}: the key '{duplicate.Name}' appears twice in one object. " +
                    "JSON keys must be unique; keep one.")
                {
                    Line = duplicate.Line,
                    Column = duplicate.Column,
                });
            }

            return Failed(InvalidJson(exception));
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    /// <summary>Reads an already parsed JSON element (the model keeps copies of the values it holds, so the
    /// caller may dispose the element's document afterwards).</summary>
    public static AslReadResult Read(JsonElement definition)
    {
        var problems = new List<AslProblem>();
        var machine = new ModelReader(problems).ReadStateMachine(definition);
        return new AslReadResult(machine, problems);
    }

    /// <summary>Reads JSON text, collecting problems instead of throwing.</summary>
    public static AslReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxByteCount(json.Length)));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return ReadPooled(buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads JSON text; throws <see cref="AslParseException"/> with every problem.</summary>
    public static StateMachine Parse(string json) => Read(json).GetMachineOrThrow();

    /// <summary>Reads UTF-8 JSON; throws <see cref="AslParseException"/> with every problem.</summary>
    public static StateMachine Parse(ReadOnlySpan<byte> utf8Json) => Read(utf8Json).GetMachineOrThrow();

    /// <summary>Reads a file; throws <see cref="AslParseException"/> with every problem.</summary>
    public static StateMachine Load(string path) => ReadPooled(File.ReadAllBytes(path)).GetMachineOrThrow();

    private static AslReadResult Failed(AslProblem problem) => new(null, [problem]);

    private static AslProblem InvalidJson(JsonException exception)
    {
        var line = (int)(exception.LineNumber ?? 0) + 1;
        var column = (int)(exception.BytePositionInLine ?? 0) + 1;
        var reason = exception.Message;
        var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        if (cut > 0)
        {
            reason = reason[..cut];
        }

        return new AslProblem(string.Empty, ProblemCodes.InvalidJson,
            $"Invalid JSON at line {line}, column {column}: {reason} Fix the JSON syntax there.")
        {
            Line = line,
            Column = column,
        };
    }
}

/// <summary>The result of <see cref="AslReader.Read(ReadOnlySpan{byte})"/>.</summary>
/// <param name="Machine">The model, or null when the JSON could not be read at all.</param>
/// <param name="Problems">What the reader could not accept (the validator finds the rest).</param>
public sealed record AslReadResult(StateMachine? Machine, IReadOnlyList<AslProblem> Problems)
{
    /// <summary>The model, or <see cref="AslParseException"/> listing the problems.</summary>
    public StateMachine GetMachineOrThrow() =>
        Machine is not null && Problems.Count == 0 ? Machine : throw new AslParseException(Problems);
}
