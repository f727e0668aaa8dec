using System.Text;
using System.Text.Json;

namespace Airline.Pipeline.Audit.Tests;

public sealed class AuditNotificationTests
{
    private static readonly RunId Run = RunId.Parse("01KAMZ5T00ABCDEFGHJKMNPQRS");
    private static readonly DateTimeOffset At = new(2023, 11, 15, 4, 35, 22, TimeSpan.Zero);

    [Fact]
    public void Succeeded_HasTheAirlineSeedsShape()
    {
        var n = AuditNotification.Succeeded(Run, At, inputRows: 10, outputRows: 5, processedFile: "flights_20231115.csv");

        n.ToJson().Should().Be(
            """{"status":"SUCCEEDED","run_id":"01KAMZ5T00ABCDEFGHJKMNPQRS","processed_file":"flights_20231115.csv","input_rows":10,"output_rows":5,"time":"2023-11-15T04:35:22Z"}""");
        n.Subject.Should().Be("SUCCEEDED run 01KAMZ5T00ABCDEFGHJKMNPQRS: 10 in, 5 out");
        n.Validate().Should().BeEmpty();
    }

    [Fact]
    public void Failed_HasTheAirlineSeedsShape()
    {
        var n = AuditNotification.Failed(
            Run, At, "RedshiftLoadError", failedQuery: "COPY daily_flights_fact FROM 's3://...'", pipeline: "airline");

        using var json = JsonDocument.Parse(n.ToJson());
        json.RootElement.GetProperty("status").GetString().Should().Be("FAILED");
        json.RootElement.GetProperty("error").GetString().Should().Be("RedshiftLoadError");
        json.RootElement.GetProperty("failed_query").GetString().Should().Be("COPY daily_flights_fact FROM 's3://...'");
        n.ToJson().Should().Contain("'s3://...'", "quotes are not escaped as \\u0027 in messages people read");
        n.Subject.Should().Be("FAILED airline run 01KAMZ5T00ABCDEFGHJKMNPQRS: RedshiftLoadError");
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var n = new AuditNotification
        {
            Status = AuditStatus.Failed,
            RunId = Run,
            Time = At.AddMilliseconds(250),
            Pipeline = "orders",
            ProcessedFile = "s3://bucket/key",
            InputRows = 7,
            OutputRows = 6,
            ReferenceLayer = "s3_landing",
            Layers = [new("s3_landing", 7, null, LayerStatus.Reference), new("redshift_final", 6, 7, LayerStatus.Failed, "short by one"), new("x", null, null, LayerStatus.Missing)],
            Error = "layer 'redshift_final' has 6 records",
            FailedQuery = "INSERT ...",
            Warnings = ["w1"],
        };

        var back = AuditNotification.FromJson(n.ToJson(indented: true));

        back.ToJson().Should().Be(n.ToJson());
        back.Time.Should().Be(At.AddMilliseconds(250));
        back.Layers.Should().Equal(n.Layers);
    }

    [Theory]
    [InlineData("""{"run_id":"r","time":"2023-11-15T04:35:22Z"}""", "*/status*")]
    [InlineData("""{"status":"MAYBE","run_id":"r","time":"2023-11-15T04:35:22Z"}""", "*'MAYBE' is not SUCCEEDED or FAILED*")]
    [InlineData("""{"status":"FAILED","run_id":"bad id","time":"2023-11-15T04:35:22Z"}""", "*/run_id*")]
    [InlineData("""{"status":"FAILED","run_id":"r","time":"yesterday"}""", "*/time*")]
    [InlineData("[", "*not valid JSON*")]
    public void FromJson_Problems_NameTheMember(string json, string message) =>
        ((Action)(() => AuditNotification.FromJson(json))).Should().Throw<FormatException>().WithMessage(message);

    [Fact]
    public void Subject_IsAsciiWithoutLineBreaks_AndUnder100Characters()
    {
        var n = AuditNotification.Failed(
            RunId.Parse(new string('r', 120)), At, "line one\r\nline two\tand ünïcode " + new string('x', 300), pipeline: "orders");

        n.Subject.Length.Should().BeLessThan(100);
        n.Subject.Should().MatchRegex("^[ -~]+$").And.EndWith("...");
        n.Validate().Should().BeEmpty();

        var short1 = AuditNotification.Failed(Run, At, "a\nb  c\u00e9");
        short1.Subject.Should().Be("FAILED run 01KAMZ5T00ABCDEFGHJKMNPQRS: a b c?");
    }

    [Fact]
    public void Body_Over256KiB_IsReported()
    {
        var n = AuditNotification.Succeeded(Run, At) with { Warnings = Enumerable.Repeat(new string('w', 1000), 300).ToList() };

        n.Validate().Should().ContainSingle().Which.Should().Match("body has * bytes; SNS allows at most 262144 (256 KiB)*");
        ((Action)n.EnsureValid).Should().Throw<InvalidOperationException>().WithMessage("*not publishable*262144*");
    }

    [Fact]
    public void Factories_CutLongTexts_SoTheBodyFits()
    {
        var n = AuditNotification.Failed(Run, At, new string('e', 300_000), failedQuery: new string('q', 300_000));

        n.Error!.Length.Should().Be(AuditNotification.MaxTextLength);
        n.FailedQuery!.Should().EndWith("...");
        Encoding.UTF8.GetByteCount(n.ToJson()).Should().BeLessThanOrEqualTo(AuditNotification.MaxBodyBytes);
    }

    [Fact]
    public void Pending_IsNotANotification()
    {
        var n = AuditNotification.Succeeded(Run, At) with { Status = AuditStatus.Pending };
        n.Validate().Should().Contain(p => p.Contains("Pending", StringComparison.Ordinal));
        ((Action)(() => AuditNotification.FromReport(
            AuditPlan.Seed("o", TimeSpan.FromHours(1)).Evaluate(Run, [], At), At))).Should().Throw<ArgumentException>().WithMessage("*pending*");
    }

    [Fact]
    public void Text_IsShortAndReadable()
    {
        var plan = AuditPlan.Seed("orders", TimeSpan.FromHours(1));
        var records = AuditLayers.SeedLayers.Select(l => new AuditRecord(Run, l, l == AuditLayers.RedshiftFinal ? 6 : 7, At));
        var n = AuditNotification.FromReport(plan.Evaluate(Run, records, At), At);

        n.ToText().Should().Be(
            "FAILED orders run 01KAMZ5T00ABCDEFGHJKMNPQRS\n" +
            "error: layer 'redshift_final' has 6 records, expected 7 (reference 's3_landing' has 7)\n" +
            "input_rows: 7, output_rows: 6\n" +
            "  s3_landing                7  REFERENCE\n" +
            "  s3_staging                7  PASSED\n" +
            "  redshift_staging          7  PASSED\n" +
            "  redshift_final            6  FAILED (expected 7)\n" +
            "time: 2023-11-15T04:35:22Z\n");
    }

    [Fact]
    public void Topics_RouteSuccessAndFailureSeparately()
    {
        var topics = new NotificationTopics("ok-topic", "bad-topic");
        topics.For(AuditStatus.Succeeded).Should().Be("ok-topic");
        topics.For(AuditStatus.Failed).Should().Be("bad-topic");
        NotificationTopics.Single("t").For(AuditStatus.Failed).Should().Be("t");
    }
}
