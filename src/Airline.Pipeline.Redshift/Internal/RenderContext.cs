namespace Airline.Pipeline.Redshift.Internal;

/// <summary>Collects problems and warnings while rendering, so one call reports them all.</summary>
internal sealed class RenderContext
{
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    public List<string> Problems { get; } = [];

    /// <summary>Names already validated and quoted in this rendering: a 200-column plan repeats each many times.</summary>
    public Dictionary<string, string> Quoted { get; } = new(StringComparer.Ordinal);

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
