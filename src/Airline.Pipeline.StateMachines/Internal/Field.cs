using System.Runtime.InteropServices;
using System.Text.Json;
using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>Every state-level field name the model knows.</summary>
internal enum Field
{
    Type,
    Comment,
    QueryLanguage,
    Next,
    End,
    InputPath,
    OutputPath,
    Assign,
    Output,
    Parameters,
    Arguments,
    ResultSelector,
    ResultPath,
    Retry,
    Catch,
    Resource,
    TimeoutSeconds,
    TimeoutSecondsPath,
    HeartbeatSeconds,
    HeartbeatSecondsPath,
    Credentials,
    Result,
    Seconds,
    SecondsPath,
    Timestamp,
    TimestampPath,
    Error,
    ErrorPath,
    Cause,
    CausePath,
    Choices,
    Default,
    Branches,
    ItemProcessor,
    Iterator,
    ItemsPath,
    Items,
    ItemSelector,
    ItemReader,
    ItemBatcher,
    ResultWriter,
    MaxConcurrency,
    MaxConcurrencyPath,
    ToleratedFailureCount,
    ToleratedFailureCountPath,
    ToleratedFailurePercentage,
    ToleratedFailurePercentagePath,
    Label,
}

/// <summary>Which fields each state type allows (in either query language), and which are JSONPath- or JSONata-only.</summary>
internal static class FieldTable
{
    public const int Count = (int)Field.Label + 1;

    public static readonly Dictionary<string, Field> ByName =
        Enum.GetValues<Field>().ToDictionary(f => f.ToString(), StringComparer.Ordinal);

    private static readonly ulong[] AllowedByType = BuildAllowed();

    private static readonly string[] Names = [.. Enum.GetValues<Field>().Select(f => f.ToString())];

    /// <summary>Fields only JSONPath states may use.</summary>
    public static readonly Field[] JsonPathOnly =
    [
        Field.InputPath, Field.OutputPath, Field.Parameters, Field.ResultSelector, Field.ResultPath,
        Field.TimeoutSecondsPath, Field.HeartbeatSecondsPath, Field.SecondsPath, Field.TimestampPath,
        Field.ErrorPath, Field.CausePath, Field.ItemsPath, Field.MaxConcurrencyPath, Field.ToleratedFailureCountPath,
        Field.ToleratedFailurePercentagePath, Field.Iterator,
    ];

    /// <summary>Fields only JSONata states may use.</summary>
    public static readonly Field[] JsonataOnly = [Field.Arguments, Field.Output, Field.Items];

    private static readonly Utf8Names<Field> ByUtf8Name = new(Enum.GetValues<Field>().Select(f => (f.ToString(), f)));

    /// <summary>The field a property names, read from its UTF-8 name without decoding it.</summary>
    public static bool TryGet(JsonProperty property, out Field field)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') >= 0)
        {
            return ByName.TryGetValue(property.Name, out field); // escaped name: let the reader unescape it
        }

        return ByUtf8Name.TryGet(raw, out field);
    }

    /// <summary>The field's JSON name (Enum.ToString would allocate one per call).</summary>
    public static string NameOf(Field field) => Names[(int)field];

    public static bool Allows(StateType type, Field field) => (AllowedByType[(int)type] & (1UL << (int)field)) != 0;

    public static bool Allows(StateType type, string name) => ByName.TryGetValue(name, out var field) && Allows(type, field);

    private static ulong[] BuildAllowed()
    {
        static ulong Mask(params Field[] fields) => fields.Aggregate(0UL, (mask, f) => mask | (1UL << (int)f));
        var common = Mask(Field.Type, Field.Comment, Field.QueryLanguage);
        var flow = common | Mask(Field.Next, Field.End, Field.InputPath, Field.OutputPath, Field.Assign, Field.Output);
        var recoverable = flow | Mask(Field.Parameters, Field.Arguments, Field.ResultSelector, Field.ResultPath, Field.Retry, Field.Catch);
        var allowed = new ulong[Enum.GetValues<StateType>().Length];
        allowed[(int)StateType.Task] = recoverable | Mask(Field.Resource, Field.TimeoutSeconds, Field.TimeoutSecondsPath,
            Field.HeartbeatSeconds, Field.HeartbeatSecondsPath, Field.Credentials);
        allowed[(int)StateType.Pass] = flow | Mask(Field.Parameters, Field.Result, Field.ResultPath);
        allowed[(int)StateType.Choice] = common | Mask(Field.Choices, Field.Default, Field.InputPath, Field.OutputPath, Field.Assign, Field.Output);
        allowed[(int)StateType.Wait] = flow | Mask(Field.Seconds, Field.SecondsPath, Field.Timestamp, Field.TimestampPath);
        allowed[(int)StateType.Succeed] = common | Mask(Field.InputPath, Field.OutputPath, Field.Output);
        allowed[(int)StateType.Fail] = common | Mask(Field.Error, Field.ErrorPath, Field.Cause, Field.CausePath);
        allowed[(int)StateType.Parallel] = recoverable | Mask(Field.Branches);
        allowed[(int)StateType.Map] = (recoverable & ~Mask(Field.Arguments)) | Mask(Field.ItemProcessor, Field.Iterator,
            Field.ItemsPath, Field.Items, Field.ItemSelector, Field.ItemReader, Field.ItemBatcher, Field.ResultWriter,
            Field.MaxConcurrency, Field.MaxConcurrencyPath, Field.ToleratedFailureCount, Field.ToleratedFailureCountPath,
            Field.ToleratedFailurePercentage, Field.ToleratedFailurePercentagePath, Field.Label);
        return allowed;
    }
}
