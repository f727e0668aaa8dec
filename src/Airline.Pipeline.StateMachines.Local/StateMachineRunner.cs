using System.Text.Json.Nodes;
using Airline.Pipeline.StateMachines.Local.Internal.Definition;
using Airline.Pipeline.StateMachines.Local.Internal.Engine;
using Airline.Pipeline.StateMachines.Local.Internal.Json;
using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Local;

/// <summary>
/// Runs an Amazon States Language state machine in-process, as Step Functions would: JSONPath and JSONata,
/// every state type, Retry/Catch, virtual time and the execution history. The definition is compiled
/// once; each <see cref="RunAsync(string, CancellationToken)"/> is an independent execution.
/// </summary>
public sealed class StateMachineRunner
{
    private readonly MachineDefinition _machine;

    private StateMachineRunner(MachineDefinition machine, StateMachineRunnerOptions options)
    {
        _machine = machine;
        Options = options;
    }

    /// <summary>The options every execution uses.</summary>
    public StateMachineRunnerOptions Options { get; }

    /// <summary>
    /// Compiles ASL JSON text (exactly what Step Functions executes).
    /// </summary>
    /// <exception cref="StateMachineDefinitionException">The definition has problems; all are listed with their JSON pointers.</exception>
    public static StateMachineRunner FromJson(string definitionJson, StateMachineRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definitionJson);
        return new StateMachineRunner(DefinitionCompiler.Compile(definitionJson), options ?? new StateMachineRunnerOptions());
    }

    /// <summary>
    /// Compiles a definition from the ASL model (built with <c>StateMachineBuilder</c>, read with
    /// <c>StateMachine.Parse</c> or made by <c>GlueWorkflows</c>) through its ASL JSON, so the runner executes
    /// exactly the text Step Functions would receive.
    /// </summary>
    /// <exception cref="StateMachineDefinitionException">The definition has problems; all are listed with their JSON pointers.</exception>
    public static StateMachineRunner FromDefinition(StateMachine definition, StateMachineRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return FromJson(definition.ToJson(), options);
    }

    /// <summary>A runner for the same definition with other options (handlers, clock, seed).</summary>
    public StateMachineRunner WithOptions(StateMachineRunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new StateMachineRunner(_machine, options);
    }

    /// <summary>Registers a handler for the named Task state in this runner's registry (<see cref="StateMachineRunnerOptions.Handlers"/>) and returns the runner.</summary>
    public StateMachineRunner WithHandler(string stateName, ITaskHandler handler)
    {
        Options.Handlers.ForState(stateName, handler);
        return this;
    }

    /// <summary>Runs one execution on <paramref name="inputJson"/> (default <c>{}</c>).</summary>
    public Task<ExecutionResult> RunAsync(string inputJson = "{}", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputJson);
        JData input;
        try
        {
            input = JData.Parse(inputJson);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ArgumentException($"The execution input is not JSON: {ex.Message}", nameof(inputJson), ex);
        }

        return RunCoreAsync(input, cancellationToken);
    }

    /// <summary>Runs one execution on <paramref name="input"/>.</summary>
    public Task<ExecutionResult> RunAsync(JsonNode? input, CancellationToken cancellationToken = default) =>
        RunCoreAsync(JDataNodes.FromNode(input), cancellationToken);

    private Task<ExecutionResult> RunCoreAsync(JData input, CancellationToken cancellationToken)
    {
        var random = Options.RandomSeed is { } seed ? new Random(seed) : new Random();
        IExecutionClock clock = Options.TimeProvider switch
        {
            null => new VirtualExecutionClock(new VirtualTimeProvider()),
            VirtualTimeProvider virtualTime => new VirtualExecutionClock(virtualTime),
            var other => new RealExecutionClock(other),
        };
        var name = Options.ExecutionName ?? Internal.Paths.IntrinsicFunctions.NewUuid(random);
        var run = new ExecutionRun(_machine, Options, clock, random, name);
        return run.RunAsync(input, cancellationToken);
    }
}
