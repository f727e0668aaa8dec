namespace Airline.Pipeline.Flights.Internal;

/// <summary>What one block of rows produced: output and rejects bytes, counts, samples, and the error that stops the run.</summary>
internal sealed class BlockResult : IDisposable
{
    public BlockResult(int outputCapacity)
    {
        Output = new ByteBuffer(outputCapacity);
        Rejects = new ByteBuffer(256);
    }

    public ByteBuffer Output { get; }

    public ByteBuffer Rejects { get; }

    public List<FlightReject>? Samples { get; set; }

    public long Bytes { get; set; }

    /// <summary>Bytes of the block its records took: all of it, unless the block was not final and ends inside a
    /// record (that record's bytes start the next block).</summary>
    public int Consumed { get; set; }

    /// <summary>Line breaks in the consumed bytes (record ends and breaks inside quoted fields).</summary>
    public long LinesConsumed { get; set; }

    public long Rows { get; set; }

    public long Kept { get; set; }

    public long NotDelayed { get; set; }

    public long NoDelayValue { get; set; }

    public long Cancelled { get; set; }

    public long Malformed { get; set; }

    public long UnknownAirport { get; set; }

    public long KeptWithNulls { get; set; }

    public FlightDataException? Fatal { get; set; }

    public void Dispose()
    {
        Output.Dispose();
        Rejects.Dispose();
    }
}
