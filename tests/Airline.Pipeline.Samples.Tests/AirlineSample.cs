using Airline.Pipeline.Samples.AirlineIngestion;

namespace Airline.Pipeline.Samples.Tests;

/// <summary>Runs the airline sample in-process, as <c>dotnet run</c> would.</summary>
public static class AirlineSample
{
    public static async Task<SampleRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(args, stdout, stderr);
        return new SampleRun(exit, stdout.ToString(), stderr.ToString());
    }
}
