using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Airline.Pipeline.Cli.Internal;

/// <summary>Reads the files and JSON values the commands take, failing with messages that name the file or option.</summary>
internal static class Inputs
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    /// <summary>The bytes of a file; a missing or unreadable file is bad input naming <paramref name="what"/>.</summary>
    public static byte[] ReadFile(string path, string what)
    {
        CheckFileExists(path, what);
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.BadInput($"{what} '{path}' cannot be read: {e.Message}");
        }
    }

    /// <summary>The text (UTF-8) of a file.</summary>
    public static string ReadText(string path, string what) => Encoding.UTF8.GetString(ReadFile(path, what));

    /// <summary>Fails with exit code 2 unless <paramref name="path"/> is an existing file.</summary>
    public static void CheckFileExists(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw CliException.BadInput($"{what} '{path}' is a folder; give a file");
        }

        if (!File.Exists(path))
        {
            throw CliException.BadInput($"{what} '{path}' does not exist");
        }
    }

    /// <summary>
    /// A JSON value given on the command line: <c>@path</c> reads a file; text that starts like JSON
    /// (<c>{ [ "</c>, a number, true, false, null) is the value itself; anything else is a file path.
    /// Returns the text and a description of where it came from, for messages.
    /// </summary>
    public static (string Json, string Source) JsonArgument(string value, string option)
    {
        if (value.StartsWith('@'))
        {
            var path = value[1..];
            return (ReadText(path, $"{option} file"), $"{option} file '{path}'");
        }

        if (LooksLikeJson(value))
        {
            return (value, option);
        }

        return (ReadText(value, $"{option} file"), $"{option} file '{value}'");
    }

    /// <summary>Parses JSON, or fails with exit code 2 naming the source, line and column.</summary>
    public static JsonDocument ParseJson(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw CliException.BadInput($"{source} is not valid JSON: {Describe(e)}");
        }
    }

    /// <summary>Parses UTF-8 JSON, or fails with exit code 2 naming the source, line and column.</summary>
    public static JsonDocument ParseJson(ReadOnlyMemory<byte> utf8, string source)
    {
        try
        {
            return JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw CliException.BadInput($"{source} is not valid JSON: {Describe(e)}");
        }
    }

    /// <summary>"line 3, column 7: reason" from a <see cref="JsonException"/>, without System.Text.Json's path suffix.</summary>
    public static string Describe(JsonException e)
    {
        var reason = e.Message;
        foreach (var marker in (string[])[" Path:", " LineNumber:"])
        {
            var cut = reason.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut];
            }
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {reason.TrimEnd()}");
    }

    private static bool LooksLikeJson(string value)
    {
        var text = value.AsSpan().TrimStart();
        if (text.IsEmpty)
        {
            return true;
        }

        var first = text[0];
        return first is '{' or '[' or '"' or '-' || char.IsAsciiDigit(first) ||
               text.SequenceEqual("true") || text.SequenceEqual("false") || text.SequenceEqual("null");
    }
}
