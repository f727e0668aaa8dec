namespace Airline.Pipeline.StateMachines.Local.Internal.Engine;

/// <summary>
/// Time as one execution sees it. Workers are the execution's logical threads (the main path, each
/// running Parallel branch and Map iteration worker); the virtual clock advances only when every
/// worker is asleep on it.
/// </summary>
internal interface IExecutionClock
{
    DateTimeOffset UtcNow { get; }

    ValueTask DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    IDisposable StartTimer(TimeSpan due, Action callback);

    void AddWorkers(int count);

    void RemoveWorker();
}

/// <summary>Real waiting on a TimeProvider (the system clock or any other).</summary>
internal sealed class RealExecutionClock(TimeProvider time) : IExecutionClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();

    public ValueTask DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? ValueTask.CompletedTask : new ValueTask(Task.Delay(delay, time, cancellationToken));

    public IDisposable StartTimer(TimeSpan due, Action callback) =>
        time.CreateTimer(_ => callback(), null, due <= TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);

    public void AddWorkers(int count)
    {
    }

    public void RemoveWorker()
    {
    }
}

/// <summary>
/// Discrete-event time over a <see cref="VirtualTimeProvider"/>: sleeps and timers are queued, and when
/// all workers sleep the clock jumps to the earliest due entry and fires it.
/// </summary>
internal sealed class VirtualExecutionClock : IExecutionClock
{
    private readonly VirtualTimeProvider _time;
    private readonly object _gate = new();
    private readonly List<Entry> _entries = [];
    private int _workers = 1;
    private int _sleepers;
    private long _sequence;

    public VirtualExecutionClock(VirtualTimeProvider time) => _time = time;

    public DateTimeOffset UtcNow => _time.GetUtcNow();

    public ValueTask DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return ValueTask.CompletedTask;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var entry = new Entry(UtcNow + delay, null, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), Interlocked.Increment(ref _sequence));
        lock (_gate)
        {
            _entries.Add(entry);
            _sleepers++;
        }

        if (cancellationToken.CanBeCanceled)
        {
            entry.Registration = cancellationToken.Register(() => Cancel(entry, cancellationToken));
        }

        Pump();
        return new ValueTask(entry.Completion!.Task);
    }

    public IDisposable StartTimer(TimeSpan due, Action callback)
    {
        var entry = new Entry(UtcNow + (due < TimeSpan.Zero ? TimeSpan.Zero : due), callback, null, Interlocked.Increment(ref _sequence));
        lock (_gate)
        {
            _entries.Add(entry);
        }

        return new TimerHandle(this, entry);
    }

    public void AddWorkers(int count)
    {
        lock (_gate)
        {
            _workers += count;
        }
    }

    public void RemoveWorker()
    {
        lock (_gate)
        {
            _workers--;
        }

        Pump();
    }

    private void Cancel(Entry entry, CancellationToken token)
    {
        bool removed;
        lock (_gate)
        {
            removed = _entries.Remove(entry);
            if (removed)
            {
                _sleepers--;
            }
        }

        if (removed)
        {
            entry.Completion!.TrySetCanceled(token);
        }
    }

    private void Remove(Entry entry)
    {
        lock (_gate)
        {
            _entries.Remove(entry);
        }
    }

    /// <summary>While every worker sleeps, jump to the earliest entry and fire everything due.</summary>
    private void Pump()
    {
        while (true)
        {
            List<Entry> due;
            lock (_gate)
            {
                if (_entries.Count == 0 || _sleepers < _workers)
                {
                    return;
                }

                var earliest = _entries[0];
                foreach (var e in _entries)
                {
                    if (e.Due < earliest.Due || (e.Due == earliest.Due && e.Sequence < earliest.Sequence))
                    {
                        earliest = e;
                    }
                }

                _time.AdvanceTo(earliest.Due);
                due = [.. _entries.Where(e => e.Due <= earliest.Due).OrderBy(e => e.Due).ThenBy(e => e.Sequence)];
                foreach (var e in due)
                {
                    _entries.Remove(e);
                    if (e.Completion is not null)
                    {
                        _sleepers--;
                    }
                }
            }

            foreach (var e in due)
            {
                e.Registration.Dispose();
                if (e.Completion is not null)
                {
                    e.Completion.TrySetResult();
                }
                else
                {
                    e.Callback!();
                }
            }
        }
    }

    private sealed class Entry(DateTimeOffset due, Action? callback, TaskCompletionSource? completion, long sequence)
    {
        public DateTimeOffset Due { get; } = due;

        public Action? Callback { get; } = callback;

        public TaskCompletionSource? Completion { get; } = completion;

        public long Sequence { get; } = sequence;

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class TimerHandle(VirtualExecutionClock clock, Entry entry) : IDisposable
    {
        public void Dispose() => clock.Remove(entry);
    }
}
