namespace Airline.Pipeline.Cli;

/// <summary>
/// What the tool knows about the process it runs in: whether standard output is a terminal (progress bars only
/// then), raw standard streams for binary data (<c>--flights -</c>, <c>--out -</c>) and the clock. Tests use the
/// defaults: not a terminal, text streams only, the system clock.
/// </summary>
public sealed record CliEnvironment
{
    /// <summary>Not a terminal, no raw streams, the system clock.</summary>
    public static CliEnvironment Default { get; } = new();

    /// <summary>True when standard output is an interactive terminal: <c>enrich</c> then draws a progress bar.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Opens standard input as bytes; null reads the text reader passed to <see cref="CliApp.RunAsync"/>.</summary>
    public Func<Stream>? OpenStandardInput { get; init; }

    /// <summary>Opens standard output as bytes; null writes through the text writer passed to <see cref="CliApp.RunAsync"/>.</summary>
    public Func<Stream>? OpenStandardOutput { get; init; }

    /// <summary>The clock used to measure throughput (MB/s).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The real console: terminal detection through <see cref="Console.IsOutputRedirected"/> and the raw streams.</summary>
    public static CliEnvironment FromConsole() => new()
    {
        OutputIsTerminal = !Console.IsOutputRedirected,
        OpenStandardInput = Console.OpenStandardInput,
        OpenStandardOutput = Console.OpenStandardOutput,
    };
}
