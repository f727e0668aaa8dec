using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Jsonata;

namespace Airline.Pipeline.StateMachines.Local.Internal.Definition;

/// <summary>A Retry entry.</summary>
internal sealed class Retrier(string[] errorEquals, double intervalSeconds, int maxAttempts, double backoffRate, double? maxDelaySeconds, bool fullJitter)
{
    public string[] ErrorEquals { get; } = errorEquals;

    public double IntervalSeconds { get; } = intervalSeconds;

    public int MaxAttempts { get; } = maxAttempts;

    public double BackoffRate { get; } = backoffRate;

    public double? MaxDelaySeconds { get; } = maxDelaySeconds;

    public bool FullJitter { get; } = fullJitter;

    /// <summary>The delay before retry number <paramref name="attempt"/> (0-based), before jitter.</summary>
    public double DelaySeconds(int attempt)
    {
        var delay = IntervalSeconds * Math.Pow(BackoffRate, attempt);
        return MaxDelaySeconds is { } max ? Math.Min(delay, max) : delay;
    }
}

/// <summary>A Catch entry.</summary>
internal sealed class Catcher(string[] errorEquals, string next, ResultPathSpec resultPath, Template? assign, JsonataTemplate? assignJsonata, JsonataTemplate? output)
{
    public string[] ErrorEquals { get; } = errorEquals;

    public string Next { get; } = next;

    /// <summary>Where in the Catch array the catcher stood (items of the wrong type are skipped), and whether it had a
    /// Next: for the pointers of the definition's problems.</summary>
    public required (int Position, bool HasNext) Source { get; init; }

    public ResultPathSpec ResultPath { get; } = resultPath;

    public Template? Assign { get; } = assign;

    public JsonataTemplate? AssignJsonata { get; } = assignJsonata;

    public JsonataTemplate? Output { get; } = output;
}

internal static class ErrorMatcher
{
    /// <summary>
    /// Whether an ErrorEquals list matches: States.ALL matches every error but States.Runtime (never
    /// caught or retried) and States.DataLimitExceeded (only by name); States.TaskFailed matches every
    /// error but States.Timeout.
    /// </summary>
    public static bool Matches(string[] errorEquals, string error)
    {
        if (error == StatesErrors.Runtime)
        {
            return false;
        }

        foreach (var name in errorEquals)
        {
            if (name == error)
            {
                return true;
            }

            if (name == StatesErrors.All && error != StatesErrors.DataLimitExceeded)
            {
                return true;
            }

            if (name == StatesErrors.TaskFailed && error != StatesErrors.Timeout && error != StatesErrors.DataLimitExceeded)
            {
                return true;
            }
        }

        return false;
    }
}
