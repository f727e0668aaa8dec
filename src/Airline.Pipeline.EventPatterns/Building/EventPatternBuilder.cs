using Airline.Pipeline.EventPatterns.Validation;

namespace Airline.Pipeline.EventPatterns.Building;

/// <summary>
/// Fluent builder for an <see cref="EventPattern"/>; <see cref="Build"/> runs AWS's validation and reports
/// every problem at once.
/// </summary>
/// <example>
/// <code>
/// var rule = EventPattern.Builder()
///     .Source("aws.s3")
///     .DetailType("Object Created")
///     .Path("detail.bucket.name", Match.Exact("fo-to-dw-orders-landing-area"))
///     .Path("detail.object.key", Match.Prefix("batch-completion/"))
///     .Build();
/// </code>
/// </example>
public sealed class EventPatternBuilder : PatternObjectBuilderBase<EventPatternBuilder>
{
    private EventPatternValidationOptions _options = EventPatternValidationOptions.Default;

    internal EventPatternBuilder()
    {
    }

    /// <summary>Validates with other limits (for example a 4,096-character pattern size).</summary>
    public EventPatternBuilder WithValidationOptions(EventPatternValidationOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        return this;
    }

    /// <summary>The immutable pattern.</summary>
    /// <exception cref="EventPatternException">AWS would reject the pattern; every problem is listed with its JSON pointer.</exception>
    public EventPattern Build() => EventPattern.FromModel(BuildObject(), _options);
}
