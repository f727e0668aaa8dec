using System.Text.Json;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Redshift.Tests.Support;

/// <summary>PostgreSQL 15's own parser (libpg-query) over many SQL texts in one node call.</summary>
public static class PgParser
{
    public sealed record Result(bool Ok, int Statements, string? Error);

    public static async Task<IReadOnlyList<Result>> ParseAsync(IReadOnlyList<string> texts)
    {
        var run = await NodeTool.RunAsync(NodeTool.PgParse, [], JsonSerializer.Serialize(texts));
        run.ExitCode.Should().Be(0, run.ToString());
        using var document = JsonDocument.Parse(run.StandardOutput);
        return document.RootElement.EnumerateArray().Select(e => new Result(
            e.GetProperty("ok").GetBoolean(),
            e.TryGetProperty("statements", out var n) ? n.GetInt32() : 0,
            e.TryGetProperty("error", out var error) ? error.GetString() : null)).ToList();
    }
}
