using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Airline.Pipeline.EventPatterns;

namespace Airline.Pipeline.Cli.Internal.Commands;

/// <summary>
/// <c>pattern match --cases FILE.jsonl</c>: a batch of pattern/event pairs, streamed line by line so that any number
/// of cases run in one process; each distinct pattern text is parsed and compiled once.
/// </summary>
internal static class PatternMatchCommand
{
    private const int CacheCapacity = 10_000;

    public static Command Create(CliContext context)
    {
        var cases = new Option<string>("--cases")
        {
            Description =
                "JSON Lines file (or - for standard input), one case a line: {\"id\": ..., \"pattern\": <JSON object or JSON text>, " +
                "\"event\": <JSON object or JSON text>}. Blank lines are skipped.",
            HelpName = "FILE.jsonl",
            Required = true,
        };
        var command = new Command(
            "match",
            "Test many events against many patterns: one output line per case, id<TAB>true|false|error<TAB>message " +
            "(error: the pattern is invalid or the line is not a case; message says why; a case without an id is named " +
            "#LINE). Streams, so a million cases run in one process. Exit 0 when the whole file was read, 2 when it cannot be.")
        {
            cases,
        };
        var format = command.AddFormatOption();
        command.SetHandler(context, async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(cases)!;
            var json = parse.IsJson(format);
            Stream input;
            if (path == "-")
            {
                input = context.OpenStandardInput();
            }
            else
            {
                Inputs.CheckFileExists(path, "cases file");
                input = File.OpenRead(path);
            }

            var counts = new long[3];
            await using (input.ConfigureAwait(false))
            {
                var reader = new Utf8LineReader(input);
                var output = context.Environment.OpenStandardOutput is { } open
                    ? new StreamWriter(open(), new UTF8Encoding(false), 1 << 16, leaveOpen: true)
                    : context.Out;
                try
                {
                    var cache = new Dictionary<string, (EventPattern? Pattern, string? Error)>(StringComparer.Ordinal);
                    long lineNumber = 0;
                    while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        lineNumber++;
                        if (line.Span.Trim(" \t"u8).IsEmpty)
                        {
                            continue;
                        }

                        var (id, result, message) = Evaluate(line, lineNumber, cache);
                        counts[(int)result]++;
                        var word = result switch { Result.True => "true", Result.False => "false", _ => "error" };
                        if (json)
                        {
                            output.WriteLine(CliContext.Compact(new JsonObject { ["id"] = id, ["result"] = word, ["message"] = message }));
                        }
                        else
                        {
                            output.Write(Clean(id));
                            output.Write('\t');
                            output.Write(word);
                            output.Write('\t');
                            output.WriteLine(Clean(message));
                        }
                    }
                }
                finally
                {
                    if (!ReferenceEquals(output, context.Out))
                    {
                        await output.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }

            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{counts[0] + counts[1] + counts[2]} cases: {counts[0]} true, {counts[1]} false, {counts[2]} error"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private enum Result
    {
        True,
        False,
        Error,
    }

    private static (string Id, Result Result, string Message) Evaluate(
        ReadOnlyMemory<byte> line, long lineNumber, Dictionary<string, (EventPattern? Pattern, string? Error)> cache)
    {
        var fallbackId = "#" + lineNumber.ToString(CultureInfo.InvariantCulture);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return (fallbackId, Result.Error, $"line {lineNumber} is not JSON: {Inputs.Describe(e)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (fallbackId, Result.Error, $"line {lineNumber} is not a JSON object with id, pattern and event");
            }

            var id = root.TryGetProperty("id", out var idElement)
                ? idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText()
                : fallbackId;
            if (!TryGetJson(root, "pattern", out var patternJson, out var problem) ||
                !TryGetEvent(root, out var eventElement, out problem))
            {
                return (id, Result.Error, $"line {lineNumber}: {problem}");
            }

            if (!cache.TryGetValue(patternJson, out var entry))
            {
                if (cache.Count >= CacheCapacity)
                {
                    cache.Clear();
                }

                entry = EventPattern.TryParse(patternJson, out var pattern, out var problems)
                    ? (pattern, null)
                    : (null, "invalid pattern: " + string.Join("; ", problems));
                cache[patternJson] = entry;
            }

            if (entry.Pattern is null)
            {
                return (id, Result.Error, entry.Error!);
            }

            try
            {
                // An event object is matched on its bytes as they are in the line (no copy); JSON text is decoded first.
                var matches = eventElement.ValueKind == JsonValueKind.String
                    ? entry.Pattern.Matches(eventElement.GetString()!)
                    : entry.Pattern.Matches(JsonMarshal.GetRawUtf8Value(eventElement));
                return (id, matches ? Result.True : Result.False, string.Empty);
            }
            catch (ArgumentException e)
            {
                return (id, Result.Error, "invalid event: " + e.Message);
            }
        }
    }

    /// <summary>The value of a property holding JSON: an object (or array) as is, or a string holding JSON text.</summary>
    private static bool TryGetJson(JsonElement root, string name, out string json, out string problem)
    {
        json = problem = string.Empty;
        if (!root.TryGetProperty(name, out var value))
        {
            problem = $"no \"{name}\" property";
            return false;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                json = value.GetString()!;
                return true;
            case JsonValueKind.Object or JsonValueKind.Array:
                json = value.GetRawText();
                return true;
            default:
                problem = $"\"{name}\" must be a JSON object or a string holding JSON text, not {value.ValueKind.ToString().ToLowerInvariant()}";
                return false;
        }
    }

    private static bool TryGetEvent(JsonElement root, out JsonElement value, out string problem)
    {
        problem = string.Empty;
        if (!root.TryGetProperty("event", out value))
        {
            problem = "no \"event\" property";
            return false;
        }

        if (value.ValueKind is JsonValueKind.String or JsonValueKind.Object or JsonValueKind.Array)
        {
            return true;
        }

        problem = $"\"event\" must be a JSON object or a string holding JSON text, not {value.ValueKind.ToString().ToLowerInvariant()}";
        return false;
    }

    private static string Clean(string text) =>
        text.AsSpan().IndexOfAny('\t', '\r', '\n') < 0
            ? text
            : text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
