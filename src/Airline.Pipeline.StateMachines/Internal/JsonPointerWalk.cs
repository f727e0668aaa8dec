using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>
/// Walks UTF-8 JSON text once, giving each object member and array item its JSON pointer and byte offset, for the
/// passes that turn pointers into lines and columns (they run only when there are problems to locate).
/// </summary>
internal static class JsonPointerWalk
{
    /// <summary>One member (<paramref name="name"/> set) or array item (<paramref name="name"/> null) at
    /// <paramref name="offset"/>, inside the container at <paramref name="container"/>. Return false to stop.</summary>
    public delegate bool Visitor(string pointer, string container, string? name, long offset);

    /// <summary>Visits every member and item in document order; malformed JSON ends the walk quietly (the reader
    /// reports it with its own position).</summary>
    public static void Walk(ReadOnlySpan<byte> utf8Json, Visitor visit)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        var containers = new Stack<(string Pointer, bool IsArray, int Index)>();
        string? propertyPointer = null;
        try
        {
            while (reader.Read())
            {
                string valuePointer;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var container = containers.Peek().Pointer;
                        var name = reader.GetString()!;
                        propertyPointer = Pointer.Child(container, name);
                        if (!visit(propertyPointer, container, name, reader.TokenStartIndex))
                        {
                            return;
                        }

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
                    var (array, _, index) = containers.Pop();
                    containers.Push((array, true, index + 1));
                    valuePointer = Pointer.Child(array, index);
                    if (!visit(valuePointer, array, null, reader.TokenStartIndex))
                    {
                        return;
                    }
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
            // Malformed JSON: reported by the reader with its position.
        }
    }

    /// <summary>The 1-based line and column of byte offsets (the line starts found once, each offset by binary search).</summary>
    public static Func<long, (int Line, int Column)> Positions(ReadOnlySpan<byte> utf8Json)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8Json.Length; i++)
        {
            if (utf8Json[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        return offset =>
        {
            var line = lineStarts.BinarySearch((int)offset);
            line = line >= 0 ? line : ~line - 1;
            return (line + 1, (int)offset - lineStarts[line] + 1);
        };
    }
}
