using System.Text.Json.Nodes;

namespace Airline.Pipeline.StateMachines.Local.Tests.Differential;

/// <summary>One differential case: a definition, its inputs and the scripted task results.</summary>
internal sealed record CorpusCase(string Name, JsonObject Definition, JsonArray Inputs, JsonObject? Tasks)
{
    public static IReadOnlyList<CorpusCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Differential", "corpus.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return [.. root["cases"]!.AsArray().Select(c => new CorpusCase(
            c!["name"]!.GetValue<string>(),
            c["definition"]!.AsObject(),
            c["inputs"]!.AsArray(),
            c["tasks"]?.AsObject()))];
    }

    public TaskHandlerRegistry Handlers()
    {
        var registry = new TaskHandlerRegistry();
        foreach (var (state, steps) in Tasks ?? [])
        {
            registry.ForState(state, new ScriptedHandler([.. steps!.AsArray().Select(s => s!.AsObject())]));
        }

        return registry;
    }

    /// <summary>The same step language as local-sfn-driver.cjs: result, error, echo, merge.</summary>
    private sealed class ScriptedHandler(JsonObject[] steps) : ITaskHandler
    {
        public ValueTask<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
        {
            var step = steps[Math.Min(invocation.CallNumber, steps.Length) - 1];
            if (step["error"] is { } error)
            {
                throw new TaskFailedException(error.GetValue<string>(), step["cause"]?.GetValue<string>() ?? string.Empty);
            }

            if (step["echo"] is not null)
            {
                return ValueTask.FromResult(invocation.Input);
            }

            if (step["merge"] is JsonObject merge)
            {
                var result = invocation.Input!.AsObject();
                foreach (var (key, value) in merge)
                {
                    result[key] = value?.DeepClone();
                }

                return ValueTask.FromResult<JsonNode?>(result);
            }

            return ValueTask.FromResult(step["result"]?.DeepClone());
        }
    }
}
