namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>
/// A JSON pointer that is built only when a problem is reported: the validator checks thousands of values that are
/// fine, and building each one's pointer string up front was most of what it allocated.
/// </summary>
internal readonly struct LazyPointer
{
    private readonly string _parent;
    private readonly string? _suffix;
    private readonly string? _child;

    private LazyPointer(string parent, string? suffix, string? child)
    {
        _parent = parent;
        _suffix = suffix;
        _child = child;
    }

    public static implicit operator LazyPointer(string pointer) => new(pointer, null, null);

    /// <summary>The parent followed by a fixed suffix such as <c>/ResultPath</c>.</summary>
    public static LazyPointer Suffix(string parent, string suffix) => new(parent, suffix, null);

    /// <summary>The parent's member <paramref name="name"/> (escaped as RFC 6901 says).</summary>
    public static LazyPointer Child(string parent, string name) => new(parent, null, name);

    public override string ToString() =>
        _suffix is not null ? _parent + _suffix
        : _child is not null ? Pointer.Child(_parent, _child)
        : _parent;
}
