namespace Airline.Pipeline.Audit;

/// <summary>
/// Sends a run's outcome notification to a topic. Implementations: <see cref="InMemoryNotificationPublisher"/>
/// (tests), <see cref="FileNotificationPublisher"/> (console and <c>notifications/*.json</c>, for the sample), and
/// the SNS publisher in Airline.Pipeline.Aws (Subject = <see cref="AuditNotification.Subject"/>,
/// Message = <see cref="AuditNotification.ToJson"/>).
/// </summary>
/// <remarks>
/// The reconciler calls this once per run, only after winning the decision; a publisher does not deduplicate.
/// Callers pass notifications that passed <see cref="AuditNotification.Validate"/> (subject under 100 ASCII
/// characters with no line breaks, JSON body at most 256 KiB), so publishers may rely on SNS's limits being met.
/// </remarks>
public interface INotificationPublisher
{
    /// <summary>Publishes <paramref name="notification"/> to <paramref name="topic"/> (an SNS topic ARN or a local name).</summary>
    /// <returns>The message id the transport assigned (SNS MessageId).</returns>
    ValueTask<string> PublishAsync(
        string topic, AuditNotification notification, CancellationToken cancellationToken = default);
}
