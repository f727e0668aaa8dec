namespace Airline.Pipeline.Audit.Tests;

public sealed class AuditStreamHandlerTests
{
    [Fact]
    public async Task Batch_ReconcilesEachRunTouched_Once()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        var other = h.NewRun();
        var events = await h.StoreSeedLayersAsync(run);

        var otherRecord = new AuditRecord(other, AuditLayers.S3Landing, 3, h.Clock.GetUtcNow());
        await h.Store.TryPutRecordAsync(otherRecord);
        events.Add(StreamEvents.Insert(otherRecord));

        var result = await h.Streams.HandleAsync(StreamEvents.Batch([.. events]));

        result.Reconciled.Select(r => r.RunId).Should().Equal(run, other);
        result.Reconciled[0].Status.Should().Be(AuditStatus.Succeeded);
        result.Reconciled[1].Status.Should().Be(AuditStatus.Pending);
        result.Notified.Should().Be(1);
        result.FailedSequenceNumbers.Should().BeEmpty();
        result.ToBatchResponseJson().Should().Be("""{"batchItemFailures":[]}""");
    }

    [Fact]
    public async Task BatchDeliveredTwice_PublishesOnce()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        var events = await h.StoreSeedLayersAsync(run);

        var batch = StreamEvents.Batch([.. events]);

        var first = await h.Streams.HandleAsync(batch);
        var second = await h.Streams.HandleAsync(batch);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => h.Streams.HandleAsync(batch).AsTask()));

        first.Notified.Should().Be(1);
        second.Notified.Should().Be(0);
        concurrent.Sum(r => r.Notified).Should().Be(0);
        h.Publisher.Published.Should().ContainSingle();
    }

    [Fact]
    public async Task RemoveTtlAndDecisionEvents_AreIgnored()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        foreach (var layer in AuditLayers.SeedLayers)
        {
            await h.Store.TryPutRecordAsync(new AuditRecord(run, layer, 7, h.Clock.GetUtcNow()));
        }

        var result = await h.Streams.HandleAsync(StreamEvents.Batch(
            StreamEvents.Remove(run, AuditLayers.S3Landing),
            StreamEvents.Remove(run, AuditLayers.S3Staging, ttl: true),
            StreamEvents.DecisionInsert(run)));

        result.Reconciled.Should().BeEmpty();
        result.Records.Select(r => r.IgnoredBecause).Should().Equal(
            "REMOVE event",
            "TTL deletion (userIdentity principalId dynamodb.amazonaws.com)",
            "'#decision' is the run's decision item, not a layer");
        h.Publisher.Published.Should().BeEmpty();
    }

    [Fact]
    public async Task ModifyEvents_WithAHigherAttempt_AreReconciled()
    {
        var h = new AuditHarness(AuditPlan.CreateBuilder("orders").Layer("landing").Layer("final").Build());
        var run = h.NewRun();
        var at = h.Clock.GetUtcNow();
        var landing = new AuditRecord(run, "landing", 7, at);
        var first = new AuditRecord(run, "final", 6, at);
        var retry = new AuditRecord(run, "final", 7, at) { Attempt = 2 };
        await h.Store.TryPutRecordAsync(landing);
        await h.Store.TryPutRecordAsync(first);
        await h.Store.TryPutRecordAsync(retry);

        var result = await h.Streams.HandleAsync(StreamEvents.Batch(StreamEvents.Modify(retry, first)));

        result.Reconciled.Should().ContainSingle().Which.Status.Should().Be(AuditStatus.Succeeded);
        result.Records.Single().NewRecord.Should().Be(retry);
        result.Records.Single().OldRecord.Should().Be(first);
    }

    [Fact]
    public async Task NewImage_WithSourceAndSums_IsReadBack()
    {
        var h = new AuditHarness();
        var record = new AuditRecord(h.NewRun(), AuditLayers.S3Landing, 7, h.Clock.GetUtcNow())
        {
            Attempt = 2,
            Source = "s3://bucket/key",
            Sums = new Dictionary<string, decimal> { ["quantity"] = 12.5m },
        };

        var result = await h.Streams.HandleAsync(StreamEvents.Batch(StreamEvents.Insert(record)));

        result.Records.Single().NewRecord.Should().Be(record);
        result.Records.Single().OldRecord.Should().BeNull();
    }

    [Fact]
    public async Task BadKeys_AreIgnoredWithTheReason()
    {
        var h = new AuditHarness();
        const string json = """
            {"Records":[
              {"eventID":"a","eventName":"INSERT","dynamodb":{"Keys":{"pk":{"S":"bad id!"},"sk":{"S":"s3_landing"}},"SequenceNumber":"1"}},
              {"eventID":"b","eventName":"INSERT","dynamodb":{"Keys":{"id":{"S":"x"}},"SequenceNumber":"2"}}
            ]}
            """;

        var result = await h.Streams.HandleAsync(json);

        result.Records.Select(r => r.IgnoredBecause).Should().Equal(
            "'pk' = 'bad id!' is not a run id",
            "Keys has no string 'pk'");
    }

    [Fact]
    public async Task StoreFailure_ReportsTheRunsRecordsAsBatchItemFailures()
    {
        var inner = new InMemoryAuditStore();
        var failing = new FailingStore(inner, RunId.Parse("broken"));
        var h = new AuditHarness(store: failing);
        var ok = h.NewRun();
        var at = h.Clock.GetUtcNow();
        var broken1 = new AuditRecord(RunId.Parse("broken"), AuditLayers.S3Landing, 1, at);
        var broken2 = new AuditRecord(RunId.Parse("broken"), AuditLayers.S3Staging, 1, at);
        var good = new AuditRecord(ok, AuditLayers.S3Landing, 1, at);
        var events = new[] { StreamEvents.Insert(broken1), StreamEvents.Insert(good), StreamEvents.Insert(broken2) };

        var result = await h.Streams.HandleAsync(StreamEvents.Batch(events));

        result.Reconciled.Should().ContainSingle().Which.RunId.Should().Be(ok);
        var expected = new[] { events[0], events[2] }.Select(e => e["dynamodb"]!["SequenceNumber"]!.GetValue<string>()).ToArray();
        result.FailedSequenceNumbers.Should().Equal(expected);
        result.ToBatchResponseJson().Should().Be(
            $$"""{"batchItemFailures":[{"itemIdentifier":"{{expected[0]}}"},{"itemIdentifier":"{{expected[1]}}"}]}""");
    }

    [Fact]
    public async Task NotAStreamEvent_IsAFormatError()
    {
        var h = new AuditHarness();
        await ((Func<Task>)(async () => await h.Streams.HandleAsync("""{"records":[]}"""))).Should()
            .ThrowAsync<FormatException>().WithMessage("*'Records' array*");
        await ((Func<Task>)(async () => await h.Streams.HandleAsync("{"))).Should().ThrowAsync<FormatException>();
    }

    [Fact]
    public async Task Stream_Overload_ReadsUtf8()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        var record = new AuditRecord(run, AuditLayers.S3Landing, 7, h.Clock.GetUtcNow());
        await h.Store.TryPutRecordAsync(record);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(StreamEvents.Batch(StreamEvents.Insert(record))));

        var result = await h.Streams.HandleAsync(stream);

        result.Reconciled.Should().ContainSingle().Which.Status.Should().Be(AuditStatus.Pending);
    }

    private sealed class FailingStore(IAuditStore inner, RunId broken) : IAuditStore
    {
        public ValueTask<bool> TryPutRecordAsync(AuditRecord record, CancellationToken cancellationToken = default) =>
            inner.TryPutRecordAsync(record, cancellationToken);

        public ValueTask<IReadOnlyList<AuditRecord>> GetRecordsAsync(RunId runId, CancellationToken cancellationToken = default) =>
            runId == broken ? throw new IOException("throttled") : inner.GetRecordsAsync(runId, cancellationToken);

        public ValueTask<AuditDecision?> GetDecisionAsync(RunId runId, CancellationToken cancellationToken = default) =>
            inner.GetDecisionAsync(runId, cancellationToken);

        public ValueTask<bool> TryRecordDecisionAsync(AuditDecision decision, CancellationToken cancellationToken = default) =>
            inner.TryRecordDecisionAsync(decision, cancellationToken);

        public ValueTask MarkNotifiedAsync(RunId runId, string notificationId, DateTimeOffset notifiedAt, CancellationToken cancellationToken = default) =>
            inner.MarkNotifiedAsync(runId, notificationId, notifiedAt, cancellationToken);
    }
}
