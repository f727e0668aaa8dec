using Airline.Pipeline.StateMachines.Serialization;

namespace Airline.Pipeline.StateMachines.Model;

/// <summary>
/// An immutable Amazon States Language definition. Read one with <see cref="Parse(string)"/>, build one with
/// <c>StateMachineBuilder</c>, write it with <see cref="ToJson"/>, check it with
/// <c>AslValidator</c>.
/// </summary>
public sealed record StateMachine : StateGraph
{
    /// <summary>The ASL version (<c>Version</c>), "1.0" when absent.</summary>
    public string? Version { get; init; }

    /// <summary>Maximum run time of an execution in seconds (<c>TimeoutSeconds</c>).</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>The default query language of every state (<c>QueryLanguage</c>); JSONPath when absent.</summary>
    public QueryLanguage? QueryLanguage { get; init; }

    /// <summary>
    /// Reads a definition from JSON text. Throws <see cref="AslParseException"/> (with every problem, each
    /// with a JSON pointer, line and column) when the JSON is malformed or a field has the wrong type.
    /// Semantic rules (targets exist, reachability...) are the validator's job.
    /// </summary>
    public static StateMachine Parse(string json) => AslReader.Parse(json);

    /// <summary>Reads a definition from UTF-8 JSON bytes.</summary>
    public static StateMachine Parse(ReadOnlySpan<byte> utf8Json) => AslReader.Parse(utf8Json);

    /// <summary>Reads a definition from a file.</summary>
    public static StateMachine Load(string path) => AslReader.Load(path);

    /// <summary>Writes the definition as ASL JSON with a stable property order.</summary>
    public string ToJson(bool indented = false) => AslWriter.Write(this, indented);

    /// <summary>Writes the definition as UTF-8 ASL JSON.</summary>
    public byte[] ToUtf8Json(bool indented = false) => AslWriter.WriteUtf8(this, indented);

    /// <summary>The indented JSON.</summary>
    public override string ToString() => ToJson(indented: true);
}
