using System.Collections.Immutable;
using System.Text;
using Airline.Pipeline.StateMachines.Internal;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Serialization;

namespace Airline.Pipeline.StateMachines.Validation;

/// <summary>
/// Checks a definition against the Amazon States Language and what AWS accepts, returning every problem at
/// once (errors), plus lints (warnings) for likely mistakes. Use it on JSON text before deploying, or on a model.
/// </summary>
public static class AslValidator
{
    /// <summary>Validates JSON text: reading problems, then every rule on what could be read.</summary>
    public static ValidationResult Validate(string json, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Validate(Encoding.UTF8.GetBytes(json), options);
    }

    /// <summary>Validates UTF-8 JSON.</summary>
    public static ValidationResult Validate(ReadOnlySpan<byte> utf8Json, ValidationOptions? options = null)
    {
        var read = AslReader.Read(utf8Json);
        var problems = ImmutableArray.CreateBuilder<AslProblem>();
        problems.AddRange(read.Problems);
        if (utf8Json.Length > Limits.MaxDefinitionBytes)
        {
            problems.Add(SizeProblem(utf8Json.Length));
        }

        if (read.Machine is { } machine)
        {
            new SemanticChecks(problems, options ?? ValidationOptions.Default, fromJson: true).Check(machine);
        }

        if (problems.Any(p => p.Line is null))
        {
            var wanted = problems.Where(p => p.Line is null).Select(p => p.Pointer).ToHashSet(StringComparer.Ordinal);
            var locations = PointerLocator.Locate(utf8Json, wanted);
            for (var i = 0; i < problems.Count; i++)
            {
                if (problems[i].Line is null && locations.TryGetValue(problems[i].Pointer, out var at))
                {
                    problems[i] = problems[i] with { Line = at.Line, Column = at.Column };
                }
            }
        }

        return new ValidationResult(problems.DrainToImmutable());
    }

    /// <summary>Validates a model (as built or parsed).</summary>
    public static ValidationResult Validate(StateMachine machine, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(machine);
        var problems = ImmutableArray.CreateBuilder<AslProblem>();
        new SemanticChecks(problems, options ?? ValidationOptions.Default, fromJson: false).Check(machine);
        var size = WrittenSize(machine);
        if (size > Limits.MaxDefinitionBytes)
        {
            problems.Add(SizeProblem((int)size));
        }

        return new ValidationResult(problems.DrainToImmutable());
    }

    private static long WrittenSize(StateMachine machine)
    {
        if (machine.States.Length < LargeDefinitionStates)
        {
            var counter = new ByteCounter();
            AslWriter.Write(machine, counter);
            return counter.Count;
        }

        // Large definitions are usually written next: keep the bytes for that write instead of serializing twice.
        var bytes = AslWriter.WriteUtf8(machine);
        WrittenJsonCache.Offer(machine, bytes);
        return bytes.Length;
    }

    private const int LargeDefinitionStates = 100;

    private static AslProblem SizeProblem(int size) => new(string.Empty, ProblemCodes.TooLarge,
        $"The definition is {size} bytes; Step Functions accepts at most {Limits.MaxDefinitionBytes} (1 MB). " +
        "Move large constants out (S3, parameters) or split it into child state machines.");
}

/// <summary>What the validator checks besides the language rules.</summary>
public sealed record ValidationOptions
{
    /// <summary>The defaults: lints on.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>Report lints (warnings). Default true.</summary>
    public bool Lints { get; init; } = true;

    /// <summary>
    /// Accept CloudFormation / CDK substitutions such as <c>${LambdaArn}</c> where an ARN is expected. Default true.
    /// </summary>
    public bool AllowDefinitionSubstitutions { get; init; } = true;
}

/// <summary>Quotas of Step Functions that the validator enforces.</summary>
public static class Limits
{
    /// <summary>Maximum size of a definition: 1 MB.</summary>
    public const int MaxDefinitionBytes = 1024 * 1024;

    /// <summary>Maximum length of a state name.</summary>
    public const int MaxStateNameLength = 80;

    /// <summary>Maximum length of a Map Label.</summary>
    public const int MaxMapLabelLength = 40;
}
