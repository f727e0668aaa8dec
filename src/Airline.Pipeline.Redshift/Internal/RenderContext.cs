namespace Airline.Pipeline.Redshift.Internal;

/// <summary>Collects problems and warnings while rendering, so one call reports them all.</summary>
internal sealed class RenderContext
{
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    public List<string> Problems { get; } = [];

    public List<string> Warnings { get; } = [];

    public void Warn(string warning)
    {
        if (_warned.Add(warning))
        {
            Warnings.Add(warning);
        }
    }

    public void ThrowIfProblems()
    {
        if (Problems.Count > 0)
        {
            throw new SqlValidationException(Problems.Distinct(StringComparer.Ordinal).ToList());
        }
    }
}
