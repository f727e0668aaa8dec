namespace Airline.Pipeline.Flights;

/// <summary>One row of the airports dimension (<c>airports_dim</c>): the airport's id and where it is.</summary>
/// <param name="Id">The airport id the flight files use (BTS <c>AirportID</c>, e.g. 10397).</param>
/// <param name="City">The city the airport serves, e.g. "Atlanta".</param>
/// <param name="State">The state or region code, e.g. "GA".</param>
/// <param name="Name">The airport's name, e.g. "Hartsfield-Jackson Atlanta International".</param>
public sealed record Airport(long Id, string City, string State, string Name);
