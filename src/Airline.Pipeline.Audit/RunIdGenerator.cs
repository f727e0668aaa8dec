using System.Security.Cryptography;

namespace Airline.Pipeline.Audit;

/// <summary>
/// Makes ULID run ids that strictly increase within this instance: in the same millisecond the 80-bit random
/// part of the previous id is incremented (the ULID monotonic rule). Thread-safe.
/// </summary>
public sealed class RunIdGenerator
{
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private readonly byte[] _lastRandom = new byte[10];
    private long _lastMilliseconds = -1;

    /// <summary>A generator reading the time from <paramref name="timeProvider"/>.</summary>
    public RunIdGenerator(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>The next run id; greater (ordinally) than every id this instance made before.</summary>
    public RunId Next()
    {
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_gate)
        {
            if (now > _lastMilliseconds)
            {
                _lastMilliseconds = now;
                RandomNumberGenerator.Fill(_lastRandom);
            }
            else if (!Increment(_lastRandom))
            {
                // 2^80 ids in one millisecond (or a clock that went back): borrow the next millisecond.
                _lastMilliseconds++;
                RandomNumberGenerator.Fill(_lastRandom);
            }

            return RunId.FromTimestamp(DateTimeOffset.FromUnixTimeMilliseconds(_lastMilliseconds), _lastRandom);
        }
    }

    private static bool Increment(byte[] value)
    {
        for (var i = value.Length - 1; i >= 0; i--)
        {
            if (++value[i] != 0)
            {
                return true;
            }
        }

        return false;
    }
}
