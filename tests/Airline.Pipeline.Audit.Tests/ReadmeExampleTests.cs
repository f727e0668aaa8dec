using System.Text;
using System.Text.RegularExpressions;
using Airline.Pipeline.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Airline.Pipeline.Audit.Tests;

/// <summary>The README's orders example is this code; the JSON in the README is what it prints.</summary>
public sealed partial class ReadmeExampleTests
{
    private static string ReadmePath => Path.Combine(RepositoryPaths.Root, "docs", "readme", "Audit.md");

    [Fact]
    public async Task OrdersExample_PrintsTheJsonShownInTheReadme()
    {
        TimeProvider clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var landingJsonLines = Encoding.UTF8.GetBytes("""
            {"order_id":"o-1","products":[{"PRODUCT_CODE":"P-1"}]}
            {"order_id":"o-2","products":[{"PRODUCT_CODE":"P-2"},{"PRODUCT_CODE":"P-3"}]}
            {"order_id":"o-3","products":[{"PRODUCT_CODE":"P-1"},{"PRODUCT_CODE":"P-4"},{"PRODUCT_CODE":"P-5"},{"PRODUCT_CODE":"P-6"}]}
            """);
        using var output = new StringWriter();

        // README-START
        var plan = AuditPlan.CreateBuilder("orders")            // the seeds' four layers; s3_landing is the reference
            .CompletionTimeout(TimeSpan.FromHours(2))
            .Build();
        var store = new InMemoryAuditStore();                    // DynamoDB in production (Airline.Pipeline.Aws)
        var publisher = new InMemoryNotificationPublisher();     // SNS in production
        var reconciler = new AuditReconciler(
            plan, store, publisher, new NotificationTopics("orders-success", "orders-failure"), clock);
        var recorder = new AuditRecorder(store, clock);

        var runId = RunId.Parse("01M81B1W207Q3E8W1ZP9K2XM4D");   // stamped by the Firehose Lambda (or RunId.NewRunId(clock))
        var landing = AuditCounts.Exploded(landingJsonLines, "products"); // sum(cardinality(products)): 3 orders, 7 products
        await recorder.RecordAsync(runId, AuditLayers.S3Landing, landing.Elements, source: "s3://fo-to-dw-orders-landing-area/orders/run-1");
        await recorder.RecordAsync(runId, AuditLayers.S3Staging, 7);
        await recorder.RecordAsync(runId, AuditLayers.RedshiftStaging, 7);
        await recorder.RecordAsync(runId, AuditLayers.RedshiftFinal, 6);       // one row lost

        var result = await reconciler.ReconcileAsync(runId);    // FAILED, decided and published once
        await reconciler.ReconcileAsync(runId);                 // again (a replayed trigger): nothing more is sent
        output.WriteLine(result.Notification!.ToJson(indented: true));
        // README-END

        publisher.Published.Should().ContainSingle().Which.Topic.Should().Be("orders-failure");
        var readme = await File.ReadAllTextAsync(ReadmePath);
        Normalize(readme).Should().Contain(Normalize(Snippet()), "the README's C# example is this test's code");
        var json = JsonBlock().Match(readme);
        json.Success.Should().BeTrue("the README shows the notification JSON in a ```json block");
        json.Groups[1].Value.Trim().Should().Be(output.ToString().Trim().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task HostExample_RunsAsShown()
    {
        var services = new ServiceCollection();
        var eventJson = """{"Records":[]}""";

        // README-HOST-START
        services.AddPipelineAudit(o =>
        {
            o.PipelineName = "orders";                      // Layers empty: the seeds' four; ReferenceLayer: the first
            o.CompletionTimeout = TimeSpan.FromHours(2);
            o.Expectations["redshift_final"] = new() { Kind = ExpectationKind.Ratio, WarnTolerance = 0.001, FailTolerance = 0.01 };
            o.SuccessTopic = "arn:aws:sns:eu-west-1:123456789012:orders-success";
            o.FailureTopic = "arn:aws:sns:eu-west-1:123456789012:orders-failure";
        });
        // README-HOST-END
        using var provider = services.BuildServiceProvider();

        // README-HOST2-START
        // The Lambda on the audit table's stream (the seeds' AuditTableScannerFn):
        var batch = await provider.GetRequiredService<AuditStreamHandler>().HandleAsync(eventJson);
        var response = batch.ToBatchResponseJson();        // return it: {"batchItemFailures":[...]}
        // README-HOST2-END

        response.Should().Be("""{"batchItemFailures":[]}""");
        provider.GetRequiredService<AuditReconciler>().Plan.Layers[^1].Expectation.FailTolerance.Should().Be(0.01);
        var readme = Normalize(await File.ReadAllTextAsync(ReadmePath));
        readme.Should().Contain(Normalize(Snippet("README-HOST")));
        readme.Should().Contain(Normalize(Snippet("README-HOST2")));
    }

    // Not [CallerFilePath]: CI builds are deterministic and map source paths to /_/, so read the file from the repository.
    private static string Snippet(string marker = "README")
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "Airline.Pipeline.Audit.Tests", "ReadmeExampleTests.cs");
        var lines = File.ReadAllLines(path);
        var start = Array.FindIndex(lines, l => l.Trim() == $"// {marker}-START") + 1;
        var end = Array.FindIndex(lines, l => l.Trim() == $"// {marker}-END");
        return string.Join('\n', lines[start..end]);
    }

    private static string Normalize(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
