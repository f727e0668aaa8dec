using System.Collections.Immutable;
using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Model;

/// <summary>A retrier of <c>Retry</c>: which errors to retry and how often.</summary>
public sealed record Retrier
{
    /// <summary><c>ErrorEquals</c>: error names; <c>States.ALL</c> must be alone and in the last retrier.</summary>
    public ImmutableArray<string> ErrorEquals { get; init; } = [];

    /// <summary><c>IntervalSeconds</c>: seconds before the first retry (default 1).</summary>
    public int? IntervalSeconds { get; init; }

    /// <summary><c>MaxAttempts</c>: retries at most (default 3; 0 never retries).</summary>
    public int? MaxAttempts { get; init; }

    /// <summary><c>BackoffRate</c>: multiplier of the interval, at least 1 (default 2.0).</summary>
    public decimal? BackoffRate { get; init; }

    /// <summary><c>MaxDelaySeconds</c>: cap on the interval.</summary>
    public int? MaxDelaySeconds { get; init; }

    /// <summary><c>JitterStrategy</c>: FULL or NONE.</summary>
    public JitterStrategy? JitterStrategy { get; init; }

    /// <summary><c>Comment</c>.</summary>
    public string? Comment { get; init; }

    /// <summary>Fields this model does not know.</summary>
    public ImmutableArray<KeyValuePair<string, JsonElement>> UnknownFields { get; init; } = [];
}

/// <summary><c>JitterStrategy</c> of a retrier.</summary>
public enum JitterStrategy
{
    /// <summary>No jitter.</summary>
    None,

    /// <summary>Random delay between 0 and the computed interval.</summary>
    Full,
}

/// <summary>A catcher of <c>Catch</c>: which errors to catch and where to go.</summary>
public sealed record Catcher
{
    /// <summary><c>ErrorEquals</c>: error names; <c>States.ALL</c> must be alone and in the last catcher.</summary>
    public ImmutableArray<string> ErrorEquals { get; init; } = [];

    /// <summary><c>Next</c>: the state to go to.</summary>
    public required string Next { get; init; }

    /// <summary><c>ResultPath</c>: where the error output goes (JSONPath states).</summary>
    public OptionalPath? ResultPath { get; init; }

    /// <summary><c>Output</c> (JSONata states).</summary>
    public JsonElement? Output { get; init; }

    /// <summary><c>Assign</c>: variables to set.</summary>
    public JsonElement? Assign { get; init; }

    /// <summary><c>Comment</c>.</summary>
    public string? Comment { get; init; }

    /// <summary>Fields this model does not know.</summary>
    public ImmutableArray<KeyValuePair<string, JsonElement>> UnknownFields { get; init; } = [];
}
