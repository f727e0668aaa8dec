namespace Airline.Pipeline.Flights;

/// <summary>
/// A flights or airports file the transform cannot go on with: an unknown airport under
/// <see cref="UnknownAirportPolicy.Fail"/>, a malformed row under <see cref="MalformedRowPolicy.Fail"/>, a missing
/// header column, a duplicate airport id. <see cref="Exception.Message"/> is "line N: reason".
/// </summary>
public sealed class FlightDataException : Exception
{
    /// <summary>Creates the exception for a problem at a line of the input (1 is the header line).</summary>
    public FlightDataException(long line, string reason)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {line}: {reason}"))
    {
        Line = line;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message only (no line).</summary>
    public FlightDataException(string message)
        : base(message)
    {
        Reason = message;
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public FlightDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Creates the exception with no message.</summary>
    public FlightDataException()
        : this("The flights data is invalid.")
    {
    }

    /// <summary>The 1-based physical line where the problem's row starts (the header is line 1); 0 when not about a line.</summary>
    public long Line { get; }

    /// <summary>The problem without the line prefix, e.g. "No matching record in airports_dim for airport_id=99999".</summary>
    public string Reason { get; }
}
