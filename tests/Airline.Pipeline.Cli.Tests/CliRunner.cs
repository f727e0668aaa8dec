using Airline.Pipeline.Cli;

namespace Airline.Pipeline.Cli.Tests;

/// <summary>What one in-process run of the tool printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs the tool's entry point in-process, as a shell would, with text streams.</summary>
internal static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(CliEnvironment.Default, string.Empty, args);

    public static Task<CliResult> RunWithInputAsync(string stdin, params string[] args) => RunAsync(CliEnvironment.Default, stdin, args);

    public static async Task<CliResult> RunAsync(CliEnvironment environment, string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await new CliApp(environment).RunAsync(args, new StringReader(stdin), stdout, stderr);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A bad-input run: exit code 2, a message naming <paramref name="mentions"/>, and no stack trace.</summary>
    public static void ShouldBeBadInput(this CliResult result, params string[] mentions)
    {
        result.ExitCode.Should().Be(ExitCodes.BadInput, result.ToString());
        result.ShouldHaveNoStackTrace();
        foreach (var mention in mentions)
        {
            result.Error.Should().Contain(mention, result.ToString());
        }
    }

    public static void ShouldHaveNoStackTrace(this CliResult result)
    {
        result.Error.Should().NotContain("   at ", "errors are messages, not stack traces");
        result.Error.Should().NotContain("Exception:", "errors are messages, not stack traces");
        result.Out.Should().NotContain("   at ");
    }
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "airline-cli-" + Guid.NewGuid().ToString("N")[..12]);

    public string File(string name, string content)
    {
        var path = Combine(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
