using System.Globalization;
using Airline.Pipeline.EventPatterns.Internal;
using Airline.Pipeline.EventPatterns.Model;

namespace Airline.Pipeline.EventPatterns.Validation;

/// <summary>
/// AWS's rules for event patterns, checked before deployment. Messages use event-ruler's and EventBridge's
/// wording where they publish one; each problem names its location as a JSON pointer.
/// </summary>
public static class EventPatternValidator
{
    private const string TooComplex =
        "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character.";

    /// <summary>Every problem AWS would report for the pattern; empty when it is valid.</summary>
    public static IReadOnlyList<PatternProblem> Validate(EventPattern pattern, EventPatternValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var problems = new List<PatternProblem>();
        Validate(pattern.Root, pattern.ToJson().Length, options ?? EventPatternValidationOptions.Default, problems);
        return problems;
    }

    internal static void Validate(PatternObject root, int jsonLength, EventPatternValidationOptions options, List<PatternProblem> problems)
    {
        if (jsonLength > options.MaxPatternLength)
        {
            problems.Add(new PatternProblem(string.Empty, string.Create(
                CultureInfo.InvariantCulture,
                $"Event pattern is {jsonLength} characters; the maximum is {options.MaxPatternLength} (ask AWS to raise the account's limit to 4096, or split the rule).")));
        }

        if (root.Members.Count == 0)
        {
            problems.Add(new PatternProblem(string.Empty, "Event pattern is empty: name at least one field, such as {\"source\": [\"aws.s3\"]}."));
        }

        CheckObject(root, string.Empty, problems);
        var combinations = PatternFlattener.CountCombinations(root);
        if (combinations > options.MaxOrCombinations)
        {
            problems.Add(new PatternProblem(string.Empty, string.Create(
                CultureInfo.InvariantCulture,
                $"The $or conditions expand to {combinations} combinations; EventBridge allows at most {options.MaxOrCombinations}. Move shared fields out of the $or or split the rule.")));
            return;
        }

        if (problems.Count == 0)
        {
            CheckWildcardComplexity(root, options, problems);
        }
    }

    private static void CheckObject(PatternObject obj, string pointer, List<PatternProblem> problems)
    {
        foreach (var member in obj.Members)
        {
            switch (member)
            {
                case NestedField nested:
                    var nestedPointer = JsonPointer.Append(pointer, nested.Name);
                    if (nested.Value.Members.Count == 0)
                    {
                        problems.Add(new PatternProblem(nestedPointer, $"\"{nested.Name}\" is an empty object: give it fields, or remove it."));
                    }

                    CheckObject(nested.Value, nestedPointer, problems);
                    break;
                case LeafField leaf:
                    CheckLeaf(leaf, JsonPointer.Append(pointer, leaf.Name), problems);
                    break;
                case OrMember or:
                    var orPointer = JsonPointer.Append(pointer, "$or");
                    if (or.Alternatives.Count < 2)
                    {
                        problems.Add(new PatternProblem(orPointer, "$or needs at least 2 alternatives (objects) in its array."));
                    }

                    for (var i = 0; i < or.Alternatives.Count; i++)
                    {
                        var altPointer = JsonPointer.Append(orPointer, SourcePositions.Of(or.Alternatives, i));
                        if (or.Alternatives[i].Members.Count == 0)
                        {
                            problems.Add(new PatternProblem(altPointer, "A $or alternative is an empty object: give it fields."));
                        }

                        CheckObject(or.Alternatives[i], altPointer, problems);
                    }

                    break;
            }
        }
    }

    private static void CheckLeaf(LeafField leaf, string pointer, List<PatternProblem> problems)
    {
        if (leaf.Matchers.Count == 0)
        {
            problems.Add(new PatternProblem(pointer, $"Empty arrays are not allowed: give \"{leaf.Name}\" at least one value, or remove it."));
            return;
        }

        for (var i = 0; i < leaf.Matchers.Count; i++)
        {
            var here = JsonPointer.Append(pointer, SourcePositions.Of(leaf.Matchers, i));
            var message = CheckMatcher(leaf.Matchers[i], ref here);
            if (message is not null)
            {
                problems.Add(new PatternProblem(here, message));
            }
        }
    }

