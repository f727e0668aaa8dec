using FsCheck;
using FsCheck.Fluent;

namespace Airline.Pipeline.Audit.Tests;

public sealed class RunIdTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 15, 30, 123, TimeSpan.Zero);

    [Fact]
    public void NewRunId_IsA26CharacterUlid_CarryingItsTimestamp()
    {
        var id = RunId.NewRunId(new ManualTimeProvider(At));

        id.Value.Should().HaveLength(26).And.MatchRegex("^[0-9A-HJKMNP-TV-Z]{26}$");
        id.IsTimeOrdered.Should().BeTrue();
        id.TryGetTimestamp(out var timestamp).Should().BeTrue();
        timestamp.Should().Be(At);
    }

    [Fact]
    public void FromTimestamp_KnownValue_MatchesTheUlidEncoding()
    {
        // 0x0000_0000_0001 ms and all-zero randomness: the smallest non-zero ULID.
        RunId.FromTimestamp(DateTimeOffset.FromUnixTimeMilliseconds(1), new byte[10]).Value
            .Should().Be("00000000010000000000000000");
        RunId.FromTimestamp(DateTimeOffset.FromUnixTimeMilliseconds(1), Enumerable.Repeat((byte)0xFF, 10).ToArray()).Value
            .Should().Be("0000000001ZZZZZZZZZZZZZZZZ");

        // The ULID specification's time example: 1469918176385 ms encodes as 01ARYZ6S41.
        RunId.Parse("01ARYZ6S41TSV4RRFFQ69G5FAV").TryGetTimestamp(out var example).Should().BeTrue();
        example.ToUnixTimeMilliseconds().Should().Be(1469918176385);

        // The largest ULID time lies beyond DateTimeOffset: a valid id without a readable timestamp.
        RunId.Parse("7ZZZZZZZZZZZZZZZZZZZZZZZZZ").TryGetTimestamp(out _).Should().BeFalse();
    }

    [Fact]
    public void Ids_SortByTime_WithAnOrdinalComparison()
    {
        Prop.ForAll(
                ArbMap.Default.ArbFor<uint>(), ArbMap.Default.ArbFor<uint>(),
                (a, b) =>
                {
                    var early = RunId.FromTimestamp(DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(a, b)), RandomBytes());
                    var late = RunId.FromTimestamp(DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(a, b) + 1L), RandomBytes());
                    return early < late && string.CompareOrdinal(early.Value, late.Value) < 0;
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Timestamp_RoundTrips_ThroughFormatAndParse()
    {
        Prop.ForAll(
                ArbMap.Default.ArbFor<long>(),
                raw =>
                {
                    var milliseconds = Math.Abs(raw % 253_402_300_799_999);
                    var id = RunId.FromTimestamp(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), RandomBytes());
                    var parsed = RunId.Parse(id.ToString());
                    return parsed == id
                        && parsed.TryGetTimestamp(out var t)
                        && t.ToUnixTimeMilliseconds() == milliseconds;
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Generator_InOneMillisecond_MakesStrictlyIncreasingIds()
    {
        var generator = new RunIdGenerator(new ManualTimeProvider(At));
        var ids = Enumerable.Range(0, 1000).Select(_ => generator.Next()).ToList();

        ids.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        ids.Should().AllSatisfy(id => id.TryGetTimestamp(out var t).Should().BeTrue());
    }

    [Fact]
    public void Generator_FromManyThreads_MakesUniqueIds()
    {
        var generator = new RunIdGenerator(TimeProvider.System);
        var ids = new System.Collections.Concurrent.ConcurrentBag<RunId>();
        Parallel.For(0, 2000, _ => ids.Add(generator.Next()));
        ids.Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("run-2023-11-15")]
    [InlineData("a1b2c3d4-0000-4000-8000-000000000000")]
    [InlineData("01j0000000000000000000000a")]
    [InlineData("x")]
    public void Parse_SuppliedIds_AreAcceptedAsTheyAre(string text)
    {
        var id = RunId.Parse(text);
        id.Value.Should().Be(text);
        id.IsTimeOrdered.Should().BeFalse();
        id.TryGetTimestamp(out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("", "*empty*")]
    [InlineData("run 1", "*' ' (U+0020) at position 3*")]
    [InlineData("run/1", "*'/' (U+002F) at position 3*")]
    public void Parse_InvalidText_NamesTheProblem(string text, string message)
    {
        RunId.TryParse(text, out _).Should().BeFalse();
        ((Action)(() => RunId.Parse(text))).Should().Throw<FormatException>().WithMessage(message);
    }

    [Fact]
    public void Parse_TooLong_IsRejected()
    {
        ((Action)(() => RunId.Parse(new string('a', RunId.MaxLength + 1)))).Should().Throw<FormatException>().WithMessage("*129 characters*");
        RunId.Parse(new string('a', RunId.MaxLength)).Value.Should().HaveLength(RunId.MaxLength);
    }

    [Fact]
    public void Default_IsEmpty()
    {
        default(RunId).IsEmpty.Should().BeTrue();
        default(RunId).Value.Should().BeEmpty();
    }

    private static byte[] RandomBytes() => Random.Shared.GetItems<byte>(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), 10);
}

public sealed class RunIdJsonTests
{
    [Fact]
    public void SystemTextJson_WritesAString_AndValidatesOnRead()
    {
        var id = RunId.Parse("run-7");
        System.Text.Json.JsonSerializer.Serialize(new { RunId = id }).Should().Be("""{"RunId":"run-7"}""");
        System.Text.Json.JsonSerializer.Deserialize<RunId>("\"run-7\"").Should().Be(id);
        ((Action)(() => System.Text.Json.JsonSerializer.Deserialize<RunId>("\"bad id\""))).Should()
            .Throw<System.Text.Json.JsonException>().WithMessage("*' ' (U+0020) at position 3*");
    }
}
