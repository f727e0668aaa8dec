using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airline.Pipeline.Cli.Internal;

/// <summary>One invocation's streams and environment, shared by the command actions.</summary>
internal sealed class CliContext(CliEnvironment environment, TextReader input, TextWriter output, TextWriter error)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public CliEnvironment Environment { get; } = environment;

    public TextReader In { get; } = input;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Writes a JSON document, indented, to standard output.</summary>
    public void WriteJson(JsonNode node) => Out.WriteLine(Indent(node));

    /// <summary>A JSON document as indented text.</summary>
    public static string Indent(JsonNode node) => node.ToJsonString(Indented);

    /// <summary>Writes one JSON document on one line (JSON Lines).</summary>
    public static string Compact(JsonNode node) => node.ToJsonString(CompactOptions);

    private static readonly JsonSerializerOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Standard input as bytes: the raw stream when the host gives one, else the text reader re-encoded as UTF-8.</summary>
    public Stream OpenStandardInput() =>
        Environment.OpenStandardInput is { } open ? open() : new TextReaderStream(In);

    /// <summary>Standard output as bytes: the raw stream when the host gives one, else through the text writer.</summary>
    public Stream OpenStandardOutput()
    {
        Out.Flush();
        return Environment.OpenStandardOutput is { } open ? open() : new TextWriterStream(Out);
    }
}
