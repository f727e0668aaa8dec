namespace Airline.Pipeline.StateMachines.Model;

/// <summary>The intrinsic functions of JSONPath states, with their arity.</summary>
public static class AslIntrinsics
{
    /// <summary>Each function's name and the least and most arguments it takes (null: no maximum).</summary>
    public static IReadOnlyDictionary<string, (int Min, int? Max)> Arity { get; } = new Dictionary<string, (int, int?)>(StringComparer.Ordinal)
    {
        ["States.Format"] = (1, null),
        ["States.StringToJson"] = (1, 1),
        ["States.JsonToString"] = (1, 1),
        ["States.Array"] = (0, null),
        ["States.ArrayPartition"] = (2, 2),
        ["States.ArrayContains"] = (2, 2),
        ["States.ArrayRange"] = (3, 3),
        ["States.ArrayGetItem"] = (2, 2),
        ["States.ArrayLength"] = (1, 1),
        ["States.ArrayUnique"] = (1, 1),
        ["States.Base64Encode"] = (1, 1),
        ["States.Base64Decode"] = (1, 1),
        ["States.Hash"] = (2, 2),
        ["States.JsonMerge"] = (3, 3),
        ["States.MathRandom"] = (2, 3),
        ["States.MathAdd"] = (2, 2),
        ["States.StringSplit"] = (2, 2),
        ["States.UUID"] = (0, 0),
    };

    /// <summary>The algorithms <c>States.Hash</c> accepts.</summary>
    public static IReadOnlySet<string> HashAlgorithms { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512" };
}
