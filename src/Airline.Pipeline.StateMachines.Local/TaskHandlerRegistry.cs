namespace Airline.Pipeline.StateMachines.Local;

/// <summary>
/// Which handler runs each Task state: by state name or by resource ARN; a state-name registration wins.
/// A resource registered without a <c>.sync</c> or <c>.waitForTaskToken</c> suffix also serves the suffixed forms.
/// </summary>
public sealed class TaskHandlerRegistry
{
    private readonly Dictionary<string, ITaskHandler> _byState = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ITaskHandler> _byResource = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="handler"/> for the Task state named <paramref name="stateName"/>.</summary>
    public TaskHandlerRegistry ForState(string stateName, ITaskHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        ArgumentNullException.ThrowIfNull(handler);
        _byState[stateName] = handler;
        return this;
    }

    /// <summary>Runs <paramref name="handler"/> for every Task state whose Resource is <paramref name="resourceArn"/>.</summary>
    public TaskHandlerRegistry ForResource(string resourceArn, ITaskHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceArn);
        ArgumentNullException.ThrowIfNull(handler);
        _byResource[resourceArn] = handler;
        return this;
    }

    /// <summary>The state names with a handler.</summary>
    public IReadOnlyCollection<string> StateNames => _byState.Keys;

    /// <summary>The resource ARNs with a handler.</summary>
    public IReadOnlyCollection<string> Resources => _byResource.Keys;

    /// <summary>Finds the handler for a state: its name first, then its resource, then the resource without a .sync/.waitForTaskToken suffix.</summary>
    public ITaskHandler? Find(string stateName, string resource)
    {
        if (_byState.TryGetValue(stateName, out var handler) || _byResource.TryGetValue(resource, out handler))
        {
            return handler;
        }

        foreach (var suffix in (string[])[".sync:2", ".sync", ".waitForTaskToken"])
        {
            if (resource.EndsWith(suffix, StringComparison.Ordinal) && _byResource.TryGetValue(resource[..^suffix.Length], out handler))
            {
                return handler;
            }
        }

        return null;
    }
}