    private static string? CheckMatcher(ValueMatcher matcher, ref string pointer)
    {
        switch (matcher)
        {
            case ExactMatcher exact:
                return CheckLiteral(exact.Value);
            case WildcardMatcher wildcard:
                pointer = JsonPointer.Append(pointer, "wildcard");
                return WildcardPattern.Check(wildcard.Value);
            case CidrMatcher cidr:
                pointer = JsonPointer.Append(pointer, "cidr");
                CidrBlock.TryParse(cidr.Value, out var cidrError);
                return cidrError;
            case NumericMatcher numeric:
                pointer = JsonPointer.Append(pointer, "numeric");
                return NumericRange.TryParse(numeric.Terms, out _);
            case AnythingButMatcher anythingBut:
                pointer = JsonPointer.Append(pointer, "anything-but");
                return CheckAnythingBut(anythingBut);
            default:
                return null;
        }
    }

    private static string? CheckLiteral(PatternLiteral literal) =>
        literal.Kind == PatternLiteralKind.Number && !JsonNumbers.IsJsonNumber(literal.Text)
            ? $"'{literal.Text}' is not a JSON number."
            : null;

    private static string? CheckAnythingBut(AnythingButMatcher matcher)
    {
        var values = matcher.Values;
        if (values.Count == 0)
        {
            return "Empty arrays are not allowed in anything-but: list at least one value.";
        }

        switch (matcher.Kind)
        {
            case AnythingButKind.Values:
                var strings = values.Count(v => v.IsString);
                var numbers = values.Count(v => v.IsNumber);
                if (strings + numbers != values.Count)
                {
                    return matcher.IsList
                        ? "Inside anything but list, null and booleans are not supported: list only strings, or only numbers."
                        : "anything-but value must be a string or a number (null and booleans are not supported).";
                }

                if (strings > 0 && numbers > 0)
                {
                    return "Inside anything but list, either all values are number or string, mixed type is not supported.";
                }

                return values.Select(CheckLiteral).FirstOrDefault(m => m is not null);
            case AnythingButKind.Prefix:
            case AnythingButKind.Suffix:
                if (values.Any(v => !v.IsString))
                {
                    return "prefix/suffix match pattern must be a string.";
                }

                return values.Any(v => v.Text.Length == 0) ? "Null prefix/suffix not allowed: an empty prefix or suffix would exclude every string." : null;
            case AnythingButKind.EqualsIgnoreCase:
                return values.Any(v => !v.IsString)
                    ? "Inside anything-but/ignore-case list, number|start|null|boolean is not supported."
                    : null;
            case AnythingButKind.Wildcard:
                if (values.Any(v => !v.IsString))
                {
                    return "Unsupported anything-but pattern: wildcard values must be strings.";
                }

                return values.Select(v => WildcardPattern.Check(v.Text)).FirstOrDefault(m => m is not null);
            default:
                return null;
        }
    }

    private static void CheckWildcardComplexity(PatternObject root, EventPatternValidationOptions options, List<PatternProblem> problems)
    {
        var byPath = new Dictionary<string, (string Pointer, HashSet<string> Values)>(StringComparer.Ordinal);
        foreach (var alternative in PatternFlattener.Expand(root))
        {
            foreach (var condition in alternative)
            {
                foreach (var matcher in condition.Matchers)
                {
                    var wildcards = matcher switch
                    {
                        WildcardMatcher w => [w.Value],
                        AnythingButMatcher { Kind: AnythingButKind.Wildcard } a => a.Values.Select(v => v.Text),
                        _ => Enumerable.Empty<string>(),
                    };
                    foreach (var wildcard in wildcards)
                    {
                        if (!byPath.TryGetValue(condition.Path, out var entry))
                        {
                            entry = (condition.Pointer, new HashSet<string>(StringComparer.Ordinal));
                            byPath[condition.Path] = entry;
                        }

                        entry.Values.Add(wildcard);
                    }
                }
            }
        }

        foreach (var (_, (pointer, values)) in byPath)
        {
            if (WildcardComplexity.Evaluate(values, options.MaxWildcardComplexity) > options.MaxWildcardComplexity)
            {
                problems.Add(new PatternProblem(pointer, TooComplex));
            }
        }
    }
}
