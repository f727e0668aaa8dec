namespace Airline.Pipeline.Flights;

/// <summary>Progress of a run, for a progress bar: compare <see cref="BytesRead"/> with the input's length.</summary>
/// <param name="BytesRead">Bytes of input read and processed so far.</param>
/// <param name="RowsRead">Data rows processed so far (the header excluded).</param>
/// <param name="RowsKept">Rows written to the output so far.</param>
public readonly record struct FlightProgress(long BytesRead, long RowsRead, long RowsKept);
