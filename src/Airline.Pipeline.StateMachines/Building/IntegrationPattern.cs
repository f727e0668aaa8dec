namespace Airline.Pipeline.StateMachines.Building;

/// <summary>How a Task waits for a service integration.</summary>
public enum IntegrationPattern
{
    /// <summary>Request Response: continue when the API call returns (no suffix).</summary>
    RequestResponse,

    /// <summary>Run a Job: wait for the job to finish (<c>.sync</c>); a failed job fails the Task.</summary>
    RunJob,

    /// <summary>Run a Job with parsed JSON output (<c>.sync:2</c>, states:startExecution only).</summary>
    RunJobJsonOutput,

    /// <summary>Wait for Callback: pass <c>$$.Task.Token</c> and wait for SendTaskSuccess/Failure (<c>.waitForTaskToken</c>).</summary>
    WaitForTaskToken,
}

/// <summary>The Resource and payload of a Task: what the methods of the <c>Integrations</c> namespace return (Glue, Sns, Lambda, StepFunctions, AwsSdk).</summary>
/// <param name="Resource">The Resource ARN.</param>
/// <param name="Parameters">The JSONPath payload (Parameters), if any.</param>
public sealed record TaskIntegration(string Resource, System.Text.Json.JsonElement? Parameters = null);
