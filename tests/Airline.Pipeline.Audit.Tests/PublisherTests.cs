namespace Airline.Pipeline.Audit.Tests;

public sealed class PublisherTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task FilePublisher_PrintsTheText_AndSavesTheJson()
    {
        var directory = Path.Combine(Path.GetTempPath(), "audit-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var console = new StringWriter();
            var publisher = new FileNotificationPublisher(Path.Combine(directory, "notifications"), console);
            var n = AuditNotification.Succeeded(RunId.Parse("run-1"), At, 7, 7, pipeline: "orders");

            var first = await publisher.PublishAsync("orders-success", n);
            var second = await publisher.PublishAsync("orders-success", n);

            first.Should().Be("run-1.succeeded.json");
            second.Should().Be("run-1.succeeded.2.json");
            var saved = await File.ReadAllTextAsync(Path.Combine(directory, "notifications", first));
            AuditNotification.FromJson(saved).ToJson().Should().Be(n.ToJson());
            saved.Should().Contain("\n  \"status\": \"SUCCEEDED\"");
            console.ToString().Should().StartWith("[orders-success] SUCCEEDED orders run run-1: 7 in, 7 out\nSUCCEEDED orders run run-1\n");
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task InMemoryPublisher_RefusesInvalidNotifications()
    {
        var publisher = new InMemoryNotificationPublisher();
        var bad = AuditNotification.Succeeded(RunId.Parse("r"), At) with { Warnings = [new string('w', 300_000)] };

        await ((Func<Task>)(async () => await publisher.PublishAsync("t", bad))).Should().ThrowAsync<InvalidOperationException>();
        publisher.Published.Should().BeEmpty();
    }
}
