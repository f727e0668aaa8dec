namespace Airline.Pipeline.Audit;

/// <summary>One layer's line in a notification: <c>{"layer","count","expected","status","message"}</c>.</summary>
/// <param name="Layer">The layer name.</param>
/// <param name="Count">Its record count; null when missing.</param>
/// <param name="Expected">The count the expectation asks for (equal: the reference count; ratio: the expected
/// count; at most: the maximum); null for the reference layer or when the reference is missing.</param>
/// <param name="Status">The layer's status.</param>
/// <param name="Message">Why, when not plainly passed; null otherwise.</param>
public sealed record NotificationLayer(string Layer, long? Count, long? Expected, LayerStatus Status, string? Message = null);
