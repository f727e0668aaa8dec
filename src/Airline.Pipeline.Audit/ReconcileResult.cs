namespace Airline.Pipeline.Audit;

/// <summary>What one <see cref="AuditReconciler.ReconcileAsync"/> call found and did.</summary>
public sealed class ReconcileResult
{
    internal ReconcileResult(AuditReport report, AuditDecision? decision, bool decidedNow, AuditNotification? notification, string? messageId)
    {
        Report = report;
        Decision = decision;
        DecidedNow = decidedNow;
        Notification = notification;
        MessageId = messageId;
    }

    /// <summary>The run.</summary>
    public RunId RunId => Report.RunId;

    /// <summary>The recorded decision's status when there is one (it never changes), else the report's (Pending).</summary>
    public AuditStatus Status => Decision?.Status ?? Report.Status;

    /// <summary>The run judged now, with the per-layer breakdown (may differ from an earlier decision when layers arrived late).</summary>
    public AuditReport Report { get; }

    /// <summary>The run's recorded decision, whoever made it; null while pending.</summary>
    public AuditDecision? Decision { get; }

    /// <summary>True only for the one call that won the decision claim.</summary>
    public bool DecidedNow { get; }

    /// <summary>The notification this call published; null unless <see cref="DecidedNow"/>.</summary>
    public AuditNotification? Notification { get; }

    /// <summary>The publisher's message id for <see cref="Notification"/>.</summary>
    public string? MessageId { get; }
}
