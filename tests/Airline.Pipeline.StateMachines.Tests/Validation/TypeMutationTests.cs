using Airline.Pipeline.StateMachines.Serialization;
using Airline.Pipeline.StateMachines.Tests.Serialization;
using Airline.Pipeline.StateMachines.Validation;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.StateMachines.Tests.Validation;

/// <summary>
/// Corpus definitions with values swapped for values of other JSON types (still valid JSON): the reader, the
/// validator, the writer and the Mermaid export must not throw, must report problems with a code and a message, and every pointer must lead to a place
/// that exists in the mutated document.
/// </summary>
public sealed class TypeMutationTests
{
    public static TheoryData<string> Files() => RoundTripTests.AllFiles();

    [Theory]
    [MemberData(nameof(Files))]
    public void Swapped_value_types_give_located_problems_and_no_exception(string file)
    {
        var path = Path.Combine(Path.GetDirectoryName(Corpus.AslValidatorFolder)!, file);
        foreach (var json in JsonMutations.Mutate(File.ReadAllText(path), JsonMutations.SeedOf(file), count: 50))
        {
            var read = AslReader.Read(json);
            var result = AslValidator.Validate(json);
            _ = read.Machine?.ToJson();
            if (read.Machine is { } machine)
            {
                Airline.Pipeline.StateMachines.Diagrams.MermaidRenderer.Render(machine).Should().StartWith("flowchart");
                AslValidator.Validate(machine).Problems.Where(p => !p.Code.StartsWith("ASL", StringComparison.Ordinal)).Should().BeEmpty();
            }

            foreach (var problem in read.Problems.Concat(result.Problems))
            {
                problem.Code.Should().StartWith("ASL");
                problem.Message.Should().NotBeNullOrWhiteSpace();
                JsonMutations.PointerResolves(json, problem.Pointer).Should().BeTrue($"{problem} must point into {json}");
            }
        }
    }
}
