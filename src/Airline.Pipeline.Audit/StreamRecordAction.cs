namespace Airline.Pipeline.Audit;

/// <summary>What the stream entry point did with one DynamoDB Streams record.</summary>
/// <param name="EventId">The record's <c>eventID</c>.</param>
/// <param name="EventName"><c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</param>
/// <param name="SequenceNumber">The record's <c>dynamodb.SequenceNumber</c> (the Lambda batch item identifier).</param>
/// <param name="RunId">The run its key names, when it names a valid one.</param>
/// <param name="Layer">The layer (sort key) it changed, when any.</param>
/// <param name="IgnoredBecause">Why it was ignored (REMOVE, TTL deletion, decision item, bad key); null when its run was reconciled.</param>
public sealed record StreamRecordAction(
    string EventId, string EventName, string SequenceNumber, RunId? RunId, string? Layer, string? IgnoredBecause);
