namespace Airline.Pipeline.Flights;

/// <summary>What the transform does with a malformed row (wrong field count, unparsable number, fractional delay, bad quoting).</summary>
public enum MalformedRowPolicy
{
    /// <summary>Send the row to the rejects output with its line and reason and carry on.</summary>
    Reject = 0,

    /// <summary>Fail the run at the first malformed row, naming its line and reason.</summary>
    Fail,
}
