using Airline.Pipeline.Audit.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airline.Pipeline.Audit;

/// <summary>
/// Decides a run once and notifies once. <see cref="ReconcileAsync"/> reads the run's records, judges them against
/// the plan at the <see cref="TimeProvider"/>'s now, and, when the run is decided (Succeeded or Failed), claims the
/// decision with <see cref="IAuditStore.TryRecordDecisionAsync"/>; only the caller that wins the claim publishes.
/// Calling it again, concurrently or after a crash, never sends a second notice.
/// </summary>
/// <remarks>
/// Delivery is at most once: if the winner crashes or the publisher fails after the claim, the decision stays
/// recorded with <see cref="AuditDecision.NotifiedAt"/> null and no later call publishes it (the error is logged
/// and rethrown to the winner).
/// A layer beyond its fail level fails the run at once, as the seed's trigger does; a later retry of that layer with
/// a higher attempt is stored but does not change the recorded decision. A missing layer fails the run only when a
/// call happens at or after <see cref="AuditReport.Deadline"/>: nothing writes to the table when a layer never
/// arrives, so schedule one call at the deadline (a Step Functions Wait state, an EventBridge Scheduler one-time
/// schedule, or the workflow's last step).
/// </remarks>
public sealed class AuditReconciler
{
    private readonly IAuditStore _store;
    private readonly INotificationPublisher _publisher;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>A reconciler for <paramref name="plan"/>.</summary>
    public AuditReconciler(
        AuditPlan plan, IAuditStore store, INotificationPublisher publisher, NotificationTopics topics,
        TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Plan = plan;
        Topics = topics;
        _store = store;
        _publisher = publisher;
        _timeProvider = timeProvider;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AuditReconciler>();
    }

    /// <summary>The plan runs are judged against.</summary>
    public AuditPlan Plan { get; }

    /// <summary>Where notifications go.</summary>
    public NotificationTopics Topics { get; }

    /// <summary>Judges <paramref name="runId"/> now; decides, records and publishes when this call wins.</summary>
    public async ValueTask<ReconcileResult> ReconcileAsync(RunId runId, CancellationToken cancellationToken = default)
    {
        if (runId.IsEmpty)
        {
            throw new ArgumentException("the run id is empty; pass a parsed or generated RunId.", nameof(runId));
        }

        var existing = await _store.GetDecisionAsync(runId, cancellationToken).ConfigureAwait(false);
        var records = await _store.GetRecordsAsync(runId, cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        var report = Plan.Evaluate(runId, records, now);
        if (existing is not null)
        {
            Log.AlreadyDecided(_logger, runId, existing.Status);
            return new ReconcileResult(report, existing, decidedNow: false, null, null);
        }

        if (report.Status == AuditStatus.Pending)
        {
            Log.Pending(_logger, runId, report.Summary);
            return new ReconcileResult(report, null, decidedNow: false, null, null);
        }

        return await DecideAsync(report, AuditNotification.FromReport(report, now), now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Fails the run because a job failed (the airline seed's failure notice: <c>error</c>, <c>failed_query</c>), with
    /// the same once-only claim as <see cref="ReconcileAsync"/>: if the run is already decided nothing is sent, and a
    /// retried or concurrent call publishes nothing more. The notification carries the layer breakdown so far.
    /// </summary>
    public async ValueTask<ReconcileResult> ReportFailureAsync(
        RunId runId, string error, string? failedQuery = null, string? processedFile = null,
        CancellationToken cancellationToken = default)
    {
        if (runId.IsEmpty)
        {
            throw new ArgumentException("the run id is empty; pass a parsed or generated RunId.", nameof(runId));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        var existing = await _store.GetDecisionAsync(runId, cancellationToken).ConfigureAwait(false);
        var records = await _store.GetRecordsAsync(runId, cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        var report = Plan.Evaluate(runId, records, now);
        if (existing is not null)
        {
            Log.AlreadyDecided(_logger, runId, existing.Status);
            return new ReconcileResult(report, existing, decidedNow: false, null, null);
        }

        var failure = AuditNotification.Failed(runId, now, error, failedQuery, processedFile, Plan.Name);
        var notification = failure with
        {
            ProcessedFile = processedFile ?? report.Reference.Record?.Source,
            InputRows = report.Reference.Count,
            OutputRows = report.Layers[^1].Count,
            ReferenceLayer = Plan.ReferenceLayer,
            Layers = AuditNotification.LayersOf(report),
        };
        return await DecideAsync(report, notification, now, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ReconcileResult> DecideAsync(
        AuditReport report, AuditNotification notification, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runId = report.RunId;
        var decision = new AuditDecision(runId, notification.Status, now, notification.Error ?? report.Summary);
        if (!await _store.TryRecordDecisionAsync(decision, cancellationToken).ConfigureAwait(false))
        {
            var winner = await _store.GetDecisionAsync(runId, cancellationToken).ConfigureAwait(false);
            Log.AlreadyDecided(_logger, runId, winner?.Status ?? decision.Status);
            return new ReconcileResult(report, winner, decidedNow: false, null, null);
        }

        Log.Decided(_logger, runId, decision.Status, decision.Summary);
        var topic = Topics.For(decision.Status);
        string messageId;
        try
        {
            // The claim is won: from here on no other caller publishes, so cancellation must not stop the notice.
            messageId = await _publisher.PublishAsync(topic, notification, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log.PublishFailed(_logger, e, runId, decision.Status, topic);
            throw;
        }

        Log.Published(_logger, runId, messageId, topic);
        var notifiedAt = _timeProvider.GetUtcNow();
        await _store.MarkNotifiedAsync(runId, messageId, notifiedAt, CancellationToken.None).ConfigureAwait(false);
        return new ReconcileResult(
            report, decision with { NotifiedAt = notifiedAt, NotificationId = messageId }, decidedNow: true, notification, messageId);
    }
}
