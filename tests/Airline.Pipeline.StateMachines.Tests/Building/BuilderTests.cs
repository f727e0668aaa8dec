using System.Text.Json;
using Airline.Pipeline.StateMachines.Building;
using Airline.Pipeline.StateMachines.Integrations;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Tests.Building;

public sealed class BuilderTests
{
    public static TheoryData<string> Names() => [.. BuiltDefinitions.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Built_definition_is_valid_and_round_trips(string name)
    {
        var machine = BuiltDefinitions.All.Single(d => d.Name == name).Build();
        var json = machine.ToJson(indented: true);
        var result = AslValidator.Validate(json, new ValidationOptions { Lints = false });
        result.IsValid.Should().BeTrue(result.ToString());
        var reparsed = StateMachine.Parse(json);
        reparsed.ToJson(indented: true).Should().Be(json);
    }

    [Fact]
    public void Every_state_type_and_choice_operator_is_covered()
    {
        var machines = BuiltDefinitions.All.Select(d => d.Build()).ToList();
        var states = machines.SelectMany(m => AllStates(m)).ToList();
        states.Select(s => s.Type).Distinct().Should().BeEquivalentTo(Enum.GetValues<StateType>());
        var operators = states.OfType<ChoiceState>().SelectMany(c => c.Choices).SelectMany(Flatten).Select(r => r.Operator).OfType<ChoiceOperator>().Distinct();
        operators.Should().BeEquivalentTo(Enum.GetValues<ChoiceOperator>());
        var json = string.Join("\n", machines.Select(m => m.ToJson()));
        foreach (var function in AslIntrinsics.Arity.Keys)
        {
            json.Should().Contain(function + "(");
        }
    }

    [Fact]
    public void A_wait_that_loops_back_is_one_line()
    {
        var machine = new StateMachineBuilder()
            .Task("Poll", Glue.GetCrawler("c"), t => t.ResultPath("$.c").Retry(["Glue.ThrottlingException"]))
            .Choice("Ready", c => c
                .When(Condition.StringEquals("$.c.Crawler.State", "READY"), "Done")
                .When(Condition.StringEquals("$.c.Crawler.LastCrawl.Status", "FAILED"), "Failed")
                .Otherwise("Wait"))
            .Wait("Wait", TimeSpan.FromSeconds(15), next: "Poll")
            .Succeed("Done")
            .Fail("Failed")
            .Build();
        var wait = machine.FindState("Wait").Should().BeOfType<WaitState>().Subject;
        wait.Next.Should().Be("Poll");
        wait.Seconds!.Value.Number.Should().Be(15);
        ((TaskState)machine.FindState("Poll")!).Next.Should().Be("Ready", "a state without Next continues with the state added after it");
    }

    [Fact]
    public void Build_reports_every_problem_at_once()
    {
        var builder = new StateMachineBuilder()
            .Task("Start", "arn:aws:states:::aws-sdk:glue:startCrawler.sync", t => t.Next("Nowhere").Timeout(TimeSpan.FromSeconds(10)).Heartbeat(TimeSpan.FromSeconds(10)))
            .Wait("Wait", w => w.Seconds(5).SecondsPath("$.s").End())
            .Task("Job", "arn:aws:states:::glue:startCrawler", t => t.Retry(new Retrier { ErrorEquals = [ErrorNames.All, "X"], BackoffRate = 0.5m, MaxAttempts = -1, JitterStrategy = JitterStrategy.Full }).End())
            .Pass(new string('x', 81), p => p.ResultPath("$..bad").End());
        var act = () => builder.Build();
        var problems = act.Should().Throw<AslValidationException>().Which.Result.Errors.ToList();
        problems.Select(p => p.Code).Should().Contain(
        [
            ProblemCodes.UnsupportedIntegration, ProblemCodes.UnknownTarget, ProblemCodes.Timeouts, ProblemCodes.WaitDuration,
            ProblemCodes.RetryCatch, ProblemCodes.StateNameLength, ProblemCodes.InvalidPath, ProblemCodes.Unreachable,
        ]);
        problems.Should().Contain(p => p.Pointer == "/States/Start/Next" && p.Message.Contains("'Nowhere'"));
        problems.Should().Contain(p => p.Pointer == "/States/Start/Resource" && p.Message.Contains(".sync"));
        problems.Should().Contain(p => p.Pointer == "/States/Job/Resource" && p.Message.Contains("aws-sdk:glue:startCrawler"));
        problems.Should().Contain(p => p.Pointer == "/States/Job/Retry/0/BackoffRate");
        problems.Should().Contain(p => p.Pointer == "/States/Job/Retry/0/MaxAttempts");
        problems.Should().Contain(p => p.Pointer == "/States/Job/Retry/0/ErrorEquals/0");
    }

    [Fact]
    public void Aws_sdk_call_uses_camel_case_action_and_pascal_case_parameters()
    {
        var integration = AwsSdk.Call("Glue", "StartCrawler", new { name = "c" });
        integration.Resource.Should().Be("arn:aws:states:::aws-sdk:glue:startCrawler");
        integration.Parameters!.Value.GetProperty("Name").GetString().Should().Be("c");
        var act = () => AwsSdk.Call("glue", "startCrawler", pattern: IntegrationPattern.RunJob);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*sync*");
    }

    [Fact]
    public void Glue_start_job_run_uses_sync_and_arguments()
    {
        var integration = Glue.StartJobRun("job", new Dictionary<string, string> { ["--job-bookmark-option"] = "job-bookmark-enable" });
        integration.Resource.Should().Be("arn:aws:states:::glue:startJobRun.sync");
        integration.Parameters!.Value.GetProperty("Arguments").GetProperty("--job-bookmark-option").GetString().Should().Be("job-bookmark-enable");
        Glue.StartJobRun("job", pattern: IntegrationPattern.RequestResponse).Resource.Should().Be("arn:aws:states:::glue:startJobRun");
    }

    internal static IEnumerable<State> AllStates(StateGraph graph)
    {
        foreach (var state in graph.States)
        {
            yield return state;
            IEnumerable<StateGraph> nested = state switch
            {
                ParallelState p => p.Branches,
                MapState { Processor: { } processor } => [processor],
                _ => [],
            };
            foreach (var inner in nested.SelectMany(AllStates))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<ChoiceRule> Flatten(ChoiceRule rule)
    {
        yield return rule;
        foreach (var child in (rule.And ?? []).Concat(rule.Or ?? []).Concat(rule.Not is null ? [] : [rule.Not]))
        {
            foreach (var inner in Flatten(child))
            {
                yield return inner;
            }
        }
    }

    [Fact]
    public void Json_from_keeps_elements_and_serializes_objects()
    {
        var element = Json.Parse("""{"a.$":"$.b"}""");
        Json.From(element).GetRawText().Should().Be(element.GetRawText());
        Json.From(new { x = 1 }).GetProperty("x").GetInt32().Should().Be(1);
        Json.From("text").ValueKind.Should().Be(JsonValueKind.String);
    }
}
