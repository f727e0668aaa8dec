namespace Airline.Pipeline.Audit;

/// <summary>Where outcome notifications go: success and failure may use different topics (the orders seed allows it).</summary>
/// <param name="Success">Topic for <see cref="AuditStatus.Succeeded"/> (an SNS topic ARN, or a local name).</param>
/// <param name="Failure">Topic for <see cref="AuditStatus.Failed"/>.</param>
public sealed record NotificationTopics(string Success, string Failure)
{
    /// <summary>One topic for both outcomes.</summary>
    public static NotificationTopics Single(string topic) => new(topic, topic);

    /// <summary>The topic for <paramref name="status"/>.</summary>
    public string For(AuditStatus status) => status == AuditStatus.Succeeded ? Success : Failure;
}
