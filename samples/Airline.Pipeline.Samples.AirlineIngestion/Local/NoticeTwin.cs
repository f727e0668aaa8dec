using System.Text.Json.Nodes;
using Airline.Pipeline.Audit;
using Airline.Pipeline.StateMachines.Local;

namespace Airline.Pipeline.Samples.AirlineIngestion.Local;

/// <summary>
/// The SNS publish tasks' stand-in: the success task reconciles the run's audit layers (the reconciler decides once
/// and publishes once, SUCCEEDED or FAILED); the failure task, reached through the Catch, reports the failure with
/// the seeds' <c>error</c> and <c>failed_query</c>. Both publish through Audit's publisher (files under
/// <c>notifications/</c> here, SNS on AWS).
/// </summary>
internal sealed class NoticeTwin(AuditReconciler reconciler, RunId runId, string processedFile, Func<string?> failure, Func<string?> failedQuery)
{
    /// <summary>The reconciler's answer, once a notice task ran.</summary>
    public ReconcileResult? Result { get; private set; }

    public ITaskHandler NotifySuccess => TaskHandlers.From(async (_, cancellationToken) =>
    {
        Result = await reconciler.ReconcileAsync(runId, cancellationToken);
        return new JsonObject { ["MessageId"] = Result.MessageId };
    });

    public ITaskHandler NotifyFailure => TaskHandlers.From(async (invocation, cancellationToken) =>
    {
        // The job and crawler twins know the failure in words; the task's own input (the States.Format message) is the fallback.
        var error = failure() ?? invocation.Input?["Message"]?.GetValue<string>() ?? "the pipeline failed";
        Result = await reconciler.ReportFailureAsync(runId, error, failedQuery(), processedFile, cancellationToken);
        return new JsonObject { ["MessageId"] = Result.MessageId };
    });
}
