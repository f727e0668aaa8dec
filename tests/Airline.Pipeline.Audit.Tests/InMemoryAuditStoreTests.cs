namespace Airline.Pipeline.Audit.Tests;

public sealed class InMemoryAuditStoreTests
{
    private static readonly RunId Run = RunId.Parse("run-1");
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static AuditRecord Record(string layer, long count, int attempt = 1) =>
        new(Run, layer, count, At) { Attempt = attempt };

    [Fact]
    public async Task TryPutRecord_FirstWrite_IsStored()
    {
        var store = new InMemoryAuditStore();
        (await store.TryPutRecordAsync(Record("s3_landing", 7))).Should().BeTrue();
        (await store.GetRecordsAsync(Run)).Should().ContainSingle().Which.Count.Should().Be(7);
    }

    [Theory]
    [InlineData(1, 1, false)]
    [InlineData(2, 1, false)]
    [InlineData(1, 2, true)]
    public async Task TryPutRecord_ReplacesOnlyWithAHigherAttempt(int storedAttempt, int newAttempt, bool written)
    {
        var store = new InMemoryAuditStore();
        await store.TryPutRecordAsync(Record("s3_staging", 5, storedAttempt));

        (await store.TryPutRecordAsync(Record("s3_staging", 9, newAttempt))).Should().Be(written);

        var kept = (await store.GetRecordsAsync(Run)).Single();
        kept.Count.Should().Be(written ? 9 : 5);
        kept.Attempt.Should().Be(written ? newAttempt : storedAttempt);
    }

    [Fact]
    public async Task TryPutRecord_AttemptsOutOfOrder_KeepTheHighest()
    {
        var store = new InMemoryAuditStore();
        foreach (var attempt in new[] { 2, 5, 1, 3, 5, 4 })
        {
            await store.TryPutRecordAsync(Record("redshift_final", attempt * 10L, attempt));
        }

        var kept = (await store.GetRecordsAsync(Run)).Single();
        kept.Attempt.Should().Be(5);
        kept.Count.Should().Be(50);
        store.IgnoredWrites.Should().Be(4);
    }

    [Fact]
    public async Task GetRecords_UnknownRun_IsEmpty()
    {
        var store = new InMemoryAuditStore();
        (await store.GetRecordsAsync(RunId.Parse("nothing"))).Should().BeEmpty();
        (await store.GetDecisionAsync(RunId.Parse("nothing"))).Should().BeNull();
    }

    [Fact]
    public async Task TryRecordDecision_OnlyTheFirstClaimWins_AndIsNeverOverwritten()
    {
        var store = new InMemoryAuditStore();
        var first = new AuditDecision(Run, AuditStatus.Succeeded, At, "first");
        var second = new AuditDecision(Run, AuditStatus.Failed, At.AddMinutes(1), "second");

        (await store.TryRecordDecisionAsync(first)).Should().BeTrue();
        (await store.TryRecordDecisionAsync(second)).Should().BeFalse();

        (await store.GetDecisionAsync(Run)).Should().Be(first);
        store.LostDecisionClaims.Should().Be(1);
    }

    [Fact]
    public async Task TryRecordDecision_ManyConcurrentClaims_ExactlyOneWins()
    {
        var store = new InMemoryAuditStore();
        var claims = Enumerable.Range(0, 64)
            .Select(i => Task.Run(async () =>
                await store.TryRecordDecisionAsync(new AuditDecision(Run, AuditStatus.Succeeded, At, $"claim {i}"))))
            .ToArray();

        var results = await Task.WhenAll(claims);

        results.Count(won => won).Should().Be(1);
    }

    [Fact]
    public async Task MarkNotified_SetsOnce_AndIgnoresMissingDecisions()
    {
        var store = new InMemoryAuditStore();
        await store.MarkNotifiedAsync(Run, "ignored", At);
        (await store.GetDecisionAsync(Run)).Should().BeNull();

        await store.TryRecordDecisionAsync(new AuditDecision(Run, AuditStatus.Failed, At, "x"));
        await store.MarkNotifiedAsync(Run, "m-1", At.AddSeconds(1));
        await store.MarkNotifiedAsync(Run, "m-2", At.AddSeconds(2));

        var decision = await store.GetDecisionAsync(Run);
        decision!.NotificationId.Should().Be("m-1");
        decision.NotifiedAt.Should().Be(At.AddSeconds(1));
        decision.Status.Should().Be(AuditStatus.Failed);
    }

    [Fact]
    public void AuditDecision_Pending_IsRejected()
    {
        var act = () => new AuditDecision(Run, AuditStatus.Pending, At, "x");
        act.Should().Throw<ArgumentException>().WithMessage("*Pending*Succeeded or Failed*");
    }

    [Fact]
    public void AuditRecord_InvalidValues_AreRejectedWithTheValue()
    {
        ((Action)(() => _ = new AuditRecord(Run, "bad layer", 1, At))).Should().Throw<ArgumentException>().WithMessage("*'bad layer'*");
        ((Action)(() => _ = new AuditRecord(Run, "ok", -1, At))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => _ = new AuditRecord(Run, "ok", 1, At) { Attempt = 0 })).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => _ = new AuditRecord(default, "ok", 1, At))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void AuditRecord_Equality_ComparesSumsByContent()
    {
        var a = Record("x", 1) with { Sums = new Dictionary<string, decimal> { ["qty"] = 3m } };
        var b = Record("x", 1) with { Sums = new Dictionary<string, decimal> { ["qty"] = 3m } };
        a.Should().Be(b);
        (a with { Sums = new Dictionary<string, decimal> { ["qty"] = 4m } }).Should().NotBe(b);
    }
}
