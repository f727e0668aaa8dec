namespace Airline.Pipeline.Audit.Tests;

public sealed class AuditReconcilerTests
{
    [Fact]
    public async Task NoRecords_IsPending_AndPublishesNothing()
    {
        var h = new AuditHarness();
        var result = await h.Reconciler.ReconcileAsync(h.NewRun());

        result.Status.Should().Be(AuditStatus.Pending);
        result.Decision.Should().BeNull();
        result.Report.Layers.Should().AllSatisfy(l => l.Status.Should().Be(LayerStatus.Missing));
        h.Publisher.Published.Should().BeEmpty();
    }

    [Fact]
    public async Task PendingThenSucceeded_WhenTheLastLayerArrives()
    {
        var h = new AuditHarness();
        var run = h.NewRun();

        (await h.RecordAndReconcile(run, AuditLayers.S3Landing, 7)).Status.Should().Be(AuditStatus.Pending);
        (await h.RecordAndReconcile(run, AuditLayers.S3Staging, 7)).Status.Should().Be(AuditStatus.Pending);
        var pending = await h.RecordAndReconcile(run, AuditLayers.RedshiftStaging, 7);
        pending.Status.Should().Be(AuditStatus.Pending);
        pending.Report.Summary.Should().Be("waiting for layer 'redshift_final'");
        pending.Report[AuditLayers.S3Staging]!.Status.Should().Be(LayerStatus.Passed);

        var done = await h.RecordAndReconcile(run, AuditLayers.RedshiftFinal, 7);

        done.Status.Should().Be(AuditStatus.Succeeded);
        done.DecidedNow.Should().BeTrue();
        done.Decision!.NotificationId.Should().Be(done.MessageId);
        h.Publisher.Published.Should().ContainSingle().Which.Topic.Should().Be(AuditHarness.SuccessTopic);
        (await h.Store.GetDecisionAsync(run))!.NotifiedAt.Should().Be(h.Clock.GetUtcNow());
    }

    [Fact]
    public async Task PendingThenFailed_OnAMismatch_EvenBeforeTheOtherLayers()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        await h.RecordAndReconcile(run, AuditLayers.S3Landing, 7);

        var result = await h.RecordAndReconcile(run, AuditLayers.S3Staging, 5);

