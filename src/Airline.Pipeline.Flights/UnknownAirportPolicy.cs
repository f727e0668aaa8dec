namespace Airline.Pipeline.Flights;

/// <summary>What the transform does with a delayed flight whose origin or destination is not in the airports dimension.</summary>
public enum UnknownAirportPolicy
{
    /// <summary>Fail the run with "No matching record in airports_dim for airport_id=N" and the line (the seeds' behaviour).</summary>
    Fail = 0,

    /// <summary>Send the row to the rejects output with its line and reason and carry on.</summary>
    Reject,

    /// <summary>Keep the row with empty (NULL) airport name, city and state for the unknown side (a LEFT JOIN).</summary>
    KeepWithNulls,
}
