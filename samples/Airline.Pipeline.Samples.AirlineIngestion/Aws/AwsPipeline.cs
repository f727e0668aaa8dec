namespace Airline.Pipeline.Samples.AirlineIngestion.Aws;

/// <summary>The same composition against AWS (placeholder while the local path is built).</summary>
internal static class AwsPipeline
{
    public static Task<int> RunAsync(SampleOptions options, TextWriter stdout, TextWriter stderr, TimeProvider time, CancellationToken cancellationToken)
    {
        throw new SampleInputException("--target aws is not wired yet.");
    }
}
