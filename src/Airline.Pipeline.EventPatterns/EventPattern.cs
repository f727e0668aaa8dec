using System.Text;
using Airline.Pipeline.EventPatterns.Building;
using Airline.Pipeline.EventPatterns.Matching;
using Airline.Pipeline.EventPatterns.Model;
using Airline.Pipeline.EventPatterns.Serialization;
using Airline.Pipeline.EventPatterns.Validation;

namespace Airline.Pipeline.EventPatterns;

/// <summary>
/// An EventBridge event pattern that AWS would accept: made by <see cref="Builder"/>, <see cref="Parse(string, EventPatternValidationOptions?)"/>
/// or the presets in <see cref="Presets.EventPresets"/>. Immutable.
/// </summary>
public sealed class EventPattern : IEquatable<EventPattern>
{
    private readonly string _json;

    internal EventPattern(PatternObject root)
    {
        Root = root;
        _json = PatternWriter.Write(root);
    }

    private EventMatcher? _compiled;

    /// <summary>The pattern's top-level object.</summary>
    public PatternObject Root { get; }

    /// <summary>A builder for a new pattern.</summary>
    public static EventPatternBuilder Builder() => new();

    /// <summary>
    /// Wraps a model built by hand, after checking it with the validator.
    /// </summary>
    /// <exception cref="EventPatternException">AWS would reject the pattern; every problem is listed.</exception>
    public static EventPattern FromModel(PatternObject root, EventPatternValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var pattern = new EventPattern(root);
        var problems = EventPatternValidator.Validate(pattern, options);
        return problems.Count == 0 ? pattern : throw new EventPatternException(problems);
    }

    /// <summary>Parses and validates pattern JSON.</summary>
    /// <exception cref="EventPatternException">Malformed JSON (with line and column) or a pattern AWS would reject.</exception>
    public static EventPattern Parse(string json, EventPatternValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryParse(json, out var pattern, out var problems, options) ? pattern : throw new EventPatternException(problems);
    }

    /// <summary>Parses and validates pattern JSON given as UTF-8 bytes.</summary>
    /// <exception cref="EventPatternException">Malformed JSON (with line and column) or a pattern AWS would reject.</exception>
    public static EventPattern Parse(ReadOnlySpan<byte> utf8Json, EventPatternValidationOptions? options = null) =>
        TryParse(utf8Json, out var pattern, out var problems, options) ? pattern : throw new EventPatternException(problems);

    /// <summary>Parses and validates; false with every problem when the JSON is malformed or AWS would reject it.</summary>
    public static bool TryParse(
        string json,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EventPattern? pattern,
        out IReadOnlyList<PatternProblem> problems,
        EventPatternValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TryParse(Encoding.UTF8.GetBytes(json), json.Length, out pattern, out problems, options);
    }

    /// <summary>Parses and validates UTF-8 JSON; false with every problem when it is malformed or AWS would reject it.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8Json,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EventPattern? pattern,
        out IReadOnlyList<PatternProblem> problems,
        EventPatternValidationOptions? options = null)
    {
        var bytes = utf8Json.ToArray();
        return TryParse(bytes, Encoding.UTF8.GetCharCount(bytes), out pattern, out problems, options);
    }

    /// <summary>Every problem in pattern JSON (syntax, operators, AWS's limits); empty when AWS would accept it.</summary>
    public static IReadOnlyList<PatternProblem> Validate(string json, EventPatternValidationOptions? options = null)
    {
        TryParse(json, out _, out var problems, options);
        return problems;
    }

    private static bool TryParse(byte[] utf8, int charLength, out EventPattern? pattern, out IReadOnlyList<PatternProblem> problems, EventPatternValidationOptions? options)
    {
        var found = new List<PatternProblem>();
        var root = PatternReader.Read(utf8, found);
        if (root is not null)
        {
            EventPatternValidator.Validate(root, charLength, options ?? EventPatternValidationOptions.Default, found);
        }

        problems = found;
        pattern = found.Count == 0 && root is not null ? new EventPattern(root) : null;
        return pattern is not null;
    }

    /// <summary>The compact JSON that <c>aws events put-rule --event-pattern</c> takes; numbers keep their spelling.</summary>
    public string ToJson() => _json;

    /// <summary>The pattern as indented JSON, for people.</summary>
    public string ToIndentedJson() => PatternWriter.Write(Root, indented: true);

    /// <summary>True when the event (JSON text) matches, with EventBridge's semantics.</summary>
    public bool Matches(string eventJson) => EventMatcher.Matches(this, eventJson);

    /// <summary>True when the event (UTF-8 JSON) matches, with EventBridge's semantics.</summary>
    public bool Matches(ReadOnlySpan<byte> utf8Event) => EventMatcher.Matches(this, utf8Event);

    /// <summary>This pattern compiled for matching (once, on first use).</summary>
    internal EventMatcher Compiled => _compiled ??= EventMatcher.Compile(this);

    /// <inheritdoc />
    public override string ToString() => _json;

    /// <inheritdoc />
    public bool Equals(EventPattern? other) => other is not null && string.Equals(_json, other._json, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EventPattern);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_json);
}
