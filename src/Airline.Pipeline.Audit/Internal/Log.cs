using Microsoft.Extensions.Logging;

namespace Airline.Pipeline.Audit.Internal;

internal static partial class Log
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Debug, Message = "Run {RunId} is pending: {Summary}")]
    internal static partial void Pending(ILogger logger, RunId runId, string summary);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Run {RunId} decided {Status}: {Summary}")]
    internal static partial void Decided(ILogger logger, RunId runId, AuditStatus status, string summary);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Debug, Message = "Run {RunId} was already decided {Status}; not notifying again")]
    internal static partial void AlreadyDecided(ILogger logger, RunId runId, AuditStatus status);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Information, Message = "Run {RunId}: notification {MessageId} published to {Topic}")]
    internal static partial void Published(ILogger logger, RunId runId, string messageId, string topic);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Error, Message = "Run {RunId}: decided {Status} but publishing to {Topic} failed; the decision stays recorded without notified_at and is not retried automatically")]
    internal static partial void PublishFailed(ILogger logger, Exception exception, RunId runId, AuditStatus status, string topic);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Debug, Message = "Stream record {EventId} ({EventName}) ignored: {Reason}")]
    internal static partial void StreamRecordIgnored(ILogger logger, string eventId, string eventName, string reason);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Error, Message = "Reconciling run {RunId} from the stream failed")]
    internal static partial void StreamReconcileFailed(ILogger logger, Exception exception, RunId runId);
}
