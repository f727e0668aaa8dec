namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>RFC 6901 JSON pointers.</summary>
internal static class Pointer
{
    public static string Child(string parent, string name)
    {
        if (name.AsSpan().IndexOfAny('~', '/') < 0)
        {
            return string.Concat(parent, "/", name);
        }

        return string.Concat(parent, "/", name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
    }

    public static string Child(string parent, int index) =>
        string.Concat(parent, "/", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
