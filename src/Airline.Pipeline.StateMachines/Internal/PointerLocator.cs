using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>Finds the line and column of JSON pointers in UTF-8 JSON text (one pass, run only when there are problems).</summary>
internal static class PointerLocator
{
    public static Dictionary<string, (int Line, int Column)> Locate(ReadOnlySpan<byte> utf8Json, IReadOnlySet<string> wanted)
    {
        var found = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8Json.Length; i++)
        {
            if (utf8Json[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        var containers = new Stack<(string Pointer, bool IsArray, int Index)>();
        string? propertyPointer = null;
        try
        {
            while (reader.Read() && found.Count < wanted.Count)
            {
                string? valuePointer = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        propertyPointer = Pointer.Child(containers.Peek().Pointer, reader.GetString()!);
                        Record(propertyPointer, reader.TokenStartIndex);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.Pop();
                        continue;
                }

                if (containers.Count == 0)
                {
                    valuePointer = string.Empty;
                }
                else if (containers.Peek().IsArray)
                {
                    var (pointer, _, index) = containers.Pop();
                    containers.Push((pointer, true, index + 1));
                    valuePointer = Pointer.Child(pointer, index);
                    Record(valuePointer, reader.TokenStartIndex);
                }
                else
                {
                    valuePointer = propertyPointer ?? string.Empty;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    containers.Push((valuePointer, reader.TokenType == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the reader already reported it with its position.
        }

        return found;

        void Record(string pointer, long offset)
        {
            if (!wanted.Contains(pointer) || found.ContainsKey(pointer))
            {
                return;
            }

            var line = lineStarts.BinarySearch((int)offset);
            line = line >= 0 ? line : ~line - 1;
            found[pointer] = (line + 1, (int)offset - lineStarts[line] + 1);
        }
    }
}
