using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>
/// Finds the first key that repeats in its object, with its JSON pointer, line and column. The document's own check
/// rejects such input without a position; this pass runs only then.
/// </summary>
internal static class DuplicateKeyLocator
{
    public static (string Name, string Pointer, int Line, int Column)? Find(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 256 });
        var containers = new Stack<(string Pointer, HashSet<string>? Keys, int Index)>();
        string? propertyPointer = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var (objectPointer, keys, _) = containers.Peek();
                        var name = reader.GetString()!;
                        propertyPointer = Pointer.Child(objectPointer, name);
                        if (!keys!.Add(name))
                        {
                            var (line, column) = Position(utf8Json, (int)reader.TokenStartIndex);
                            return (name, propertyPointer, line, column);
                        }

                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.Pop();
                        continue;
                }

                var valuePointer = string.Empty;
                if (containers.Count > 0 && containers.Peek().Keys is null)
                {
                    var (arrayPointer, _, index) = containers.Pop();
                    containers.Push((arrayPointer, null, index + 1));
                    valuePointer = Pointer.Child(arrayPointer, index);
                }
                else if (containers.Count > 0)
                {
                    valuePointer = propertyPointer!;
                }

                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    containers.Push((valuePointer, new HashSet<string>(StringComparer.Ordinal), 0));
                }
                else if (reader.TokenType == JsonTokenType.StartArray)
                {
                    containers.Push((valuePointer, null, 0));
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is reported with its own position.
        }

        return null;
    }

    private static (int Line, int Column) Position(ReadOnlySpan<byte> utf8Json, int offset)
    {
        var before = utf8Json[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, offset - lineStart + 1);
    }
}
