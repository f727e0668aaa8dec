using System.Text;
using Airline.Pipeline.Audit.Internal;

namespace Airline.Pipeline.Audit;

/// <summary>
/// A run's outcome message in the seeds' shapes: <c>status</c>, <c>processed_file</c>, <c>input_rows</c>,
/// <c>output_rows</c>, per-layer counts, <c>error</c>, <c>failed_query</c>, <c>run_id</c>, <c>time</c>.
/// <see cref="ToJson"/> is the message body, <see cref="Subject"/> the subject line, <see cref="ToText"/> a short
/// human-readable form. Immutable.
/// </summary>
public sealed record AuditNotification
{
    /// <summary>SNS subjects must be under 100 characters.</summary>
    public const int MaxSubjectLength = 99;

    /// <summary>SNS messages may be at most 256 KiB (262,144 bytes of UTF-8).</summary>
    public const int MaxBodyBytes = 262_144;

    /// <summary>Longest <see cref="Error"/> or <see cref="FailedQuery"/> kept by the factories; the rest is cut with "...".</summary>
    public const int MaxTextLength = 16_384;

    /// <summary><see cref="AuditStatus.Succeeded"/> or <see cref="AuditStatus.Failed"/> (JSON <c>"SUCCEEDED"</c>/<c>"FAILED"</c>).</summary>
    public required AuditStatus Status { get; init; }

    /// <summary>The run (JSON <c>run_id</c>).</summary>
    public required RunId RunId { get; init; }

    /// <summary>When the outcome was decided (JSON <c>time</c>, ISO 8601 UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The pipeline's name (JSON <c>pipeline</c>); optional.</summary>
    public string? Pipeline { get; init; }

    /// <summary>The input file or source (JSON <c>processed_file</c>); optional.</summary>
    public string? ProcessedFile { get; init; }

    /// <summary>Rows in (the reference layer; JSON <c>input_rows</c>); optional.</summary>
    public long? InputRows { get; init; }

    /// <summary>Rows out (the last layer; JSON <c>output_rows</c>); optional.</summary>
    public long? OutputRows { get; init; }

    /// <summary>The reference layer's name (JSON <c>reference_layer</c>); optional.</summary>
    public string? ReferenceLayer { get; init; }

    /// <summary>Per-layer counts and statuses in pipeline order (JSON <c>layers</c>); empty when not an audit outcome.</summary>
    public IReadOnlyList<NotificationLayer> Layers { get; init; } = [];

    /// <summary>Why the run failed (JSON <c>error</c>); null on success.</summary>
    public string? Error { get; init; }

    /// <summary>The statement that failed (JSON <c>failed_query</c>); optional.</summary>
    public string? FailedQuery { get; init; }

    /// <summary>Layers beyond their warn level on an otherwise successful run (JSON <c>warnings</c>).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The subject line: ASCII, no line breaks, at most <see cref="MaxSubjectLength"/> characters, e.g.
    /// <c>SUCCEEDED orders run 01J...: 7 in, 7 out</c> or <c>FAILED orders run 01J...: redshift_final has 6 records, expected 7</c>.
    /// </summary>
    public string Subject => NotificationText.Subject(this);

    /// <summary>A successful run (the airline seed's success message).</summary>
    public static AuditNotification Succeeded(
        RunId runId, DateTimeOffset time, long? inputRows = null, long? outputRows = null, string? processedFile = null,
        string? pipeline = null) =>
        new()
        {
            Status = AuditStatus.Succeeded,
            RunId = runId,
            Time = time,
            InputRows = inputRows,
            OutputRows = outputRows,
            ProcessedFile = processedFile,
            Pipeline = pipeline,
        };

    /// <summary>A failed run (the airline seed's failure message: <c>error</c>, <c>failed_query</c>); long texts are cut to <see cref="MaxTextLength"/>.</summary>
    public static AuditNotification Failed(
        RunId runId, DateTimeOffset time, string error, string? failedQuery = null, string? processedFile = null,
        string? pipeline = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new()
        {
            Status = AuditStatus.Failed,
            RunId = runId,
            Time = time,
            Error = NotificationText.Cut(error, MaxTextLength),
            FailedQuery = failedQuery is null ? null : NotificationText.Cut(failedQuery, MaxTextLength),
            ProcessedFile = processedFile,
            Pipeline = pipeline,
        };
    }

    /// <summary>The notification built from a reconciled report (used by <see cref="AuditReconciler"/>).</summary>
    /// <exception cref="ArgumentException">The report is still <see cref="AuditStatus.Pending"/>.</exception>
    public static AuditNotification FromReport(AuditReport report, DateTimeOffset time) =>
        NotificationText.FromReport(report, time);

    /// <summary>The per-layer lines of <paramref name="report"/> (messages only where a layer is not plainly passed).</summary>
    public static IReadOnlyList<NotificationLayer> LayersOf(AuditReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return NotificationText.LayersOf(report);
    }

    /// <summary>The JSON message body (snake_case names, null members left out).</summary>
    public string ToJson(bool indented = false) => NotificationJson.Write(this, indented);

    /// <summary>Parses a body written by <see cref="ToJson"/>; unknown members are ignored.</summary>
    /// <exception cref="FormatException">The JSON lacks <c>status</c>, <c>run_id</c> or <c>time</c>, or has a wrong type; the message names the member.</exception>
    public static AuditNotification FromJson(string json) => NotificationJson.Read(json);

    /// <summary>A short human-readable form: a headline, then one line per fact and per layer.</summary>
    public string ToText() => NotificationText.Text(this);

    /// <summary>Checks SNS's limits and the model's rules; returns every problem (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Status is not (AuditStatus.Succeeded or AuditStatus.Failed))
        {
            problems.Add($"status is {Status}; a notification reports Succeeded or Failed.");
        }

        if (RunId.IsEmpty)
        {
            problems.Add("run_id is empty; set RunId.");
        }

        var subject = Subject;
        if (subject.Length > MaxSubjectLength)
        {
            problems.Add($"subject has {subject.Length} characters; SNS allows fewer than 100.");
        }

        if (subject.Any(c => c < ' ' || c > '~'))
        {
            problems.Add("subject has a line break, control or non-ASCII character; SNS rejects it.");
        }

        var bytes = Encoding.UTF8.GetByteCount(ToJson());
        if (bytes > MaxBodyBytes)
        {
            problems.Add($"body has {bytes} bytes; SNS allows at most {MaxBodyBytes} (256 KiB): shorten error or failed_query.");
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds problems, listing all of them.</summary>
    /// <exception cref="InvalidOperationException">The notification breaks a limit.</exception>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"notification for run '{RunId}' is not publishable:{Environment.NewLine}- " +
                string.Join(Environment.NewLine + "- ", problems));
        }
    }
}
