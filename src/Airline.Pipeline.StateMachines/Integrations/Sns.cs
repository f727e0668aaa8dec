using Airline.Pipeline.StateMachines.Building;

namespace Airline.Pipeline.StateMachines.Integrations;

/// <summary>Amazon SNS: <c>arn:aws:states:::sns:publish</c>.</summary>
public static class Sns
{
    /// <summary>Publishes a fixed message.</summary>
    public static TaskIntegration Publish(string topicArn, string message, string? subject = null, IntegrationPattern pattern = IntegrationPattern.RequestResponse) =>
        Create(topicArn, "Message", message, subject, pattern);

    /// <summary>
    /// Publishes a message computed from the state input: a path (<c>$.detail</c>) or an intrinsic function
    /// (<c>States.Format('Job {} failed', $.JobName)</c>).
    /// </summary>
    public static TaskIntegration PublishFrom(string topicArn, string messagePathOrIntrinsic, string? subject = null, IntegrationPattern pattern = IntegrationPattern.RequestResponse) =>
        Create(topicArn, "Message.$", messagePathOrIntrinsic, subject, pattern);

    private static TaskIntegration Create(string topicArn, string messageKey, string message, string? subject, IntegrationPattern pattern)
    {
        if (pattern is IntegrationPattern.RunJob or IntegrationPattern.RunJobJsonOutput)
        {
            throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "sns:publish offers RequestResponse and WaitForTaskToken only.");
        }

        var parameters = new Dictionary<string, object?> { ["TopicArn"] = Glue.Required(topicArn, nameof(topicArn)), [messageKey] = message };
        if (subject is not null)
        {
            parameters["Subject"] = subject;
        }

        return new TaskIntegration("arn:aws:states:::sns:publish" + (pattern == IntegrationPattern.WaitForTaskToken ? ".waitForTaskToken" : string.Empty), Json.From(parameters));
    }
}
