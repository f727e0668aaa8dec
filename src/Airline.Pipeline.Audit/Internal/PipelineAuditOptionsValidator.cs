using Microsoft.Extensions.Options;

namespace Airline.Pipeline.Audit.Internal;

/// <summary>Validates <see cref="PipelineAuditOptions"/> at start, reporting every problem with its value.</summary>
internal sealed class PipelineAuditOptionsValidator : IValidateOptions<PipelineAuditOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineAuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TryBuildPlan(out _, out var problems)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => $"{PipelineAuditOptions.SectionName}: {p}"));
    }
}
