using Airline.Pipeline.StateMachines.Building;

namespace Airline.Pipeline.StateMachines.Integrations;

/// <summary>AWS Lambda: <c>arn:aws:states:::lambda:invoke</c>.</summary>
public static class Lambda
{
    /// <summary>
    /// Invokes a function with the state input as payload (or <paramref name="payload"/>); the result is under
    /// <c>Payload</c>, so select it with <c>ResultSelector {"Payload.$": "$.Payload"}</c> or OutputPath <c>$.Payload</c>.
    /// </summary>
    public static TaskIntegration Invoke(string functionName, object? payload = null, IntegrationPattern pattern = IntegrationPattern.RequestResponse)
    {
        if (pattern is IntegrationPattern.RunJob or IntegrationPattern.RunJobJsonOutput)
        {
            throw new ArgumentOutOfRangeException(nameof(pattern), pattern, "lambda:invoke offers RequestResponse and WaitForTaskToken only.");
        }

        var parameters = new Dictionary<string, object?> { ["FunctionName"] = Glue.Required(functionName, nameof(functionName)) };
        if (payload is null)
        {
            parameters["Payload.$"] = "$";
        }
        else
        {
            parameters["Payload"] = Json.From(payload);
        }

        return new TaskIntegration("arn:aws:states:::lambda:invoke" + (pattern == IntegrationPattern.WaitForTaskToken ? ".waitForTaskToken" : string.Empty), Json.From(parameters));
    }
}
