namespace Airline.Pipeline.Audit.Tests;

/// <summary>A reconciler wired to in-memory twins and a manual clock.</summary>
internal sealed class AuditHarness
{
    public const string SuccessTopic = "orders-success";
    public const string FailureTopic = "orders-failure";

    public AuditHarness(AuditPlan? plan = null, IAuditStore? store = null)
    {
        Plan = plan ?? AuditPlan.Seed("orders", TimeSpan.FromHours(1));
        Store = store ?? new InMemoryAuditStore();
        Reconciler = new AuditReconciler(Plan, Store, Publisher, new NotificationTopics(SuccessTopic, FailureTopic), Clock);
        Recorder = new AuditRecorder(Store, Clock);
        Streams = new AuditStreamHandler(Reconciler);
    }

    public ManualTimeProvider Clock { get; } = new();

    public AuditPlan Plan { get; }

    public IAuditStore Store { get; }

    public InMemoryNotificationPublisher Publisher { get; } = new();

    public AuditReconciler Reconciler { get; }

    public AuditRecorder Recorder { get; }

    public AuditStreamHandler Streams { get; }

    public RunId NewRun() => RunId.NewRunId(Clock);

    /// <summary>Stores a record of 7 for every seed layer of <paramref name="run"/> and returns their stream INSERT events.</summary>
    public async Task<List<System.Text.Json.Nodes.JsonObject>> StoreSeedLayersAsync(RunId run)
    {
        var events = new List<System.Text.Json.Nodes.JsonObject>();
        foreach (var layer in AuditLayers.SeedLayers)
        {
            var record = new AuditRecord(run, layer, 7, Clock.GetUtcNow());
            await Store.TryPutRecordAsync(record);
            events.Add(StreamEvents.Insert(record));
        }

        return events;
    }

    public async Task<ReconcileResult> RecordAndReconcile(RunId run, string layer, long count, int attempt = 1)
    {
        await Recorder.RecordAsync(run, layer, count, source: $"{layer}-job", attempt: attempt);
        return await Reconciler.ReconcileAsync(run);
    }
}
