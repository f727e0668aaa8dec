using Microsoft.Extensions.Logging;

namespace Airline.Pipeline.Aws.Internal;

/// <summary>Log messages of the AWS adapters. Never pass credentials or signatures to these.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "{Service} {Operation} attempt {Attempt} of {MaxAttempts} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string service, string operation, int attempt, int maxAttempts, string reason, long delayMs);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "{Service} {Operation} answered HTTP {Status}")]
    public static partial void Answered(ILogger logger, string service, string operation, int status);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Glue workflow: {Step} ({Detail})")]
    public static partial void WorkflowStep(ILogger logger, string step, string detail);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Moved s3://{Bucket}/{Source} to {Destination} ({Outcome})")]
    public static partial void Routed(ILogger logger, string bucket, string source, string destination, string outcome);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Skipped s3://{Bucket}/{Key} (ETag {ETag}): already processed at {ProcessedAt}")]
    public static partial void AlreadyProcessed(ILogger logger, string bucket, string key, string eTag, DateTimeOffset processedAt);
}
