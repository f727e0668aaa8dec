using Airline.Pipeline.StateMachines.Local.Tests.Differential;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.StateMachines.Local.Tests;

/// <summary>
/// The differential corpus's definitions with values swapped for values of other JSON types (still valid JSON): the
/// runner either compiles a definition or refuses it with <see cref="StateMachineDefinitionException"/>, each problem
/// pointing into the definition (or, for a missing field, at the place it belongs in an existing object); a definition
/// it compiles runs to an end without throwing.
/// </summary>
public sealed class TypeMutationTests
{
    public static TheoryData<string> CaseNames => [.. CorpusCase.Load().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Swapped_value_types_are_refused_with_pointers_or_run(string name)
    {
        var corpusCase = CorpusCase.Load().Single(c => c.Name == name);
        foreach (var json in JsonMutations.Mutate(corpusCase.Definition.ToJsonString(), JsonMutations.SeedOf(name), count: 20))
        {
            StateMachineRunner runner;
            try
            {
                runner = StateMachineRunner.FromJson(json, new() { Handlers = corpusCase.Handlers() });
            }
            catch (StateMachineDefinitionException refused)
            {
                refused.Problems.Should().NotBeEmpty();
                foreach (var problem in refused.Problems)
                {
                    problem.Message.Should().NotBeNullOrWhiteSpace();
                    // "/" names the whole definition; a missing field is named where it belongs (/States/A/Resource).
                    var pointer = problem.Pointer == "/" ? string.Empty : problem.Pointer;
                    JsonMutations.PointerResolves(json, pointer, orMissingMember: true).Should().BeTrue($"{problem} must point into {json}");
                }

                continue;
            }

            var result = await runner.RunAsync(corpusCase.Inputs.FirstOrDefault()?.ToJsonString() ?? "{}");
            result.Status.Should().BeOneOf(ExecutionStatus.Succeeded, ExecutionStatus.Failed, ExecutionStatus.TimedOut);
        }
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Mutated_inputs_end_the_execution_without_an_exception(string name)
    {
        var corpusCase = CorpusCase.Load().Single(c => c.Name == name);
        var input = corpusCase.Inputs.FirstOrDefault()?.ToJsonString() ?? "{}";
        foreach (var mutated in JsonMutations.Mutate(input, JsonMutations.SeedOf(name + "/input"), count: 10))
        {
            var runner = StateMachineRunner.FromJson(corpusCase.Definition.ToJsonString(), new() { Handlers = corpusCase.Handlers() });

            var result = await runner.RunAsync(mutated);

            // (A failed execution need not name an error: a Fail state's Error is optional, and ErrorPath may give "".)
            result.Status.Should().BeOneOf(ExecutionStatus.Succeeded, ExecutionStatus.Failed, ExecutionStatus.TimedOut);
            result.History.Should().NotBeEmpty();
        }
    }

    [Theory]
    [InlineData("""{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[1,{"Variable":"$.a","IsPresent":true,"Next":"Nowhere"}],"Default":"E"},"E":{"Type":"Succeed"}}}""", "/States/C/Choices/1/Next")]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":["x",{"ErrorEquals":["States.ALL"],"Next":"Nowhere"}],"End":true}}}""", "/States/T/Catch/1/Next")]
    public void A_target_after_a_skipped_item_is_reported_at_its_own_place(string json, string pointer)
    {
        var act = () => StateMachineRunner.FromJson(json);

        var problems = act.Should().Throw<StateMachineDefinitionException>().Which.Problems;
        problems.Should().Contain(p => p.Pointer == pointer && p.Message.Contains("'Nowhere'"));
    }

    [Fact]
    public void A_missing_next_is_reported_once()
    {
        var act = () => StateMachineRunner.FromJson("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ErrorEquals":["States.ALL"]}],"End":true}}}""");

        act.Should().Throw<StateMachineDefinitionException>().Which.Problems.Should().ContainSingle(p => p.Pointer == "/States/T/Catch/0/Next");
    }
}
