using FsCheck;
using FsCheck.Fluent;

namespace Airline.Pipeline.Audit.Tests;

/// <summary>Whatever order retried writes arrive in, the store and the evaluator keep the highest attempt.</summary>
public sealed class AttemptOrderPropertyTests
{
    private static readonly RunId Run = RunId.Parse("prop-run");
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;
    private static readonly string[] Layers = ["landing", "staging", "final"];

    [Fact]
    public void Store_AfterAnyOrderOfWrites_HoldsTheFirstWriteOfTheHighestAttempt()
    {
        Prop.ForAll(
                ArbMap.Default.ArbFor<(byte Layer, byte Attempt, ushort Count)[]>(),
                writes =>
                {
                    var store = new InMemoryAuditStore();
                    var records = writes
                        .Select(w => new AuditRecord(Run, Layers[w.Layer % 3], w.Count, At) { Attempt = (w.Attempt % 5) + 1 })
                        .ToList();
                    foreach (var record in records)
                    {
                        store.TryPutRecordAsync(record).AsTask().GetAwaiter().GetResult();
                    }

                    var kept = store.GetRecordsAsync(Run).AsTask().GetAwaiter().GetResult().ToDictionary(r => r.Layer);
                    var expected = records
                        .GroupBy(r => r.Layer)
                        .ToDictionary(g => g.Key, g => g.First(r => r.Attempt == g.Max(x => x.Attempt)));
                    return kept.Count == expected.Count && expected.All(e => ReferenceEquals(kept[e.Key], e.Value));
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Evaluate_IsIndependentOfTheOrderOfDistinctAttempts()
    {
        var plan = AuditPlan.CreateBuilder("p").Layer("landing").Layer("staging").Layer("final").Build();
        Prop.ForAll(
                ArbMap.Default.ArbFor<(ushort Count, int Seed)[]>(),
                ArbMap.Default.ArbFor<int>(),
                (writes, shuffleSeed) =>
                {
                    // Distinct attempts per layer, so "the highest" is unambiguous.
                    var records = writes
                        .Select((w, i) => new AuditRecord(Run, Layers[i % 3], w.Count % 4, At) { Attempt = (i / 3) + 1 })
                        .ToList();
                    var shuffled = records.ToList();
                    new Random(shuffleSeed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));

                    var a = plan.Evaluate(Run, records, At);
                    var b = plan.Evaluate(Run, shuffled, At);
                    return a.Status == b.Status
                        && a.Summary == b.Summary
                        && a.Layers.Select(l => l.Record).SequenceEqual(b.Layers.Select(l => l.Record));
                })
            .QuickCheckThrowOnFailure();
    }
}
