using System.Globalization;
using System.Runtime.CompilerServices;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>
/// A JSON pointer that is built only when a problem is reported: the validator checks thousands of values that are
/// fine, and building each one's pointer string up front was most of what it allocated. It holds a built prefix and
/// up to <see cref="MaxSteps"/> pending steps, each a literal suffix such as <c>/Retry</c> (array indices below
/// <see cref="CachedIndices"/> are cached suffixes) or a member name to escape; one more step builds the prefix.
/// </summary>
internal readonly struct LazyPointer
{
    private const int MaxSteps = 8;
    private const int CachedIndices = 64;

    private static readonly string[] IndexSuffixes =
        [.. Enumerable.Range(0, CachedIndices).Select(i => "/" + i.ToString(CultureInfo.InvariantCulture))];

    private readonly string _prefix;
    private readonly Steps _steps;
    private readonly byte _count;
    private readonly byte _members; // bit i set: step i is a member name (escaped when built), else a literal suffix

    private LazyPointer(string prefix, Steps steps, byte count, byte members)
    {
        _prefix = prefix;
        _steps = steps;
        _count = count;
        _members = members;
    }

    /// <summary>True for the pointer of the whole document (<c>""</c>).</summary>
    public bool IsRoot => _prefix.Length == 0 && _count == 0;

    public static implicit operator LazyPointer(string pointer) => new(pointer, default, 0, 0);

    /// <summary>The pointer followed by a fixed suffix such as <c>/ResultPath</c>.</summary>
    public static LazyPointer operator +(LazyPointer pointer, string suffix) => pointer.Then(suffix, member: false);

    /// <summary>The parent's member <paramref name="name"/> (escaped as RFC 6901 says).</summary>
    public static LazyPointer Child(LazyPointer parent, string name) => parent.Then(name, member: true);

    /// <summary>The parent's array item <paramref name="index"/>.</summary>
    public static LazyPointer Child(LazyPointer parent, int index) =>
        index is >= 0 and < CachedIndices ? parent + IndexSuffixes[index] : Pointer.Child(parent.ToString(), index);

    /// <summary>This pointer, with its steps built into the prefix when it has more than <paramref name="steps"/>:
    /// for the root of a nested graph, so that the pointers of its states keep room for their own steps.</summary>
    public LazyPointer WithAtMost(int steps) => _count <= steps ? this : ToString();

    public override string ToString()
    {
        if (_count == 0)
        {
            return _prefix;
        }

        var text = new System.Text.StringBuilder(_prefix, 64);
        for (var step = 0; step < _count; step++)
        {
            var piece = _steps[step]!;
            if ((_members & (1 << step)) == 0)
            {
                text.Append(piece);
            }
            else
            {
                text.Append('/').Append(piece.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            }
        }

        return text.ToString();
    }

    private LazyPointer Then(string text, bool member)
    {
        if (_count == MaxSteps)
        {
            return new LazyPointer(ToString(), default, 0, 0).Then(text, member);
        }

        var steps = _steps;
        steps[_count] = text;
        return new LazyPointer(_prefix, steps, (byte)(_count + 1), member ? (byte)(_members | (1 << _count)) : _members);
    }

    [InlineArray(MaxSteps)]
    private struct Steps
    {
        private string? _first;
    }
}
