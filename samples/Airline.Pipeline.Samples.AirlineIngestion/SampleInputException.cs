namespace Airline.Pipeline.Samples.AirlineIngestion;

/// <summary>The user's input cannot be used (a missing file, an output folder that is not the sample's): exit code 2.</summary>
internal sealed class SampleInputException : Exception
{
    public SampleInputException(string message)
        : base(message)
    {
    }

    public SampleInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SampleInputException()
    {
    }
}
