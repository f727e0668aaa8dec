namespace Airline.Pipeline.StateMachines.Local.Internal.Definition;

/// <summary>Collects every problem found while compiling a definition, each with its JSON pointer.</summary>
internal sealed class DefinitionProblems
{
    private readonly List<StateMachineDefinitionProblem> _items = [];

    public IReadOnlyList<StateMachineDefinitionProblem> Items => _items;

    public void Add(string pointer, string message) => _items.Add(new StateMachineDefinitionProblem(pointer.Length == 0 ? "/" : pointer, message));

    public static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
