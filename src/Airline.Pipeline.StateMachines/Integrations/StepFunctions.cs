using Airline.Pipeline.StateMachines.Building;

namespace Airline.Pipeline.StateMachines.Integrations;

/// <summary>AWS Step Functions: start a child state machine (<c>arn:aws:states:::states:startExecution</c>).</summary>
public static class StepFunctions
{
    /// <summary>
    /// Starts <paramref name="stateMachineArn"/> with the state input (or <paramref name="input"/>). RunJob waits
    /// (<c>.sync</c>, output as a string), RunJobJsonOutput waits with parsed JSON output (<c>.sync:2</c>).
    /// </summary>
    public static TaskIntegration StartExecution(string stateMachineArn, object? input = null, IntegrationPattern pattern = IntegrationPattern.RunJobJsonOutput)
    {
        var parameters = new Dictionary<string, object?> { ["StateMachineArn"] = Glue.Required(stateMachineArn, nameof(stateMachineArn)) };
        if (input is null)
        {
            parameters["Input.$"] = "$";
        }
        else
        {
            parameters["Input"] = Json.From(input);
        }

        var suffix = pattern switch
        {
            IntegrationPattern.RunJob => ".sync",
            IntegrationPattern.RunJobJsonOutput => ".sync:2",
            IntegrationPattern.WaitForTaskToken => ".waitForTaskToken",
            _ => string.Empty,
        };
        return new TaskIntegration("arn:aws:states:::states:startExecution" + suffix, Json.From(parameters));
    }
}
