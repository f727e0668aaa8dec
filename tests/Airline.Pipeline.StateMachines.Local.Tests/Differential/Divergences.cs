using System.Text.Json.Nodes;

namespace Airline.Pipeline.StateMachines.Local.Tests.Differential;

/// <summary>
/// Cases where aws-local-stepfunctions 3.0.0 is wrong by AWS's documentation. Each entry quotes the documentation
/// verbatim and gives the result AWS produces, which our runner must produce.
/// </summary>
internal static class Divergences
{
    private const string IsPresentDocs =
        "AWS Step Functions Developer Guide, Choice workflow state, Choice Rules (JSONPath), lists IsPresent under \"The following "
        + "comparison operators are supported:\"; the AWS CDK API Reference, aws-cdk-lib.aws_stepfunctions.Condition, documents "
        + "isNotPresent(variable), which it renders as \"IsPresent\": false, as \"Matches if variable is not present\". "
        + "aws-local-stepfunctions 3.0.0 evaluates `IsPresentTrue && varValue !== undefined`, so \"IsPresent\": false never matches.";

    private static readonly Dictionary<(string Name, int Index), (string Documentation, string Expected)> Entries = new()
    {
        [("choice-type-tests", 5)] = (IsPresentDocs, """{"status":"SUCCEEDED","output":"M5"}"""),
        [("inputpath-outputpath", 0)] = (
            "AWS Step Functions Developer Guide, Specifying state output using ResultPath in Step Functions, Use ResultPath to replace "
            + "input with the task result: \"If you do not specify a ResultPath, the default behavior is the same as \"ResultPath\": \"$\". "
            + "The state will replace the entire state input with the result from the task.\" aws-local-stepfunctions 3.0.0 writes the "
            + "result under a key named \"$\" when a Pass state has ResultPath \"$\" and no Result.",
            """{"status":"SUCCEEDED","output":true}"""),
        [("intrinsic-jsonmerge-mathadd-split", 0)] = (
            "AWS Step Functions Developer Guide, Intrinsic functions for JSONPath states, Intrinsic for String operation, "
            + "States.StringSplit: \"This function takes two arguments. The first argument is a string and the second argument is the "
            + "delimiting character that the function will use to divide the string.\" Its example \"Split an input string using multiple "
            + "delimiting characters\" splits \"This.is+a,test=string\" with the splitter \".+,=\" into "
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
