using Airline.Pipeline.EventPatterns.Model;

namespace Airline.Pipeline.EventPatterns.Building;

/// <summary>Builds one JSON object of a pattern: leaves, nested objects and <c>$or</c>s, in the order added.</summary>
/// <typeparam name="TSelf">The concrete builder, so that chained calls keep its type.</typeparam>
public abstract class PatternObjectBuilderBase<TSelf>
    where TSelf : PatternObjectBuilderBase<TSelf>
{
    private readonly List<object> _members = [];

    private protected PatternObjectBuilderBase()
    {
    }

    private TSelf Self => (TSelf)this;

    /// <summary>A leaf field (the name is taken as written, dots included); adding a name again adds alternatives.</summary>
    public TSelf Field(string name, params ValueMatcher[] matchers)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(matchers);
        var existing = _members.OfType<LeafEntry>().FirstOrDefault(l => l.Name == name);
        if (existing is null)
        {
            _members.RemoveAll(m => m is NestedEntry n && n.Name == name);
            _members.Add(existing = new LeafEntry(name));
        }

        existing.Matchers.AddRange(matchers);
        return Self;
    }

    /// <summary>A leaf field holding exact strings: <c>.Field("source", "aws.s3")</c>.</summary>
    public TSelf Field(string name, params string[] values) => Field(name, [.. values.Select(Match.Exact)]);

    /// <summary>A leaf at a dotted path, nesting objects: <c>.Path("detail.bucket.name", Match.Exact("b"))</c>.</summary>
    public TSelf Path(string dottedPath, params ValueMatcher[] matchers)
    {
        ArgumentException.ThrowIfNullOrEmpty(dottedPath);
        var parts = dottedPath.Split('.');
        if (parts.Length == 1)
        {
            return Field(dottedPath, matchers);
        }

        return Object(parts[0], o => o.Path(string.Join('.', parts[1..]), matchers));
    }

    /// <summary>A nested object; adding a name again extends the same object.</summary>
    public TSelf Object(string name, Action<PatternObjectBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(build);
        var existing = _members.OfType<NestedEntry>().FirstOrDefault(n => n.Name == name);
        if (existing is null)
        {
            _members.RemoveAll(m => m is LeafEntry l && l.Name == name);
            _members.Add(existing = new NestedEntry(name, new PatternObjectBuilder()));
        }

        build(existing.Builder);
        return Self;
    }

    /// <summary><c>$or</c>: the object matches when any alternative does (give at least two).</summary>
    public TSelf Or(params Action<PatternObjectBuilder>[] alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        var builders = new List<PatternObjectBuilder>();
        foreach (var alternative in alternatives)
        {
            var builder = new PatternObjectBuilder();
            alternative(builder);
            builders.Add(builder);
        }

        _members.Add(builders);
        return Self;
    }

    /// <summary><c>$or</c> of whole patterns (for example two presets).</summary>
    public TSelf Or(params EventPattern[] alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        _members.Add(alternatives.Select(a => a.Root).ToList());
        return Self;
    }

    /// <summary><c>"source": [...]</c>.</summary>
    public TSelf Source(params string[] sources) => Field("source", sources);

    /// <summary><c>"detail-type": [...]</c>.</summary>
    public TSelf DetailType(params string[] detailTypes) => Field("detail-type", detailTypes);

    /// <summary><c>"account": [...]</c>.</summary>
    public TSelf Account(params string[] accounts) => Field("account", accounts);

    /// <summary><c>"region": [...]</c>.</summary>
    public TSelf Region(params string[] regions) => Field("region", regions);

    /// <summary><c>"resources": [...]</c>: matches when any event resource is listed.</summary>
    public TSelf Resources(params string[] arns) => Field("resources", arns);

    /// <summary><c>"detail": { ... }</c>.</summary>
    public TSelf Detail(Action<PatternObjectBuilder> build) => Object("detail", build);

    internal PatternObject BuildObject()
    {
        var members = new List<PatternMember>();
        foreach (var member in _members)
        {
            members.Add(member switch
            {
                LeafEntry leaf => new LeafField(leaf.Name, [.. leaf.Matchers]),
                NestedEntry nested => new NestedField(nested.Name, nested.Builder.BuildObject()),
                List<PatternObjectBuilder> or => new OrMember([.. or.Select(b => b.BuildObject())]),
                List<PatternObject> or => new OrMember([.. or]),
                _ => throw new InvalidOperationException("unknown member"),
            });
        }

        return new PatternObject(members);
    }

    private sealed record LeafEntry(string Name)
    {
        public List<ValueMatcher> Matchers { get; } = [];
    }

    private sealed record NestedEntry(string Name, PatternObjectBuilder Builder);
}

/// <summary>Builds a nested object or a <c>$or</c> alternative of a pattern.</summary>
public sealed class PatternObjectBuilder : PatternObjectBuilderBase<PatternObjectBuilder>
{
    internal PatternObjectBuilder()
    {
    }
}
