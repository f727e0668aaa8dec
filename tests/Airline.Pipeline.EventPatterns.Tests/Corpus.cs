using System.Text.Json;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.EventPatterns.Tests;

/// <summary>One line of a shared/data/eventbridge JSONL corpus.</summary>
public sealed record CorpusCase(string Id, string Pattern, string Event, string Expected)
{
    public static IReadOnlyList<CorpusCase> Load(string file)
    {
        var path = RepositoryPaths.SharedDataPath("eventbridge", file);
        var cases = new List<CorpusCase>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var expected = root.TryGetProperty("expected", out var e)
                ? e.GetString()!
                : (root.GetProperty("expected_valid").GetBoolean() ? "valid" : "error");
            cases.Add(new CorpusCase(root.GetProperty("id").GetString()!, root.GetProperty("pattern").GetString()!, root.GetProperty("event").GetString()!, expected));
        }

        return cases;
    }

    public override string ToString() => Id;
}
