namespace Airline.Pipeline.Samples.AirlineIngestion;

/// <summary>Where the sample runs: on this machine with the twins, or against AWS.</summary>
internal enum SampleTarget
{
    /// <summary>Local folder bucket, in-process state machine, SQLite warehouse, notifications as files.</summary>
    Local,

    /// <summary>S3, Glue, SNS, DynamoDB and Redshift (through Npgsql), configured by settings.</summary>
    Aws,
}

/// <summary>The command line, parsed.</summary>
internal sealed record SampleOptions
{
    /// <summary>The output folder used when <c>--out</c> is not given (relative to the current directory).</summary>
    public const string DefaultOutputDirectory = "sample-output";

    /// <summary>The output folder: bucket, artifacts, warehouse, ledger.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>True when the user named the folder (it is reused, so a second run shows the ledger at work).</summary>
    public bool OutputDirectoryGiven { get; init; }

    /// <summary>Generate this many realistic rows instead of the seeds' 10-row file.</summary>
    public long? Rows { get; init; }

    /// <summary>The user's flights CSV instead of the seeds' file.</summary>
    public string? FlightsPath { get; init; }

    /// <summary>The user's airports CSV instead of the seeds' airports.</summary>
    public string? AirportsPath { get; init; }

    /// <summary>Append a delayed flight from airport 99999, which airports_dim lacks: the failure path.</summary>
    public bool InjectUnknownAirport { get; init; }

    /// <summary>Process the file even when the ledger says it was processed (shows the upsert is idempotent).</summary>
    public bool Reprocess { get; init; }

    /// <summary>Local twins or AWS.</summary>
    public SampleTarget Target { get; init; } = SampleTarget.Local;

    /// <summary>A JSON settings file for <c>--target aws</c> (environment variables override it).</summary>
    public string? SettingsPath { get; init; }
}
