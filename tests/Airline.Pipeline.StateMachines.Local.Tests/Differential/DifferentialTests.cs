using System.Text.Json.Nodes;

namespace Airline.Pipeline.StateMachines.Local.Tests.Differential;

/// <summary>
/// The corpus run by our runner and by aws-local-stepfunctions 3.0.0: final status and output must be
/// equal as JSON (failures compare the error name; causes are worded differently by design). Where
/// aws-local-stepfunctions disagrees with AWS's documentation, <see cref="Divergences"/> quotes the
/// documentation and gives what AWS does; we follow AWS.
/// </summary>
public sealed class DifferentialTests(LocalSfnFixture fixture) : IClassFixture<LocalSfnFixture>
{
    public static TheoryData<string> CaseNames => [.. CorpusCase.Load().Select(c => c.Name)];

    [Fact]
    public void Corpus_has_at_least_40_machines_covering_every_state_type()
    {
        fixture.Cases.Should().HaveCountGreaterThanOrEqualTo(40);
        var json = string.Join("\n", fixture.Cases.Select(c => c.Definition.ToJsonString()));
        foreach (var type in new[] { "Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map" })
        {
            json.Should().Contain($"\"Type\":\"{type}\"");
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Runner_agrees_with_aws_local_stepfunctions_or_with_the_documented_AWS_behaviour(string name)
    {
        var corpusCase = fixture.Cases.Single(c => c.Name == name);
        var runner = StateMachineRunner.FromJson(corpusCase.Definition.ToJsonString(), new() { Handlers = corpusCase.Handlers(), RandomSeed = 1 });
        for (var i = 0; i < corpusCase.Inputs.Count; i++)
        {
            var ours = await runner.WithOptions(new() { Handlers = corpusCase.Handlers(), RandomSeed = 1 }).RunAsync(corpusCase.Inputs[i]?.ToJsonString() ?? "null");
            var expected = Divergences.Expected(name, i) ?? fixture.ResultOf(name, i);
            var because = $"{name}[{i}] input {corpusCase.Inputs[i]?.ToJsonString()}: ours {ours}, expected {expected.ToJsonString()}";
            ToStatusName(ours.Status).Should().Be(expected["status"]!.GetValue<string>(), because);
            if (ours.Status == ExecutionStatus.Succeeded)
            {
                JsonNode.DeepEquals(Normalize(ours.OutputNode), Normalize(expected["output"])).Should().BeTrue(because);
            }
            else
            {
                ours.Error.Should().Be(expected["error"]?.GetValue<string>(), because);
            }
        }
    }

    private static string ToStatusName(ExecutionStatus status) => status switch
    {
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        _ => "ABORTED",
    };

    [Fact]
    public void Every_divergence_quotes_the_documentation()
    {
        Divergences.CaseNames.Should().NotBeEmpty();
        foreach (var name in Divergences.CaseNames)
        {
            Divergences.Documentation(name).Should().Contain("Step Functions Developer Guide").And.Contain("aws-local-stepfunctions 3.0.0");
        }
    }

    /// <summary>
    /// Numbers compare by value (10 and 10.0 are the same JSON number); the text of an error output's
    /// "Cause" is each interpreter's own wording, so only its presence is compared.
    /// </summary>
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Key == "Cause" && o.ContainsKey("Error") ? JsonValue.Create("<cause>") : Normalize(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Normalize)]),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => JsonValue.Create(v.GetValue<double>()),
        _ => node?.DeepClone(),
    };
}
