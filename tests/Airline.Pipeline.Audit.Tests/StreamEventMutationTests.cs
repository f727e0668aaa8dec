using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Audit.Tests;

/// <summary>
/// DynamoDB Streams events with values swapped for values of other JSON types, or removed (still valid JSON): the
/// handler ignores what it cannot read, with a reason, or refuses the whole event with <see cref="FormatException"/>;
/// nothing else escapes, and the records it can read are still reconciled.
/// </summary>
public sealed class StreamEventMutationTests
{
    [Fact]
    public async Task Mutated_events_are_ignored_with_a_reason_or_refused_as_malformed()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        var events = await h.StoreSeedLayersAsync(run);

        events.Add(StreamEvents.DecisionInsert(run));
        var batch = StreamEvents.Batch([.. events]);
        var handled = 0;
        foreach (var json in JsonMutations.Mutate(batch, seed: 7, count: 300))
        {
            try
            {
                var result = await h.Streams.HandleAsync(json);
                result.Reconciled.Where(r => r.RunId != run).Should().BeEmpty();
                handled++;
            }
            catch (FormatException refused)
            {
                refused.Message.Should().NotBeNullOrWhiteSpace();
            }
        }

        handled.Should().BeGreaterThan(100, "most mutations leave a readable Records array");
    }

    [Fact]
    public async Task A_record_that_is_not_an_object_is_ignored_and_the_others_are_reconciled()
    {
        var h = new AuditHarness();
        var run = h.NewRun();
        var record = new AuditRecord(run, AuditLayers.S3Landing, 3, h.Clock.GetUtcNow());
        await h.Store.TryPutRecordAsync(record);
        var batch = System.Text.Json.Nodes.JsonNode.Parse(StreamEvents.Batch(StreamEvents.Insert(record)))!;
        batch["Records"]!.AsArray().Insert(0, "not a record");
        batch["Records"]!.AsArray().Add(42);

        var result = await h.Streams.HandleAsync(batch.ToJsonString());

        result.Reconciled.Select(r => r.RunId).Should().Equal(run);
        result.FailedSequenceNumbers.Should().BeEmpty();
    }
}
