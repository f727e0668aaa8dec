using System.Collections.Frozen;
using System.Globalization;

namespace Airline.Pipeline.Audit;

/// <summary>
/// What one layer of one run holds: its record count, optional sums or checksums of named columns (two errors can
/// cancel out in a bare count), where the figure came from, and which attempt wrote it. Immutable.
/// </summary>
/// <remarks>
/// Stores keep one record per (<see cref="RunId"/>, <see cref="Layer"/>): a record with a higher
/// <see cref="Attempt"/> replaces the stored one; an equal or lower attempt is ignored, so retried jobs are idempotent.
/// </remarks>
public sealed record AuditRecord
{
    private readonly int _attempt = 1;
    private readonly IReadOnlyDictionary<string, decimal> _sums = FrozenDictionary<string, decimal>.Empty;

    /// <summary>A record for attempt 1 with no sums and no source; set those with <c>init</c>.</summary>
    /// <exception cref="ArgumentException">The run id is empty, the layer name is invalid, or the count is negative.</exception>
    public AuditRecord(RunId runId, string layer, long count, DateTimeOffset recordedAt)
    {
        if (runId.IsEmpty)
        {
            throw new ArgumentException("the run id is empty; pass a parsed or generated RunId.", nameof(runId));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        RunId = runId;
        Layer = AuditLayers.Validate(layer, nameof(layer));
        Count = count;
        RecordedAt = recordedAt;
    }

    /// <summary>The run.</summary>
    public RunId RunId { get; }

    /// <summary>The layer name (see <see cref="AuditLayers.Check"/>).</summary>
    public string Layer { get; }

    /// <summary>Rows in the layer for this run (exploded rows where the layer explodes arrays).</summary>
    public long Count { get; }

    /// <summary>When the figure was recorded (from a <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset RecordedAt { get; }

    /// <summary>1 for the first attempt; a retried job writes a higher number. Must be at least 1.</summary>
    public int Attempt
    {
        get => _attempt;
        init => _attempt = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Attempt), value, "attempt numbers start at 1.");
    }

    /// <summary>Where the figure came from: a file key, a Glue job run id, a statement; optional.</summary>
    public string? Source { get; init; }

    /// <summary>Sums or checksums of named columns (e.g. <c>quantity</c>), compared between layers that expect equality.</summary>
    public IReadOnlyDictionary<string, decimal> Sums
    {
        get => _sums;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var name in value.Keys)
            {
                if (string.IsNullOrWhiteSpace(name))
                {
                    throw new ArgumentException("a sum needs a column name; got an empty one.", nameof(Sums));
                }
            }

            _sums = value.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    /// <summary>Value equality, comparing <see cref="Sums"/> by content.</summary>
    public bool Equals(AuditRecord? other) =>
        other is not null
        && RunId == other.RunId
        && string.Equals(Layer, other.Layer, StringComparison.Ordinal)
        && Count == other.Count
        && RecordedAt == other.RecordedAt
        && Attempt == other.Attempt
        && string.Equals(Source, other.Source, StringComparison.Ordinal)
        && Sums.Count == other.Sums.Count
        && Sums.All(pair => other.Sums.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RunId, Layer, Count, RecordedAt, Attempt);

    /// <summary>A short form for logs: <c>run/layer count=7 attempt=1</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{RunId}/{Layer} count={Count} attempt={Attempt}");
}
