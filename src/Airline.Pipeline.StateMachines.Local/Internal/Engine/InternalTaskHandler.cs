using System.Text.Json.Nodes;
using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Engine;

/// <summary>A handler that works on the internal values directly, skipping JsonNode conversions.</summary>
internal abstract class InternalTaskHandler : ITaskHandler
{
    public async ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
        JDataNodes.ToNode(await InvokeCoreAsync(invocation, cancellationToken).ConfigureAwait(false));

    internal abstract ValueTask<JData> InvokeCoreAsync(TaskInvocation invocation, CancellationToken cancellationToken);
}
