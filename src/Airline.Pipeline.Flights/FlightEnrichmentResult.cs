namespace Airline.Pipeline.Flights;

/// <summary>
/// The counts of a run. Every data row is in exactly one of four buckets:
/// <c>InputRows = KeptRows + NotDelayedRows + NoDelayValueRows + RejectedRows</c> (<see cref="IsBalanced"/>).
/// </summary>
public sealed record FlightEnrichmentResult
{
    /// <summary>Data rows read (the header and blank lines excluded).</summary>
    public long InputRows { get; init; }

    /// <summary>Rows written to the output: delayed over the threshold and joined.</summary>
    public long KeptRows { get; init; }

    /// <summary>Rows with a departure delay at or under the threshold.</summary>
    public long NotDelayedRows { get; init; }

    /// <summary>Rows with no departure delay to compare: cancelled flights and empty DepDelay values.</summary>
    public long NoDelayValueRows { get; init; }

    /// <summary>Of <see cref="NoDelayValueRows"/>, the rows flagged cancelled.</summary>
    public long CancelledRows { get; init; }

    /// <summary>Rows rejected: malformed, or delayed with an unknown airport under <see cref="UnknownAirportPolicy.Reject"/>.</summary>
    public long RejectedRows { get; init; }

    /// <summary>Of <see cref="RejectedRows"/>, the malformed ones.</summary>
    public long MalformedRows { get; init; }

    /// <summary>Of <see cref="RejectedRows"/>, the ones with an unknown airport.</summary>
    public long UnknownAirportRows { get; init; }

    /// <summary>Of <see cref="KeptRows"/>, the ones kept with NULL airport columns under <see cref="UnknownAirportPolicy.KeepWithNulls"/>.</summary>
    public long KeptWithUnknownAirportRows { get; init; }

    /// <summary>Bytes of input read (before any decompression the caller did).</summary>
    public long BytesRead { get; init; }

    /// <summary>The output's columns, in order.</summary>
    public IReadOnlyList<string> OutputColumns { get; init; } = [];

    /// <summary>The first rejected rows (up to <see cref="FlightEnrichmentOptions.MaxRejectSamples"/>).</summary>
    public IReadOnlyList<FlightReject> RejectSamples { get; init; } = [];

    /// <summary>True when the four buckets add up to the input (always, unless there is a bug).</summary>
    public bool IsBalanced => InputRows == KeptRows + NotDelayedRows + NoDelayValueRows + RejectedRows;
}
