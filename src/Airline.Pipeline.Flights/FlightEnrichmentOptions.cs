namespace Airline.Pipeline.Flights;

/// <summary>How <see cref="FlightEnricher"/> filters, joins, treats bad rows and uses the machine.</summary>
public sealed record FlightEnrichmentOptions
{
    /// <summary>The defaults: delays over 60 minutes, fail on an unknown airport, reject malformed rows, one core.</summary>
    public static FlightEnrichmentOptions Default { get; } = new();

    /// <summary>Keep flights whose departure delay is strictly greater than this many minutes (default 60).</summary>
    public int DelayThresholdMinutes { get; init; } = 60;

    /// <summary>What to do with a delayed flight whose airport is not in the dimension (default <see cref="UnknownAirportPolicy.Fail"/>).</summary>
    public UnknownAirportPolicy UnknownAirport { get; init; } = UnknownAirportPolicy.Fail;

    /// <summary>What to do with a malformed row (default <see cref="MalformedRowPolicy.Reject"/>).</summary>
    public MalformedRowPolicy MalformedRows { get; init; } = MalformedRowPolicy.Reject;

    /// <summary>The header names to look for.</summary>
    public FlightColumnNames Columns { get; init; } = FlightColumnNames.Default;

    /// <summary>Cores to use (default 1). Output stays in input order whatever the number.</summary>
    public int DegreeOfParallelism { get; init; } = 1;

    /// <summary>Bytes read per block of rows (default 1 MiB); memory in use is a few blocks per core.</summary>
    public int BlockSizeBytes { get; init; } = 1 << 20;

    /// <summary>The longest row accepted (default 16 MiB); a longer one (often an unbalanced quote) fails the run.</summary>
    public int MaxRowBytes { get; init; } = 16 << 20;

    /// <summary>Write the output gzip-compressed (for Redshift COPY ... GZIP).</summary>
    public bool GzipOutput { get; init; }

    /// <summary>Write the header line to the output (default true; COPY with IGNOREHEADER 1 skips it).</summary>
    public bool WriteHeader { get; init; } = true;

    /// <summary>How many rejected rows <see cref="FlightEnrichmentResult.RejectSamples"/> keeps (default 100).</summary>
    public int MaxRejectSamples { get; init; } = 100;

    /// <summary>Called after each block with the bytes and rows read so far (on the calling flow, in input order).</summary>
    public Action<FlightProgress>? Progress { get; init; }

    internal IEnumerable<string> Validate()
    {
        if (DegreeOfParallelism < 1)
        {
            yield return $"DegreeOfParallelism is {DegreeOfParallelism}; use 1 or more (Environment.ProcessorCount for all cores)";
        }

        if (BlockSizeBytes < 4096)
        {
            yield return $"BlockSizeBytes is {BlockSizeBytes}; use 4096 or more (1 MiB is a good size)";
        }

        if (MaxRowBytes < BlockSizeBytes)
        {
            yield return $"MaxRowBytes ({MaxRowBytes}) is smaller than BlockSizeBytes ({BlockSizeBytes}); make it at least as large";
        }

        if (MaxRejectSamples < 0)
        {
            yield return $"MaxRejectSamples is {MaxRejectSamples}; use 0 or more";
        }
    }
}
