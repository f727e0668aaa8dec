using System.Text.Json.Nodes;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.StateMachines.Local.Tests.Differential;

/// <summary>Runs the whole corpus through aws-local-stepfunctions 3.0.0 once, in one node process.</summary>
public sealed class LocalSfnFixture : IAsyncLifetime
{
    private readonly Dictionary<(string Name, int Index), JsonObject> _results = [];

    internal IReadOnlyList<CorpusCase> Cases { get; } = CorpusCase.Load();

    internal JsonObject ResultOf(string name, int index) =>
        _results.TryGetValue((name, index), out var result) ? result : throw new InvalidOperationException($"aws-local-stepfunctions printed no result for {name}[{index}].");

    public async Task InitializeAsync()
    {
        var driver = Path.Combine(AppContext.BaseDirectory, "Differential", "local-sfn-driver.cjs");
        var corpus = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Differential", "corpus.json"));
        _ = NodeTool.LocalStepFunctions; // throws with the fix when the tools are not installed
        var run = await NodeTool.RunAsync(driver, [], corpus);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"local-sfn-driver.cjs failed: {run}");
        }

        foreach (var line in run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var result = JsonNode.Parse(line)!.AsObject();
            _results[(result["name"]!.GetValue<string>(), result["index"]!.GetValue<int>())] = result;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
