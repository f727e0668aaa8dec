using System.Globalization;
using System.Text;
using Airline.Pipeline.Audit;

namespace Airline.Pipeline.Samples.OrdersAudit;

/// <summary>
/// The orders seed's audit, on this machine: orders with product arrays land (counted exploded, as the seed's
/// <c>sum(cardinality(products))</c>), staging explodes them, Redshift staging and Redshift final load them (SQLite
/// here), each layer's count is recorded for the run, and the reconciler sends one notice: SUCCEEDED when every layer
/// holds the landing count, FAILED naming the layer that does not. <c>--drop-one</c> leaves a product out of the
/// products dimension, so the final load's join loses one row.
/// </summary>
internal static class OrdersApp
{
    public const string DefaultOutputDirectory = "sample-output/orders-audit";
    public const string SuccessTopic = "arn:aws:sns:us-east-1:123456789012:orders-success";
    public const string FailureTopic = "arn:aws:sns:us-east-1:123456789012:orders-failure";
    public const string DroppedProduct = "P-320";

    private const string Usage = """
        Orders audit sample: landing -> S3 staging -> Redshift staging -> Redshift final, reconciled per run_id.

        Usage: dotnet run --project samples/Airline.Pipeline.Samples.OrdersAudit -- [options]

        Options:
          --out <folder>  Output folder: landing/, staging/, warehouse.db, notifications/ (default: ./sample-output/orders-audit).
          --drop-one      Leave product P-320 out of products_dim: the final load's join loses one row and the run ends in
                          one FAILED notice naming redshift_final.
          -h, --help      Show this help.

        Exit code: 0 when the audit SUCCEEDED, 1 when it FAILED (the reason on stderr), 2 for a bad option.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var time = timeProvider ?? TimeProvider.System;
        var output = DefaultOutputDirectory;
        var dropOne = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help" or "-?":
                    await stdout.WriteLineAsync(Usage);
                    return 0;
                case "--drop-one":
                    dropOne = true;
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                default:
                    await stderr.WriteLineAsync($"orders-sample: error: unknown option '{args[i]}'{(args[i] == "--out" ? " without a folder" : "")}; run with --help.");
                    return 2;
            }
        }

        var root = Path.GetFullPath(output);
        Directory.CreateDirectory(root);
        // The marker lets the airline sample, whose default folder holds this one, empty it safely.
        File.WriteAllText(Path.Combine(root, ".airline-pipeline-sample"), "Written by Airline.Pipeline.Samples.OrdersAudit.\n");
        var runId = new RunIdGenerator(time).Next();
        var store = new InMemoryAuditStore();
        var recorder = new AuditRecorder(store, time);
        var publisher = new FileNotificationPublisher(Path.Combine(root, "notifications"), TextWriter.Null);
        // The seeds' plan: s3_landing, s3_staging, redshift_staging, redshift_final; landing is the reference; all equal.
        var plan = AuditPlan.CreateBuilder("orders").CompletionTimeout(TimeSpan.FromHours(2)).Build();
        var reconciler = new AuditReconciler(plan, store, publisher, new NotificationTopics(SuccessTopic, FailureTopic), time);
        await stdout.WriteLineAsync($"Orders audit sample, run {runId} (output: {root})");

        // Layer 1: the orders land as JSON Lines; the audit counts products, not orders (sum(cardinality(products))).
        var landing = OrdersData.LandingJsonLines(runId.Value, time.GetUtcNow());
        // The local folders stand in for the seed's buckets fo-to-dw-orders-landing-area and fo-to-dw-orders-staging-area.
        var landingPath = Path.Combine(root, "landing", "orders", $"run-{runId}.jsonl");
        Write(landingPath, landing);
        var exploded = AuditCounts.Exploded(Encoding.UTF8.GetBytes(landing), "products");
        await recorder.RecordAsync(runId, AuditLayers.S3Landing, exploded.Elements, $"s3://fo-to-dw-orders-landing-area/orders/run-{runId}.jsonl");
        await stdout.WriteLineAsync(Invariant($"  {AuditLayers.S3Landing,-17} {exploded.Elements,3} ({exploded.Rows} orders, {exploded.Elements} products)  {Relative(root, landingPath)}"));

        // Layer 2: staging explodes the arrays: one row per product.
        var items = OrdersData.Explode(landing);
        var stagingPath = Path.Combine(root, "staging", "order_items", $"run-{runId}.csv");
        Write(stagingPath, OrdersData.ToCsv(items, runId.Value));
        await recorder.RecordAsync(runId, AuditLayers.S3Staging, items.Count, $"s3://fo-to-dw-orders-staging-area/orders/run-{runId}.csv");
        await stdout.WriteLineAsync(Invariant($"  {AuditLayers.S3Staging,-17} {items.Count,3}  {Relative(root, stagingPath)}"));

        // Layers 3 and 4: the warehouse (SQLite here, Redshift on AWS).
        var warehousePath = Path.Combine(root, "warehouse.db");
        await using (var warehouse = await OrdersWarehouse.OpenAsync(warehousePath))
        {
            await warehouse.LoadProductsAsync(dropOne ? DroppedProduct : null);
            await warehouse.LoadStagingAsync(runId.Value, items, runId.Value[^12..].ToLowerInvariant());
            var staged = await warehouse.CountAsync(OrdersWarehouse.OrdersStaging, runId.Value);
            await recorder.RecordAsync(runId, AuditLayers.RedshiftStaging, staged, "warehouse.db: orders_staging");
            await stdout.WriteLineAsync(Invariant($"  {AuditLayers.RedshiftStaging,-17} {staged,3}  warehouse.db orders_staging"));

            await warehouse.LoadFinalAsync(runId.Value);
            var final = await warehouse.CountAsync(OrdersWarehouse.OrderItems, runId.Value);
            await recorder.RecordAsync(runId, AuditLayers.RedshiftFinal, final, "warehouse.db: order_items");
            await stdout.WriteLineAsync(Invariant($"  {AuditLayers.RedshiftFinal,-17} {final,3}  warehouse.db order_items{(dropOne ? $" (--drop-one: {DroppedProduct} is not in products_dim)" : "")}"));
        }

        // The seed's stream trigger runs on every audit write; one reconcile at the end decides once and notifies once.
        var result = await reconciler.ReconcileAsync(runId);
        await reconciler.ReconcileAsync(runId); // a replayed trigger: nothing more is sent
        var notification = result.Notification!;
        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"notification to {reconciler.Topics.For(result.Status)} (notifications/{result.MessageId}): {notification.Subject}");
        await stdout.WriteLineAsync(notification.ToJson(indented: true));
        if (result.Status != AuditStatus.Succeeded)
        {
            await stderr.WriteLineAsync($"orders-sample: the audit FAILED: {result.Decision?.Summary}");
            return 1;
        }

        return 0;
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
