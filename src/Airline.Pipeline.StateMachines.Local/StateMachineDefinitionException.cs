namespace Airline.Pipeline.StateMachines.Local;

/// <summary>One problem in a state machine definition, located by a JSON pointer.</summary>
/// <param name="Pointer">Where the problem is, e.g. <c>/States/Check/Choices/0/Variable</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record StateMachineDefinitionProblem(string Pointer, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Pointer}: {Message}";
}

/// <summary>The definition cannot be run; <see cref="Problems"/> lists every problem found, not just the first.</summary>
public sealed class StateMachineDefinitionException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public StateMachineDefinitionException(IReadOnlyList<StateMachineDefinitionProblem> problems)
        : base("The state machine definition cannot be run:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public StateMachineDefinitionException(string message)
        : base(message)
    {
        Problems = [new StateMachineDefinitionProblem("/", message)];
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public StateMachineDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new StateMachineDefinitionProblem("/", message)];
    }

    /// <summary>Creates an empty exception.</summary>
    public StateMachineDefinitionException()
        : this("The state machine definition cannot be run.")
    {
    }

    /// <summary>Every problem, each with its JSON pointer.</summary>
    public IReadOnlyList<StateMachineDefinitionProblem> Problems { get; }
}
