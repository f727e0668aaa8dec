using Airline.Pipeline.Audit;
using Airline.Pipeline.Aws.Sns;

namespace Airline.Pipeline.Aws;

/// <summary>
/// The Audit package's <see cref="INotificationPublisher"/> on SNS: Subject = the notification's subject, Message =
/// its JSON, message attributes <c>status</c>, <c>run_id</c> and (when known) <c>pipeline</c> for subscription
/// filter policies. A topic that is not an ARN is looked up in the topic map (local names to ARNs).
/// </summary>
public sealed class SnsNotificationPublisher : INotificationPublisher
{
    private readonly SnsClient _sns;
    private readonly IReadOnlyDictionary<string, string> _topics;

    /// <summary>Creates a publisher.</summary>
    /// <param name="sns">The SNS client.</param>
    /// <param name="topicArns">Local topic names to topic ARNs (for topics configured by name), or null.</param>
    public SnsNotificationPublisher(SnsClient sns, IReadOnlyDictionary<string, string>? topicArns = null)
    {
        ArgumentNullException.ThrowIfNull(sns);
        _sns = sns;
        _topics = topicArns ?? new Dictionary<string, string>();
    }

    /// <inheritdoc />
    public async ValueTask<string> PublishAsync(string topic, AuditNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(notification);
        var attributes = new Dictionary<string, SnsMessageAttribute>(StringComparer.Ordinal)
        {
            ["status"] = SnsMessageAttribute.String(notification.Status == AuditStatus.Succeeded ? "SUCCEEDED" : notification.Status == AuditStatus.Failed ? "FAILED" : "PENDING"),
            ["run_id"] = SnsMessageAttribute.String(notification.RunId.Value),
        };
        if (!string.IsNullOrEmpty(notification.Pipeline))
        {
            attributes["pipeline"] = SnsMessageAttribute.String(notification.Pipeline);
        }

        var result = await _sns.PublishAsync(
            new SnsPublishRequest
            {
                TopicArn = ResolveTopic(topic),
                Subject = notification.Subject,
                Message = notification.ToJson(),
                MessageAttributes = attributes,
            },
            cancellationToken).ConfigureAwait(false);
        return result.MessageId;
    }

    private string ResolveTopic(string topic)
    {
        if (topic.StartsWith("arn:", StringComparison.Ordinal))
        {
            return topic;
        }

        return _topics.TryGetValue(topic, out var arn)
            ? arn
            : throw new InvalidOperationException(
                $"Notification topic '{topic}' is not an SNS topic ARN and is not in Airline:Aws:Sns:Topics " +
                $"(known: {string.Join(", ", _topics.Keys.Order(StringComparer.Ordinal).Select(k => "'" + k + "'"))}); " +
                "configure the topic as an ARN or map the name to one.");
    }
}
