namespace Airline.Pipeline.StateMachines.Model;

/// <summary>
/// The value of InputPath, OutputPath, ResultPath or ItemsPath when present: a path, or JSON <c>null</c>
/// (which means "discard": <c>{}</c> as input, no output, keep the input unchanged).
/// An absent field is a <c>null</c> <see cref="OptionalPath"/>? in the model.
/// </summary>
/// <param name="Path">The path, or <c>null</c> for JSON null.</param>
public readonly record struct OptionalPath(string? Path)
{
    /// <summary>The JSON <c>null</c> value.</summary>
    public static OptionalPath Null => default;

    /// <summary>True for JSON <c>null</c>.</summary>
    public bool IsNull => Path is null;

    /// <summary>Wraps a path.</summary>
    public static implicit operator OptionalPath(string path) => new(path);

    /// <summary>The path, or <c>null</c>.</summary>
    public override string ToString() => Path ?? "null";
}
