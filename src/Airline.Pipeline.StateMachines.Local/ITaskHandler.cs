using System.Text.Json.Nodes;

namespace Airline.Pipeline.StateMachines.Local;

/// <summary>
/// Does the work of a Task state: receives the effective input (after InputPath and Parameters, or
/// Arguments) and returns the raw result, or throws <see cref="TaskFailedException"/> to fail the task.
/// </summary>
public interface ITaskHandler
{
    /// <summary>Runs the task once (each retry calls it again).</summary>
    ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken);
}
