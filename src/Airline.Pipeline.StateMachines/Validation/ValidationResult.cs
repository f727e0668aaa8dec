using System.Collections.Immutable;

namespace Airline.Pipeline.StateMachines.Validation;

/// <summary>Every problem the validator found, errors and warnings together.</summary>
public sealed record ValidationResult(ImmutableArray<AslProblem> Problems)
{
    /// <summary>True when there is no error (warnings allowed).</summary>
    public bool IsValid => !Problems.Any(p => p.Severity == ProblemSeverity.Error);

    /// <summary>The problems AWS would reject.</summary>
    public IEnumerable<AslProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    /// <summary>The lints.</summary>
    public IEnumerable<AslProblem> Warnings => Problems.Where(p => p.Severity == ProblemSeverity.Warning);

    /// <summary>One problem a line.</summary>
    public override string ToString() => Problems.Length == 0 ? "valid" : string.Join(Environment.NewLine, Problems);
}
