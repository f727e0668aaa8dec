using System.Text;
using System.Text.Json;

namespace Airline.Pipeline.Audit.Tests;

/// <summary>
/// The orders seed with in-memory twins: Firehose lands 3 orders with 1, 2 and 4 products; staging explodes them;
/// each audit-load job writes its layer's count; the DynamoDB Streams trigger reconciles against landing.
/// </summary>
public sealed class OrdersSeedEndToEndTests
{
    private const string LandingJsonLines = """
        {"order_id":"bee482f1-833c-4395-9d85-0ca6b963d6e7","products":[{"PRODUCT_CODE":"P-1","QUANTITY":1}]}
        {"order_id":"5d2f3a61-1f0e-4f3b-9c1e-2b7d0d7f1a01","products":[{"PRODUCT_CODE":"P-2","QUANTITY":2},{"PRODUCT_CODE":"P-3","QUANTITY":1}]}
        {"order_id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","products":[{"PRODUCT_CODE":"P-1","QUANTITY":1},{"PRODUCT_CODE":"P-4","QUANTITY":3},{"PRODUCT_CODE":"P-5","QUANTITY":1},{"PRODUCT_CODE":"P-6","QUANTITY":2}]}
        """;

    [Fact]
    public async Task AllLayersSeven_OneSuccess()
    {
        var (h, run, published) = await RunOrders(finalCount: null);

        published.Should().ContainSingle();
        var message = published[0];
        message.Topic.Should().Be(AuditHarness.SuccessTopic);
        message.Notification.Status.Should().Be(AuditStatus.Succeeded);
        message.Notification.InputRows.Should().Be(7);
        message.Notification.OutputRows.Should().Be(7);
        message.Notification.Layers.Select(l => (l.Layer, l.Count)).Should().Equal(
            ("s3_landing", 7L), ("s3_staging", 7L), ("redshift_staging", 7L), ("redshift_final", 7L));
        message.Notification.ProcessedFile.Should().Be("s3://fo-to-dw-orders-landing-area/orders/2026/11/22/10/orders-firehose-1");

        using var json = JsonDocument.Parse(message.Notification.ToJson());
        json.RootElement.GetProperty("status").GetString().Should().Be("SUCCEEDED");
        json.RootElement.GetProperty("run_id").GetString().Should().Be(run.Value);
        json.RootElement.GetProperty("input_rows").GetInt64().Should().Be(7);
        json.RootElement.GetProperty("output_rows").GetInt64().Should().Be(7);
        (await h.Store.GetDecisionAsync(run))!.Status.Should().Be(AuditStatus.Succeeded);
    }

    [Fact]
    public async Task FinalSix_OneFailure_NamingTheLayerAndBothCounts()
    {
        var (_, run, published) = await RunOrders(finalCount: 6);

        published.Should().ContainSingle();
        var message = published[0];
        message.Topic.Should().Be(AuditHarness.FailureTopic);
        message.Notification.Status.Should().Be(AuditStatus.Failed);
        message.Notification.Error.Should().Be("layer 'redshift_final' has 6 records, expected 7 (reference 's3_landing' has 7)");
        message.Notification.Subject.Should().Contain("FAILED orders run " + run.Value).And.Contain("'redshift_final' has 6 records");
        message.Notification.Subject.Length.Should().BeLessThan(100);
        message.Notification.Layers[^1].Should().Be(new NotificationLayer("redshift_final", 6, 7, LayerStatus.Failed,
            "layer 'redshift_final' has 6 records, expected 7 (reference 's3_landing' has 7)"));
    }

    /// <summary>Each layer's job records its count; each write reaches the trigger (every batch twice, as Lambda may).</summary>
    private static async Task<(AuditHarness Harness, RunId Run, IReadOnlyList<PublishedNotification> Published)> RunOrders(long? finalCount)
    {
        var h = new AuditHarness();
        var run = RunId.NewRunId(h.Clock); // the Firehose transformation Lambda stamps the run id

        var landing = AuditCounts.Exploded(Encoding.UTF8.GetBytes(LandingJsonLines), "products");
        landing.Should().Be(new ExplodedCount(Rows: 3, Elements: 7));

        var staged = ExplodeProducts(LandingJsonLines);
        var counts = new (string Layer, long Count)[]
        {
            (AuditLayers.S3Landing, landing.Elements),
            (AuditLayers.S3Staging, staged.Count),
            (AuditLayers.RedshiftStaging, AuditCounts.StatementRows([-1, staged.Count])), // CREATE TEMP, then INSERT
            (AuditLayers.RedshiftFinal, finalCount ?? AuditCounts.StatementRows([0L, staged.Count])), // DELETE, INSERT
        };

        foreach (var (layer, count) in counts)
        {
            h.Clock.Advance(TimeSpan.FromMinutes(3));
            var record = new AuditRecord(run, layer, count, h.Clock.GetUtcNow())
            {
                Source = layer == AuditLayers.S3Landing
                    ? "s3://fo-to-dw-orders-landing-area/orders/2026/11/22/10/orders-firehose-1"
                    : $"glue:orders_{layer}_audit_load",
            };
            (await h.Store.TryPutRecordAsync(record)).Should().BeTrue();
            var batch = StreamEvents.Batch(StreamEvents.Insert(record));
            await h.Streams.HandleAsync(batch);
            await h.Streams.HandleAsync(batch);
        }

        return (h, run, h.Publisher.Published);
    }

    /// <summary>What orders_landing_to_staging does: one staging row per product.</summary>
    private static List<(string OrderId, string ProductCode)> ExplodeProducts(string jsonLines) =>
        jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .SelectMany(order => order.GetProperty("products").EnumerateArray()
                .Select(p => (order.GetProperty("order_id").GetString()!, p.GetProperty("PRODUCT_CODE").GetString()!)))
            .ToList();
}
