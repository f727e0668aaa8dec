namespace Airline.Pipeline.Audit.Tests;

/// <summary>
/// The conditional semantics every <see cref="IAuditStore"/> must have, as tests. The in-memory twin runs them here;
/// the DynamoDB store can run the same file (link it into its test project:
/// <c>&lt;Compile Include="../Airline.Pipeline.Audit.Tests/AuditStoreContract.cs" Link="AuditStoreContract.cs" /&gt;</c>)
/// by deriving a class that returns a store on a fresh table.
/// </summary>
public abstract class AuditStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, 123, TimeSpan.Zero);

    /// <summary>A store over an empty table.</summary>
    protected abstract IAuditStore CreateStore();

    private static RunId NewRun() => RunId.NewRunId(TimeProvider.System);

    [Fact]
    public async Task Contract_RecordRoundTripsEveryField()
    {
        var store = CreateStore();
        var run = NewRun();
        var record = new AuditRecord(run, "s3_landing", 7, At)
        {
            Attempt = 3,
            Source = "s3://bucket/orders/part-0000.json",
            Sums = new Dictionary<string, decimal> { ["quantity"] = 12.5m, ["checksum"] = 9_007_199_254_740_993m },
        };

        (await store.TryPutRecordAsync(record)).Should().BeTrue();

        (await store.GetRecordsAsync(run)).Should().ContainSingle().Which.Should().Be(record);
    }

    [Fact]
    public async Task Contract_HigherAttemptReplaces_EqualOrLowerIsIgnored()
    {
        var store = CreateStore();
        var run = NewRun();
        (await store.TryPutRecordAsync(new AuditRecord(run, "final", 1, At) { Attempt = 2 })).Should().BeTrue();
        (await store.TryPutRecordAsync(new AuditRecord(run, "final", 2, At) { Attempt = 2 })).Should().BeFalse();
        (await store.TryPutRecordAsync(new AuditRecord(run, "final", 3, At) { Attempt = 1 })).Should().BeFalse();
        (await store.TryPutRecordAsync(new AuditRecord(run, "final", 4, At) { Attempt = 3 })).Should().BeTrue();

        var kept = (await store.GetRecordsAsync(run)).Should().ContainSingle().Subject;
        kept.Count.Should().Be(4);
        kept.Attempt.Should().Be(3);
    }

    [Fact]
    public async Task Contract_RecordsAreKeptPerRunAndLayer_WithoutTheDecision()
    {
        var store = CreateStore();
        var run = NewRun();
        var other = NewRun();
        foreach (var layer in AuditLayers.SeedLayers)
        {
            await store.TryPutRecordAsync(new AuditRecord(run, layer, 7, At));
        }

        await store.TryPutRecordAsync(new AuditRecord(other, "s3_landing", 1, At));
        await store.TryRecordDecisionAsync(new AuditDecision(run, AuditStatus.Succeeded, At, "ok"));

        (await store.GetRecordsAsync(run)).Select(r => r.Layer).Should().BeEquivalentTo(AuditLayers.SeedLayers);
        (await store.GetRecordsAsync(other)).Should().ContainSingle();
        (await store.GetRecordsAsync(NewRun())).Should().BeEmpty();
    }

    [Fact]
    public async Task Contract_DecisionIsClaimedOnce_AndNeverOverwritten()
    {
        var store = CreateStore();
        var run = NewRun();
        (await store.GetDecisionAsync(run)).Should().BeNull();
        var first = new AuditDecision(run, AuditStatus.Failed, At, "layer 'redshift_final' has 6 records, expected 7");

        (await store.TryRecordDecisionAsync(first)).Should().BeTrue();
        (await store.TryRecordDecisionAsync(new AuditDecision(run, AuditStatus.Succeeded, At.AddMinutes(1), "late"))).Should().BeFalse();

        (await store.GetDecisionAsync(run)).Should().Be(first);
    }

    [Fact]
    public async Task Contract_ConcurrentClaims_ExactlyOneWins()
    {
        var store = CreateStore();
        var run = NewRun();
        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            await store.TryRecordDecisionAsync(new AuditDecision(run, AuditStatus.Succeeded, At, $"claim {i}")))));

        claims.Count(won => won).Should().Be(1);
    }

    [Fact]
    public async Task Contract_MarkNotified_SetsOnce_AndNeedsADecision()
    {
        var store = CreateStore();
        var run = NewRun();
        await store.MarkNotifiedAsync(run, "nothing-to-mark", At);
        (await store.GetDecisionAsync(run)).Should().BeNull("marking never creates a decision");

        await store.TryRecordDecisionAsync(new AuditDecision(run, AuditStatus.Succeeded, At, "ok"));
        await store.MarkNotifiedAsync(run, "message-1", At.AddSeconds(1));
        await store.MarkNotifiedAsync(run, "message-2", At.AddSeconds(2));

        var decision = await store.GetDecisionAsync(run);
        decision!.NotificationId.Should().Be("message-1");
        decision.NotifiedAt.Should().Be(At.AddSeconds(1));
        decision.Summary.Should().Be("ok");
    }
}

public sealed class InMemoryAuditStoreContractTests : AuditStoreContract
{
    protected override IAuditStore CreateStore() => new InMemoryAuditStore();
}