        result.Status.Should().Be(AuditStatus.Failed);
        result.Report.Summary.Should().Be("layer 's3_staging' has 5 records, expected 7 (reference 's3_landing' has 7)");
        h.Publisher.PublishedTo(AuditHarness.FailureTopic).Should().ContainSingle();
    }

    [Fact]
    public async Task PendingThenFailed_WhenALayerIsStillMissingAtTheDeadline()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        await h.RecordAndReconcile(run, AuditLayers.S3Landing, 7);
        await h.RecordAndReconcile(run, AuditLayers.S3Staging, 7);

        h.Clock.Advance(TimeSpan.FromMinutes(59));
        (await h.Reconciler.ReconcileAsync(run)).Status.Should().Be(AuditStatus.Pending);

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        var result = await h.Reconciler.ReconcileAsync(run);

        result.Status.Should().Be(AuditStatus.Failed);
        result.Report.Summary.Should().StartWith("layers 'redshift_staging', 'redshift_final' still missing at the deadline 2026-11-22T11:00:00Z");
        result.Notification!.Layers.Select(l => l.Status).Should().Equal(
            LayerStatus.Reference, LayerStatus.Passed, LayerStatus.Missing, LayerStatus.Missing);
    }

    [Fact]
    public async Task LateLayer_BeforeTheDeadline_StillSucceeds()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        await h.RecordAndReconcile(run, AuditLayers.S3Staging, 7);          // staging before landing
        await h.RecordAndReconcile(run, AuditLayers.RedshiftFinal, 7);
        var beforeReference = await h.RecordAndReconcile(run, AuditLayers.RedshiftStaging, 7);
        beforeReference.Status.Should().Be(AuditStatus.Pending);
        beforeReference.Report[AuditLayers.S3Staging]!.Status.Should().Be(LayerStatus.Unchecked);

        h.Clock.Advance(TimeSpan.FromMinutes(50));
        var result = await h.RecordAndReconcile(run, AuditLayers.S3Landing, 7);

        result.Status.Should().Be(AuditStatus.Succeeded);
        h.Publisher.Published.Should().ContainSingle();
    }

    [Fact]
    public async Task LateLayer_AfterTheDeadlineDecision_ChangesNothing_AndSendsNoSecondNotice()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        await h.RecordAndReconcile(run, AuditLayers.S3Landing, 7);
        h.Clock.Advance(TimeSpan.FromHours(2));
        (await h.Reconciler.ReconcileAsync(run)).Status.Should().Be(AuditStatus.Failed);

        await h.RecordAndReconcile(run, AuditLayers.S3Staging, 7);
        await h.RecordAndReconcile(run, AuditLayers.RedshiftStaging, 7);
        var late = await h.RecordAndReconcile(run, AuditLayers.RedshiftFinal, 7);

        late.Status.Should().Be(AuditStatus.Failed, "the decision is recorded once and never changes");
        late.Report.Status.Should().Be(AuditStatus.Succeeded, "the report shows how the run looks now");
        late.DecidedNow.Should().BeFalse();
        h.Publisher.Published.Should().ContainSingle();
    }

    [Fact]
    public async Task SuppliedRunId_DeadlineRunsFromTheFirstRecord()
    {
        var h = new AuditHarness();
        var run = RunId.Parse("firehose-run-42");
        h.Clock.Advance(TimeSpan.FromDays(3));
        var first = await h.RecordAndReconcile(run, AuditLayers.S3Landing, 7);
        first.Report.Deadline.Should().Be(h.Clock.GetUtcNow() + TimeSpan.FromHours(1));

        h.Clock.Advance(TimeSpan.FromHours(1));
        (await h.Reconciler.ReconcileAsync(run)).Status.Should().Be(AuditStatus.Failed);
    }

    [Fact]
    public async Task Warning_StillSucceeds_AndListsTheWarning()
    {
        var plan = AuditPlan.CreateBuilder("orders")
            .Layer("landing")
            .Layer("final", LayerExpectation.Tolerance(0.01, 0.05))
            .Build();
        var h = new AuditHarness(plan);
        var run = h.NewRun();
        await h.RecordAndReconcile(run, "landing", 100);

        var result = await h.RecordAndReconcile(run, "final", 97);

        result.Status.Should().Be(AuditStatus.Succeeded);
        result.Report["final"]!.Status.Should().Be(LayerStatus.Warning);
        result.Notification!.Warnings.Should().ContainSingle()
            .Which.Should().Be("layer 'final' has 97 records, expected 100 (ratio 1 (warn 1%, fail 5%)) (reference 'landing' has 100) (warning)");
    }

    [Fact]
    public async Task AtMostLayer_FilterOfItsInput()
    {
        var plan = AuditPlan.CreateBuilder("flights")
            .Layer("raw")
            .Layer("delayed", LayerExpectation.AtMost())
            .Build();
        var h = new AuditHarness(plan);
        var run = h.NewRun();
        await h.RecordAndReconcile(run, "raw", 10);

        (await h.RecordAndReconcile(run, "delayed", 5)).Status.Should().Be(AuditStatus.Succeeded);
        h.Publisher.Published.Single().Notification.OutputRows.Should().Be(5);
    }

    [Fact]
    public async Task EqualCounts_WithDifferentSums_Fail()
    {
        var h = new AuditHarness(AuditPlan.CreateBuilder("orders").Layer("landing").Layer("final").Build());
        var run = h.NewRun();
        await h.Recorder.RecordAsync(run, "landing", 7, sums: new Dictionary<string, decimal> { ["quantity"] = 42m });
        await h.Recorder.RecordAsync(run, "final", 7, sums: new Dictionary<string, decimal> { ["quantity"] = 41m });

        var result = await h.Reconciler.ReconcileAsync(run);

        result.Status.Should().Be(AuditStatus.Failed);
        result.Report.Summary.Should().Be("layer 'final' has sum(quantity) = 41, expected 42 (reference 'landing')");
    }

    [Fact]
    public async Task AttemptsOutOfOrder_TheHighestAttemptCounts()
    {
        var h = new AuditHarness(AuditPlan.CreateBuilder("orders").Layer("landing").Layer("final").Build());
        var run = h.NewRun();
        await h.Recorder.RecordAsync(run, "landing", 7);
        (await h.Recorder.RecordAsync(run, "final", 7, attempt: 2)).Should().BeTrue();
        (await h.Recorder.RecordAsync(run, "final", 3, attempt: 1)).Should().BeFalse("a late first attempt is ignored");

        (await h.Reconciler.ReconcileAsync(run)).Status.Should().Be(AuditStatus.Succeeded);
    }

    [Fact]
    public async Task AttemptsOutOfOrder_InTheEvaluatorToo()
    {
        var plan = AuditPlan.CreateBuilder("orders").Layer("landing").Layer("final").Build();
        var run = RunId.Parse("r");
        var at = DateTimeOffset.UnixEpoch;
        AuditRecord[] records =
        [
            new(run, "final", 3, at) { Attempt = 3 },
            new(run, "landing", 7, at),
            new(run, "final", 7, at) { Attempt = 1 },
            new(run, "final", 5, at) { Attempt = 2 },
            new(RunId.Parse("other"), "final", 7, at) { Attempt = 9 },
        ];

        var report = plan.Evaluate(run, records, at);

        report["final"]!.Record!.Attempt.Should().Be(3);
        report.Status.Should().Be(AuditStatus.Failed);
    }

    [Fact]
    public async Task ReplayedCalls_PublishExactlyOnce()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        foreach (var layer in AuditLayers.SeedLayers)
        {
            await h.Recorder.RecordAsync(run, layer, 7);
        }

        var results = new List<ReconcileResult>();
        for (var i = 0; i < 10; i++)
        {
            results.Add(await h.Reconciler.ReconcileAsync(run));
        }

        results.Count(r => r.DecidedNow).Should().Be(1);
        results.Should().AllSatisfy(r => r.Status.Should().Be(AuditStatus.Succeeded));
        h.Publisher.Published.Should().ContainSingle();
    }

    [Fact]
    public async Task ConcurrentCalls_ManyTasksAtOnce_PublishExactlyOnce()
    {
        var h = new AuditHarness();
        var runs = Enumerable.Range(0, 8).Select(_ => h.NewRun()).Distinct().ToList();
        foreach (var run in runs)
        {
            foreach (var layer in AuditLayers.SeedLayers)
            {
                await h.Recorder.RecordAsync(run, layer, layer == AuditLayers.RedshiftFinal && run == runs[0] ? 6 : 7);
            }
        }

        using var start = new ManualResetEventSlim();
        var tasks = runs.SelectMany(run => Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await h.Reconciler.ReconcileAsync(run);
        }))).ToArray();
        start.Set();
        var results = await Task.WhenAll(tasks);

        results.Count(r => r.DecidedNow).Should().Be(runs.Count);
        h.Publisher.Published.Should().HaveCount(runs.Count);
        h.Publisher.Published.Select(p => p.Notification.RunId).Should().OnlyHaveUniqueItems();
        h.Publisher.PublishedTo(AuditHarness.FailureTopic).Should().ContainSingle().Which.RunId.Should().Be(runs[0]);
        results.Where(r => r.RunId == runs[0]).Should().AllSatisfy(r => r.Status.Should().Be(AuditStatus.Failed));
    }

    [Fact]
    public async Task ConcurrentRecordersAndReconcilers_StillPublishOnce()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        var writers = AuditLayers.SeedLayers.Select(layer => Task.Run(async () =>
        {
            await h.Recorder.RecordAsync(run, layer, 7);
            return await h.Reconciler.ReconcileAsync(run);
        }));
        var readers = Enumerable.Range(0, 40).Select(_ => Task.Run(async () => await h.Reconciler.ReconcileAsync(run)));

        await Task.WhenAll(writers.Concat(readers));
        await h.Reconciler.ReconcileAsync(run);

        h.Publisher.Published.Should().ContainSingle().Which.Notification.Status.Should().Be(AuditStatus.Succeeded);
    }

    [Fact]
    public async Task CrashAfterTheClaim_NoLaterCallPublishes()
    {
        var store = new InMemoryAuditStore();
        var h = new AuditHarness(store: store);
        var run = h.NewRun();
        foreach (var layer in AuditLayers.SeedLayers)
        {
            await h.Recorder.RecordAsync(run, layer, 7);
        }

        // A previous process claimed the decision, then crashed before publishing.
        await store.TryRecordDecisionAsync(new AuditDecision(run, AuditStatus.Succeeded, h.Clock.GetUtcNow(), "claimed"));

        var result = await h.Reconciler.ReconcileAsync(run);

        result.DecidedNow.Should().BeFalse();
        result.Decision!.Summary.Should().Be("claimed");
        result.Decision.NotifiedAt.Should().BeNull("the crashed winner never marked it");
        h.Publisher.Published.Should().BeEmpty();
    }

    [Fact]
    public async Task PublisherFailure_IsRethrownToTheWinner_AndNotRetriedByOthers()
    {
        var store = new InMemoryAuditStore();
        var clock = new ManualTimeProvider();
        var reconciler = new AuditReconciler(
            AuditPlan.CreateBuilder("p").Layer("a").Build(), store, new ThrowingPublisher(), NotificationTopics.Single("t"), clock);
        var run = RunId.NewRunId(clock);
        await store.TryPutRecordAsync(new AuditRecord(run, "a", 1, clock.GetUtcNow()));

        await ((Func<Task>)(async () => await reconciler.ReconcileAsync(run))).Should().ThrowAsync<IOException>();
        var again = await reconciler.ReconcileAsync(run);

        again.DecidedNow.Should().BeFalse();
        again.Decision!.NotifiedAt.Should().BeNull();
    }

    private sealed class ThrowingPublisher : INotificationPublisher
    {
        public ValueTask<string> PublishAsync(string topic, AuditNotification notification, CancellationToken cancellationToken = default) =>
            throw new IOException("SNS unreachable");
    }
}

