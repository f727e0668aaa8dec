namespace Airline.Pipeline.Flights;

/// <summary>A row the transform did not keep because it is malformed or names an unknown airport.</summary>
/// <param name="Line">The 1-based physical line where the row starts (the header is line 1).</param>
/// <param name="Reason">Why, e.g. "DepDelay: '7.5' is a fractional delay; delays are whole minutes".</param>
/// <param name="Record">The row as it was in the file, without its line break.</param>
public sealed record FlightReject(long Line, string Reason, string Record);
