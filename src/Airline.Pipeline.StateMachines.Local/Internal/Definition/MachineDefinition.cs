namespace Airline.Pipeline.StateMachines.Local.Internal.Definition;

internal enum QueryLanguage
{
    JsonPath,
    Jsonata,
}

/// <summary>A compiled state machine or branch: its start state and states by name.</summary>
internal sealed class MachineDefinition(string startAt, IReadOnlyDictionary<string, StateNode> states, QueryLanguage language, int? timeoutSeconds)
{
    public string StartAt { get; } = startAt;

    public IReadOnlyDictionary<string, StateNode> States { get; } = states;

    public QueryLanguage Language { get; } = language;

    public int? TimeoutSeconds { get; } = timeoutSeconds;
}
