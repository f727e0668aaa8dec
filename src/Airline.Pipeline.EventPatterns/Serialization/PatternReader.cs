using System.Text.Json;
using Airline.Pipeline.EventPatterns.Internal;
using Airline.Pipeline.EventPatterns.Model;
using Airline.Pipeline.EventPatterns.Validation;

namespace Airline.Pipeline.EventPatterns.Serialization;

/// <summary>
/// Reads pattern JSON into the model. Malformed JSON yields one problem with line and column; JSON that is
/// well formed but not a pattern (an unknown operator, a prefix that is not a string...) yields a problem per
/// bad value with its JSON pointer. AWS's other rules are the validator's job.
/// </summary>
internal static class PatternReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    public static PatternObject? Read(ReadOnlyMemory<byte> utf8, List<PatternProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            problems.Add(new PatternProblem(string.Empty, "Malformed JSON: " + FirstSentence(e.Message), line, column));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new PatternProblem(string.Empty, "Filter is not an object: an event pattern is a JSON object such as {\"source\": [\"aws.s3\"]}."));
                return null;
            }

            return ReadObject(root, string.Empty, problems);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static PatternObject ReadObject(JsonElement element, string pointer, List<PatternProblem> problems)
    {
        var members = new List<PatternMember>();
        foreach (var property in element.EnumerateObject())
        {
            var here = JsonPointer.Append(pointer, property.Name);
            var member = ReadMember(property.Name, property.Value, here, problems);
            if (member is null)
            {
                continue;
            }

            // Duplicate keys: the last one wins, as in event-ruler.
            var name = MemberName(member);
            var previous = members.FindIndex(m => MemberName(m) == name);
            if (previous >= 0)
            {
                members.RemoveAt(previous);
            }

            members.Add(member);
        }

        return new PatternObject(members);
    }

    internal static string MemberName(PatternMember member) => member switch
    {
        NestedField f => f.Name,
        LeafField l => l.Name,
        _ => "$or",
    };

    private static PatternMember? ReadMember(string name, JsonElement value, string pointer, List<PatternProblem> problems)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return new NestedField(name, ReadObject(value, pointer, problems));
            case JsonValueKind.Array when name == "$or":
                return ReadOr(value, pointer, problems);
            case JsonValueKind.Array:
                var matchers = ReadLeaf(value, pointer, problems);

                // Entries that failed were reported; an empty model leaf would add a second, false problem.
                return matchers.Count == 0 && value.GetArrayLength() > 0 ? null : new LeafField(name, matchers);
            default:
                problems.Add(new PatternProblem(
                    pointer,
                    $"Match value must be an array: \"{name}\" is {Describe(value)}; write \"{name}\": [{value.GetRawText()}]."));
                return null;
        }
    }

    private static OrMember ReadOr(JsonElement value, string pointer, List<PatternProblem> problems)
    {
        var alternatives = new List<PatternObject>();
        List<int>? skipped = null;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var here = JsonPointer.Append(pointer, index++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new PatternProblem(here, $"Each $or alternative must be an object; this one is {Describe(item)}."));
                (skipped ??= []).Add(index - 1);
                continue;
            }

            alternatives.Add(ReadObject(item, here, problems));
        }

        return new OrMember(SourcePositions.Record(alternatives, skipped, index));
    }

    private static List<ValueMatcher> ReadLeaf(JsonElement array, string pointer, List<PatternProblem> problems)
    {
        var matchers = new List<ValueMatcher>();
        List<int>? skipped = null;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var here = JsonPointer.Append(pointer, index++);
            var matcher = item.ValueKind switch
            {
                JsonValueKind.Object => ReadOperator(item, here, problems),
                JsonValueKind.Array => Problem(here, "Match value must be String, number, true, false, or null; nested arrays are not allowed.", problems),
                _ => new ExactMatcher(Literal(item)),
            };
            if (matcher is not null)
            {
                matchers.Add(matcher);
            }
            else
            {
                (skipped ??= []).Add(index - 1);
            }
        }

        return SourcePositions.Record(matchers, skipped, index);
    }

    private static ValueMatcher? ReadOperator(JsonElement item, string pointer, List<PatternProblem> problems)
    {
        JsonProperty? only = null;
        var count = 0;
        foreach (var property in item.EnumerateObject())
        {
            only ??= property;
            count++;
        }

        if (count == 0)
        {
            return Problem(pointer, "Empty objects are not allowed in a match array; use an operator such as {\"prefix\": \"x\"}.", problems);
        }

        if (count > 1)
        {
            return Problem(pointer, "Only one key allowed in match expression.", problems);
        }

        var op = only!.Value;
        var value = op.Value;
        var here = JsonPointer.Append(pointer, op.Name);
        switch (op.Name)
        {
            case "prefix":
            case "suffix":
                return ReadPrefixOrSuffix(op.Name, value, here, problems);
            case "equals-ignore-case":
                return value.ValueKind == JsonValueKind.String
                    ? new EqualsIgnoreCaseMatcher(value.GetString()!)
                    : Problem(here, "equals-ignore-case match pattern must be a string.", problems);
            case "exactly":
                return value.ValueKind == JsonValueKind.String
                    ? new ExactlyMatcher(value.GetString()!)
                    : Problem(here, "exact match pattern must be a string.", problems);
            case "wildcard":
                return value.ValueKind == JsonValueKind.String
                    ? new WildcardMatcher(value.GetString()!)
                    : Problem(here, "wildcard match pattern must be a string.", problems);
            case "cidr":
                return value.ValueKind == JsonValueKind.String
                    ? new CidrMatcher(value.GetString()!)
                    : Problem(here, "cidr match pattern must be a string such as \"10.0.0.0/24\".", problems);
            case "exists":
                return value.ValueKind switch
                {
                    JsonValueKind.True => new ExistsMatcher(true),
                    JsonValueKind.False => new ExistsMatcher(false),
                    _ => Problem(here, "exists match pattern must be either true or false.", problems),
                };
            case "numeric":
                return ReadNumeric(value, here, problems);
            case "anything-but":
                return ReadAnythingBut(value, here, problems);
            default:
                return Problem(
                    JsonPointer.Append(pointer, op.Name),
                    $"Unrecognized match type {op.Name}; operators are lower case: prefix, suffix, equals-ignore-case, anything-but, numeric, exists, cidr, wildcard.",
                    problems);
        }
    }

    private static ValueMatcher? ReadPrefixOrSuffix(string name, JsonElement value, string pointer, List<PatternProblem> problems)
    {
        var isPrefix = name == "prefix";
        if (value.ValueKind == JsonValueKind.String)
        {
            return isPrefix ? new PrefixMatcher(value.GetString()!) : new SuffixMatcher(value.GetString()!);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return Problem(pointer, $"{name} match pattern must be a string.", problems);
        }

        if (!TryGetOnlyProperty(value, out var only))
        {
            return Problem(pointer, "Only one key allowed in match expression.", problems);
        }

        if (only.Name != "equals-ignore-case")
        {
            return Problem(JsonPointer.Append(pointer, only.Name), $"Unsupported {name} pattern: {only.Name}.", problems);
        }

        var inner = only.Value;
        if (inner.ValueKind != JsonValueKind.String)
        {
            return Problem(JsonPointer.Append(pointer, "equals-ignore-case"), "equals-ignore-case match pattern must be a string.", problems);
        }

        return isPrefix ? new PrefixMatcher(inner.GetString()!, IgnoreCase: true) : new SuffixMatcher(inner.GetString()!, IgnoreCase: true);
    }

    private static ValueMatcher? ReadNumeric(JsonElement value, string pointer, List<PatternProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return Problem(pointer, "Value of numeric must be an array such as [\">\", 0, \"<=\", 5].", problems);
        }

        var terms = new List<PatternLiteral>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
            {
                return Problem(JsonPointer.Append(pointer, index), "numeric terms are operators (\"<\", \"=\"...) and numbers; nested arrays and objects are not allowed.", problems);
            }

            terms.Add(Literal(item));
            index++;
        }

        return new NumericMatcher(terms);
    }

    private static ValueMatcher? ReadAnythingBut(JsonElement value, string pointer, List<PatternProblem> problems)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                {
                    var values = ReadScalarList(value, pointer, problems, "Inside anything but list, either all values are number or string, mixed type is not supported.");
                    return values is null ? null : new AnythingButMatcher(AnythingButKind.Values, values, IsList: true);
                }

            case JsonValueKind.Object:
                {
                    if (!TryGetOnlyProperty(value, out var only))
                    {
                        return Problem(pointer, "Only one key allowed in match expression.", problems);
                    }

                    var kind = only.Name switch
                    {
                        "prefix" => AnythingButKind.Prefix,
                        "suffix" => AnythingButKind.Suffix,
                        "equals-ignore-case" => AnythingButKind.EqualsIgnoreCase,
                        "wildcard" => AnythingButKind.Wildcard,
                        _ => (AnythingButKind?)null,
                    };
                    var here = JsonPointer.Append(pointer, only.Name);
                    if (kind is null)
                    {
                        return Problem(here, $"Unsupported anything-but pattern: {only.Name}; use prefix, suffix, equals-ignore-case or wildcard.", problems);
                    }

                    var inner = only.Value;
                    if (inner.ValueKind == JsonValueKind.Object)
                    {
                        return Problem(here, $"anything-but {only.Name} takes a string or a list of strings, not an object.", problems);
                    }

                    if (inner.ValueKind == JsonValueKind.Array)
                    {
                        var values = ReadScalarList(inner, here, problems, $"anything-but {only.Name} list must hold strings only.");
                        return values is null ? null : new AnythingButMatcher(kind.Value, values, IsList: true);
                    }

                    return new AnythingButMatcher(kind.Value, [Literal(inner)], IsList: false);
                }

            default:
                return new AnythingButMatcher(AnythingButKind.Values, [Literal(value)], IsList: false);
        }
    }

    private static List<PatternLiteral>? ReadScalarList(JsonElement array, string pointer, List<PatternProblem> problems, string nestedMessage)
    {
        var values = new List<PatternLiteral>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
            {
                problems.Add(new PatternProblem(JsonPointer.Append(pointer, index), nestedMessage));
                return null;
            }

            values.Add(Literal(item));
            index++;
        }

        return values;
    }

    private static PatternLiteral Literal(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String => PatternLiteral.String(item.GetString()!),
        JsonValueKind.Number => new PatternLiteral(PatternLiteralKind.Number, item.GetRawText()),
        JsonValueKind.True => PatternLiteral.Boolean(true),
        JsonValueKind.False => PatternLiteral.Boolean(false),
        _ => PatternLiteral.Null,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    private static ValueMatcher? Problem(string pointer, string message, List<PatternProblem> problems)
    {
        problems.Add(new PatternProblem(pointer, message));
        return null;
    }

    private static bool TryGetOnlyProperty(JsonElement value, out JsonProperty only)
    {
        only = default;
        var count = 0;
        foreach (var property in value.EnumerateObject())
        {
            only = property;
            if (++count > 1)
            {
                return false;
            }
        }

        return count == 1;
    }
}