public sealed class ReportFailureTests
{
    [Fact]
    public async Task JobFailure_FailsTheRunOnce_WithErrorAndFailedQuery()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        await h.Recorder.RecordAsync(run, AuditLayers.S3Landing, 10, source: "flights_20231115.csv");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
            await h.Reconciler.ReportFailureAsync(run, "RedshiftLoadError", "COPY daily_flights_fact FROM 's3://...'"))));

        results.Count(r => r.DecidedNow).Should().Be(1);
        var sent = h.Publisher.PublishedTo(AuditHarness.FailureTopic).Should().ContainSingle().Subject;
        sent.Error.Should().Be("RedshiftLoadError");
        sent.FailedQuery.Should().Be("COPY daily_flights_fact FROM 's3://...'");
        sent.ProcessedFile.Should().Be("flights_20231115.csv");
        sent.InputRows.Should().Be(10);
        sent.Layers.Should().HaveCount(4);
        (await h.Store.GetDecisionAsync(run))!.Summary.Should().Be("RedshiftLoadError");
    }

    [Fact]
    public async Task JobFailure_AfterASuccess_SendsNothing()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        foreach (var layer in AuditLayers.SeedLayers)
        {
            await h.Recorder.RecordAsync(run, layer, 7);
        }

        await h.Reconciler.ReconcileAsync(run);
        var late = await h.Reconciler.ReportFailureAsync(run, "late failure");

        late.DecidedNow.Should().BeFalse();
        late.Status.Should().Be(AuditStatus.Succeeded);
        h.Publisher.Published.Should().ContainSingle();
    }

    [Fact]
    public async Task Reconcile_AfterAJobFailure_SendsNothing()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        await h.Reconciler.ReportFailureAsync(run, "GlueJobFailed");
        foreach (var layer in AuditLayers.SeedLayers)
        {
            await h.Recorder.RecordAsync(run, layer, 7);
        }

        (await h.Reconciler.ReconcileAsync(run)).Status.Should().Be(AuditStatus.Failed);
        h.Publisher.Published.Should().ContainSingle();
    }
}
