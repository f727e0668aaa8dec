using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Engine;

/// <summary>
/// Workflow variables. A Parallel branch or Map iteration gets a child scope: it reads the outer
/// variables and its own assignments stay inside it, as Step Functions scopes them.
/// </summary>
internal sealed class VariableScope(VariableScope? parent)
{
    private Dictionary<string, JData>? _values;

    public bool TryGet(string name, out JData value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._values is not null && scope._values.TryGetValue(name, out value!))
            {
                return true;
            }
        }

        value = JData.Null;
        return false;
    }

    public VariableScope? Parent { get; } = parent;

    public void Set(string name, JData value)
    {
        lock (this)
        {
            _values ??= new Dictionary<string, JData>(StringComparer.Ordinal);
            _values[name] = value;
        }
    }

    public IReadOnlyDictionary<string, JData> Local => _values ?? (IReadOnlyDictionary<string, JData>)new Dictionary<string, JData>();
}
