namespace Airline.Pipeline.Audit;

/// <summary>A notification as a twin publisher saw it.</summary>
/// <param name="Topic">The topic it went to.</param>
/// <param name="Notification">The notification.</param>
/// <param name="MessageId">The id the publisher returned.</param>
public sealed record PublishedNotification(string Topic, AuditNotification Notification, string MessageId);
