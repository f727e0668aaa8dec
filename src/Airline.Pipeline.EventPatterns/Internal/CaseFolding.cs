namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>
/// equals-ignore-case folding: two characters are equal when their upper-case forms, lower-cased, are equal.
/// event-ruler accepts either the lower- or the upper-case form of each character; folding through both
/// cases gives the same classes for the simple (one-to-one) case mappings.
/// </summary>
internal static class CaseFolding
{
    public static char Fold(char c) => c < 128
        ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c)
        : char.ToLowerInvariant(char.ToUpperInvariant(c));

    public static string Fold(string value)
    {
        var chars = value.ToCharArray();
        Fold(chars, chars);
        return new string(chars);
    }

    public static void Fold(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = Fold(source[i]);
        }
    }
}
