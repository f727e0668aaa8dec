using System.Text.Json;
using Airline.Pipeline.Audit.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Airline.Pipeline.Audit;

/// <summary>
/// The stream entry point, as the seeds' AuditTableScannerFn: given the Lambda event of a DynamoDB Streams trigger
/// on the audit table (<c>NEW_AND_OLD_IMAGES</c>), reconciles every run whose layer items were inserted or modified.
/// REMOVE events, TTL deletions (<c>userIdentity.principalId</c> = <c>dynamodb.amazonaws.com</c>) and changes to the
/// decision item are ignored. A batch delivered twice publishes nothing the second time: the decision is claimed once.
/// </summary>
public sealed class AuditStreamHandler
{
    private readonly AuditReconciler _reconciler;
    private readonly ILogger _logger;

    /// <summary>A handler reconciling with <paramref name="reconciler"/>.</summary>
    public AuditStreamHandler(AuditReconciler reconciler, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(reconciler);
        _reconciler = reconciler;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<AuditStreamHandler>();
    }

    /// <summary>Handles the Lambda event JSON.</summary>
    /// <exception cref="FormatException">The text is not JSON or has no <c>Records</c> array.</exception>
    public async ValueTask<StreamBatchResult> HandleAsync(string lambdaEventJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lambdaEventJson);
        IReadOnlyList<StreamRecordAction> actions;
        try
        {
            using var document = JsonDocument.Parse(lambdaEventJson);
            actions = StreamEventParser.Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the DynamoDB Streams event is not valid JSON: {e.Message}", e);
        }

        return await HandleAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles the Lambda event read from a UTF-8 stream.</summary>
    /// <exception cref="FormatException">The content is not JSON or has no <c>Records</c> array.</exception>
    public async ValueTask<StreamBatchResult> HandleAsync(Stream utf8LambdaEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8LambdaEvent);
        IReadOnlyList<StreamRecordAction> actions;
        try
        {
            using var document = await JsonDocument.ParseAsync(utf8LambdaEvent, cancellationToken: cancellationToken).ConfigureAwait(false);
            actions = StreamEventParser.Parse(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the DynamoDB Streams event is not valid JSON: {e.Message}", e);
        }

        return await HandleAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<StreamBatchResult> HandleAsync(IReadOnlyList<StreamRecordAction> actions, CancellationToken cancellationToken)
    {
        var runs = new List<RunId>();
        foreach (var action in actions)
        {
            if (action.IgnoredBecause is not null)
            {
                Log.StreamRecordIgnored(_logger, action.EventId, action.EventName, action.IgnoredBecause);
            }
            else if (!runs.Contains(action.RunId!.Value))
            {
                runs.Add(action.RunId.Value);
            }
        }

        var results = new List<ReconcileResult>(runs.Count);
        var failed = new List<string>();
        foreach (var runId in runs)
        {
            try
            {
                results.Add(await _reconciler.ReconcileAsync(runId, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.StreamReconcileFailed(_logger, e, runId);
                failed.AddRange(actions.Where(a => a.IgnoredBecause is null && a.RunId == runId).Select(a => a.SequenceNumber));
            }
        }

        return new StreamBatchResult(actions, results, failed);
    }
}
