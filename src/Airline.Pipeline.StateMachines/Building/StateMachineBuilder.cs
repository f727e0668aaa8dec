using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Building;

/// <summary>
/// Builds a <see cref="StateMachine"/> fluently. <see cref="Build()"/> validates the whole definition and
/// throws <see cref="AslValidationException"/> listing every error at once.
/// </summary>
/// <example>
/// <code>
/// var machine = new StateMachineBuilder()
///     .Task("GetCrawler", Glue.GetCrawler("raw"), t => t.ResultPath("$.crawler"))
///     .Choice("Ready?", c => c.When(Condition.StringEquals("$.crawler.Crawler.State", "READY"), "Done").Otherwise("Wait"))
///     .Wait("Wait", TimeSpan.FromSeconds(30), next: "GetCrawler")
///     .Succeed("Done")
///     .Build();
/// </code>
/// </example>
public sealed class StateMachineBuilder : StateGraphBuilder<StateMachineBuilder>
{
    private string? _version;
    private int? _timeoutSeconds;
    private QueryLanguage? _queryLanguage;

    /// <summary>Sets Version (only "1.0" exists).</summary>
    public StateMachineBuilder Version(string version)
    {
        _version = version;
        return this;
    }

    /// <summary>Sets TimeoutSeconds: the longest an execution may run.</summary>
    public StateMachineBuilder Timeout(TimeSpan timeout)
    {
        _timeoutSeconds = (int)Math.Ceiling(timeout.TotalSeconds);
        return this;
    }

    /// <summary>Sets the default QueryLanguage of every state.</summary>
    public StateMachineBuilder QueryLanguage(QueryLanguage language)
    {
        _queryLanguage = language;
        return this;
    }

    /// <summary>The definition, validated: throws <see cref="AslValidationException"/> with every error.</summary>
    public StateMachine Build() => Build(ValidationOptions.Default);

    /// <summary>The definition, validated with <paramref name="options"/>.</summary>
    public StateMachine Build(ValidationOptions options)
    {
        var machine = BuildUnvalidated();
        var result = AslValidator.Validate(machine, options);
        return result.IsValid ? machine : throw new AslValidationException(result);
    }

    /// <summary>The definition without validation (to inspect or fix a broken one).</summary>
    public StateMachine BuildUnvalidated() => new()
    {
        StartAt = ResolvedStartAt,
        States = BuildStates(),
        Comment = GraphComment,
        Version = _version,
        TimeoutSeconds = _timeoutSeconds,
        QueryLanguage = _queryLanguage,
    };
}
