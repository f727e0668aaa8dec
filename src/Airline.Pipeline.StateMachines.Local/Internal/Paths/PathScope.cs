using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;

namespace Airline.Pipeline.StateMachines.Local.Internal.Paths;

/// <summary>What a path or intrinsic function is evaluated against.</summary>
internal readonly record struct PathScope(JData Data, JData Context, VariableScope? Variables, Random Random)
{
    public bool TrySelect(JsonPath path, out JData value)
    {
        switch (path.Root)
        {
            case PathRoot.Context:
                return path.TrySelect(Context, out value);
            case PathRoot.Variable:
                if (Variables is null || !Variables.TryGet(path.Variable!, out var variable))
                {
                    value = JData.Null;
                    return false;
                }

                return path.TrySelect(variable, out value);
            default:
                return path.TrySelect(Data, out value);
        }
    }

    /// <summary>Selects or raises States.Runtime with Step Functions' wording.</summary>
    public JData Select(JsonPath path, string field)
    {
        if (TrySelect(path, out var value))
        {
            return value;
        }

        throw StatesErrorException.Runtime(path.Root == PathRoot.Variable && (Variables is null || !Variables.TryGet(path.Variable!, out _))
            ? $"The variable '${path.Variable}' referenced by {field} is not defined."
            : $"Invalid path '{path.Text}' : No results for path: {path.Normalized} (in {field}).");
    }
}
