using System.Text.Json.Nodes;

namespace Airline.Pipeline.StateMachines.Local.Tests.Differential;

/// <summary>
/// Cases where aws-local-stepfunctions 3.0.0 is wrong by AWS's documentation. Each entry quotes (or, where
/// marked, paraphrases) the documentation and gives the result AWS produces, which our runner must produce.
/// </summary>
internal static class Divergences
{
    private const string IsPresentDocs =
        "AWS Step Functions Developer Guide, Choice workflow state, Choice Rules (JSONPath): the data-test operators "
        + "IsNull, IsPresent, IsNumeric, IsString, IsBoolean and IsTimestamp take a Boolean, and false tests for the negation "
        + "(paraphrased). aws-local-stepfunctions 3.0.0 evaluates `IsPresentTrue && varValue !== undefined`, so \"IsPresent\": false never matches.";

    private static readonly Dictionary<(string Name, int Index), (string Documentation, string Expected)> Entries = new()
    {
        [("choice-type-tests", 5)] = (IsPresentDocs, """{"status":"SUCCEEDED","output":"M5"}"""),
        [("inputpath-outputpath", 0)] = (
            "AWS Step Functions Developer Guide, Specifying state output using ResultPath: with ResultPath \"$\" (the default) "
            + "the state's result replaces the whole input (paraphrased). aws-local-stepfunctions 3.0.0 writes the result under a key "
            + "named \"$\" when a Pass state has ResultPath \"$\" and no Result.",
            """{"status":"SUCCEEDED","output":true}"""),
        [("intrinsic-jsonmerge-mathadd-split", 0)] = (
            "AWS Step Functions Developer Guide, Intrinsic functions for JSONPath states, States.StringSplit: the second argument is the "
            + "delimiting character(s); the page's example splits \"This.is+a,test=string\" with the splitter \".+,=\" into "
            + "[\"This\",\"is\",\"a\",\"test\",\"string\"]. aws-local-stepfunctions 3.0.0 splits on the whole splitter string.",
            """{"status":"SUCCEEDED","output":{"merged":{"k1":1,"k2":{"y":2},"k3":3},"sum":7,"parts":["1","2","3"],"multi":["a","b","c"]}}"""),
        [("fail-errorpath-causepath", 0)] = (
            "AWS Step Functions Developer Guide, Fail workflow state: \"You can also specify CausePath using an intrinsic function that "
            + "returns a string. These intrinsics are: States.Format, States.JsonToString, States.ArrayGetItem, States.Base64Encode, "
            + "States.Base64Decode, States.Hash, and States.UUID.\" aws-local-stepfunctions 3.0.0 treats the intrinsic as a path and fails with States.Runtime.",
            """{"status":"FAILED","error":"Dyn.Error"}"""),
    };

    public static IReadOnlyCollection<string> CaseNames => [.. Entries.Keys.Select(k => k.Name).Distinct()];

    public static string? Documentation(string name) => Entries.FirstOrDefault(e => e.Key.Name == name).Value.Documentation;

    public static JsonObject? Expected(string name, int index) =>
        Entries.TryGetValue((name, index), out var entry) ? JsonNode.Parse(entry.Expected)!.AsObject() : null;
}
