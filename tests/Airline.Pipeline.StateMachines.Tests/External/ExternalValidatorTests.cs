using Airline.Pipeline.StateMachines.Tests.Building;
using Airline.Pipeline.StateMachines.Validation;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.StateMachines.Tests.External;

/// <summary>
/// Every definition our tests build is checked by two independent tools: asl-validator 4.0.0 and @wmfs/statelint
/// 1.30.0. All files go to one node process per tool to keep the run fast.
/// </summary>
public sealed class ExternalValidatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("asl-built-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Asl_validator_accepts_every_built_definition()
    {
        var files = WriteAll(BuiltDefinitions.All);
        var arguments = files.SelectMany(f => new[] { "--json-path", f }).ToList();
        var result = await NodeTool.RunAsync(NodeTool.AslValidator, arguments);
        result.ExitCode.Should().Be(0, result.ToString());
        result.StandardOutput.Split('\n').Count(l => l.Contains("is valid", StringComparison.Ordinal)).Should().Be(files.Count, result.ToString());
    }

    [Fact]
    public async Task Statelint_accepts_every_built_jsonpath_definition()
    {
        // statelint 1.30.0 knows no JSONata, variables or distributed Map: those definitions (each names its
        // StateLintGap) are checked by asl-validator only.
        var files = WriteAll(BuiltDefinitions.All.Where(d => d.StateLintGap is null));
        files.Count.Should().BeGreaterThan(15);
        var result = await NodeTool.RunAsync(NodeTool.StateLint, files);
        result.ExitCode.Should().Be(0, result.ToString());
        result.StandardOutput.Should().NotContain("ERROR", result.ToString());
    }

    [Fact]
    public async Task Asl_validator_wrongly_rejects_a_float_in_States_Array()
    {
        // Documented disagreement: AWS and the ASL specification accept any number as an intrinsic argument;
        // asl-validator 4.0.0 rejects States.Array(2.3). We keep our output and our verdict; statelint agrees with us.
        var files = WriteAll([BuiltDefinitions.ArrayWithFloat]);
        AslValidator.Validate(File.ReadAllText(files[0])).IsValid.Should().BeTrue();
        var aslValidator = await NodeTool.RunAsync(NodeTool.AslValidator, ["--json-path", files[0]]);
        aslValidator.ExitCode.Should().NotBe(0, "asl-validator 4.0.0 rejects States.Array(2.3): " + aslValidator);
        var stateLint = await NodeTool.RunAsync(NodeTool.StateLint, files);
        stateLint.ExitCode.Should().Be(0, stateLint.ToString());
    }

    private List<string> WriteAll(IEnumerable<BuiltDefinition> definitions)
    {
        var files = new List<string>();
        foreach (var definition in definitions)
        {
            var path = Path.Combine(_folder, definition.Name + ".asl.json");
            File.WriteAllText(path, definition.Build().ToJson(indented: true));
            files.Add(path);
        }

        return files;
    }
}
