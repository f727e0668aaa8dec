namespace Airline.Pipeline.Audit;

/// <summary>
/// The one decision recorded for a run (the store's result item): written once with a conditional write by
/// <see cref="IAuditStore.TryRecordDecisionAsync"/>, never overwritten; only <see cref="NotifiedAt"/> and
/// <see cref="NotificationId"/> are filled in later by <see cref="IAuditStore.MarkNotifiedAsync"/>.
/// </summary>
public sealed record AuditDecision
{
    /// <summary>A decision for <paramref name="runId"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="status"/> is <see cref="AuditStatus.Pending"/> (not a decision) or the run id is empty.</exception>
    public AuditDecision(RunId runId, AuditStatus status, DateTimeOffset decidedAt, string summary)
    {
        if (runId.IsEmpty)
        {
            throw new ArgumentException("the run id is empty; pass a parsed or generated RunId.", nameof(runId));
        }

        if (status is not (AuditStatus.Succeeded or AuditStatus.Failed))
        {
            throw new ArgumentException($"status {status} is not a decision; use Succeeded or Failed.", nameof(status));
        }

        ArgumentNullException.ThrowIfNull(summary);
        RunId = runId;
        Status = status;
        DecidedAt = decidedAt;
        Summary = summary;
    }

    /// <summary>The run.</summary>
    public RunId RunId { get; }

    /// <summary><see cref="AuditStatus.Succeeded"/> or <see cref="AuditStatus.Failed"/>.</summary>
    public AuditStatus Status { get; }

    /// <summary>When the decision was made.</summary>
    public DateTimeOffset DecidedAt { get; }

    /// <summary>One line: why (e.g. the failing layer and both counts).</summary>
    public string Summary { get; }

    /// <summary>When the winner's notification was published; null until then (or forever, if it crashed before).</summary>
    public DateTimeOffset? NotifiedAt { get; init; }

    /// <summary>The publisher's message id (SNS MessageId) of the notification; null until published.</summary>
    public string? NotificationId { get; init; }
}
