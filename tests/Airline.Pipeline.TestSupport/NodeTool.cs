using System.Diagnostics;
using System.Text;

namespace Airline.Pipeline.TestSupport;

/// <summary>What an npm tool printed and how it exited.</summary>
public sealed record NodeToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both streams, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}

/// <summary>
/// Runs the npm test tools from tests/tools/node_modules with <c>node</c>, capturing their output.
/// The tools are pinned in tests/tools/package.json and its lock file.
/// </summary>
public static class NodeTool
{
    /// <summary>asl-validator 4.0.0: <c>--json-path FILE</c> (repeatable), <c>--json-definition JSON</c>.</summary>
    public static string AslValidator => ToolPath("node_modules", "asl-validator", "dist", "bin", "asl-validator.js");

    /// <summary>@wmfs/statelint: takes definition file paths.</summary>
    public static string StateLint => ToolPath("node_modules", "@wmfs", "statelint", "bin", "statelint.js");

    /// <summary>
    /// aws-local-stepfunctions 3.0.0 (<c>local-sfn</c>). It declares Node 22 for one function,
    /// Promise.withResolvers; <see cref="RunLocalStepFunctionsAsync"/> loads a polyfill for it on Node 20.
    /// Its inputs are best given on standard input: it parses every argument after the options as input.
    /// </summary>
    public static string LocalStepFunctions => ToolPath("node_modules", "aws-local-stepfunctions", "bin", "CLI.cjs");

    /// <summary>tests/tools/scripts/pg-parse.cjs: parses SQL with libpg-query (PostgreSQL 15's own parser).</summary>
    public static string PgParse => ToolPath("scripts", "pg-parse.cjs");

    private static string PromiseWithResolversPolyfill => ToolPath("polyfills", "promise-with-resolvers.cjs");

    /// <summary>Runs <c>node script args...</c>, feeding <paramref name="standardInput"/> when given.</summary>
    public static async Task<NodeToolResult> RunAsync(
        string script,
        IEnumerable<string> arguments,
        string? standardInput = null,
        IEnumerable<string>? nodeOptions = null,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(TestEnvironment.NodeExecutable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = TestEnvironment.ToolsDirectory,
        };
        foreach (var option in nodeOptions ?? [])
        {
            start.ArgumentList.Add(option);
        }

        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start node for {script}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
        }

        process.StandardInput.Close();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {timeout ?? TimeSpan.FromMinutes(2)}.");
        }

        return new NodeToolResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs aws-local-stepfunctions with the Node 20 polyfill; input goes to standard input.</summary>
    public static Task<NodeToolResult> RunLocalStepFunctionsAsync(
        IEnumerable<string> arguments, string input, CancellationToken cancellationToken = default) =>
        RunAsync(LocalStepFunctions, arguments, input, ["--require", PromiseWithResolversPolyfill], cancellationToken: cancellationToken);

    private static string ToolPath(params string[] parts)
    {
        var path = Path.Combine([TestEnvironment.ToolsDirectory, .. parts]);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Test tool '{path}' is missing: run `./build.sh test` (it runs npm ci in tests/tools).", path);
    }
}
