namespace Airline.Pipeline.StateMachines.Local;

/// <summary>
/// A clock that moves only when told to. Given to a runner, Wait states, retry intervals and timeouts
/// advance it instantly when every branch is waiting, so a 30-second wait costs nothing in a test.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now;

    /// <summary>Starts at <paramref name="start"/>.</summary>
    public VirtualTimeProvider(DateTimeOffset start) => _now = start;

    /// <summary>Starts at 2024-01-01T00:00:00Z.</summary>
    public VirtualTimeProvider()
        : this(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>.</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "Time cannot go back.");
        }

        lock (_gate)
        {
            _now += delta;
        }
    }

    /// <summary>Moves the clock to <paramref name="instant"/> if that is later than now.</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        lock (_gate)
        {
            if (instant > _now)
            {
                _now = instant;
            }
        }
    }
}
