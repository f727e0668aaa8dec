using System.Text;
using System.Text.Json;

namespace Airline.Pipeline.Audit;

/// <summary>The outcome of one DynamoDB Streams batch.</summary>
public sealed class StreamBatchResult
{
    internal StreamBatchResult(
        IReadOnlyList<StreamRecordAction> records, IReadOnlyList<ReconcileResult> reconciled, IReadOnlyList<string> failedSequenceNumbers)
    {
        Records = records;
        Reconciled = reconciled;
        FailedSequenceNumbers = failedSequenceNumbers;
    }

    /// <summary>Every stream record in batch order, with why it was ignored when it was.</summary>
    public IReadOnlyList<StreamRecordAction> Records { get; }

    /// <summary>One result per distinct run touched, in order of first appearance.</summary>
    public IReadOnlyList<ReconcileResult> Reconciled { get; }

    /// <summary>Sequence numbers of the records whose run could not be reconciled (the Lambda <c>batchItemFailures</c>).</summary>
    public IReadOnlyList<string> FailedSequenceNumbers { get; }

    /// <summary>How many notifications this batch published.</summary>
    public int Notified => Reconciled.Count(r => r.DecidedNow);

    /// <summary>
    /// The Lambda partial batch response, <c>{"batchItemFailures":[{"itemIdentifier":"&lt;SequenceNumber&gt;"}]}</c>
    /// (enable <c>ReportBatchItemFailures</c> on the event source mapping; Lambda retries from the lowest one).
    /// </summary>
    public string ToBatchResponseJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("batchItemFailures");
            foreach (var sequenceNumber in FailedSequenceNumbers)
            {
                writer.WriteStartObject();
                writer.WriteString("itemIdentifier", sequenceNumber);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
