using System.Data;

namespace Airline.Pipeline.Redshift;

/// <summary>How <see cref="PlanExecutor"/> runs plans: isolation, retries with backoff, batch size and a hook.</summary>
public sealed record PlanExecutorOptions
{
    /// <summary>Transaction isolation (Redshift runs serializable or snapshot; PostgreSQL needs it asked for).</summary>
    public IsolationLevel IsolationLevel { get; init; } = IsolationLevel.Serializable;

    /// <summary>Attempts in all, first included, when the database reports a serialization failure.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Delay before the first retry; doubled each retry, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The longest delay between attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Rows per INSERT when loading rows (capped so one INSERT holds at most 32,000 parameters).</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Decides which failures retry the whole plan. Default: <see cref="SerializationFailures.IsSerializationFailure"/>.</summary>
    public Func<Exception, bool> IsRetryable { get; init; } = SerializationFailures.IsSerializationFailure;

    /// <summary>Called before each statement runs (logging, or tests injecting a failure between statements).</summary>
    public Func<RenderedStatement, CancellationToken, ValueTask>? BeforeStatement { get; init; }

    /// <summary>Clock for backoff delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
