using System.Collections.Concurrent;

namespace Airline.Pipeline.Aws.Tests.Support;

/// <summary>
/// Virtual time that jumps forward to each timer's due time and fires it at once, so backoff and polling run
/// instantly; the requested delays are recorded for assertions.
/// </summary>
public sealed class AutoAdvanceTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = start;

    public AutoAdvanceTimeProvider()
        : this(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero))
    {
    }

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return new NoTimer();
        }

        Delays.Enqueue(dueTime);
        Advance(dueTime);
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
