using System.Globalization;
using System.Text;
using Airline.Pipeline.EventPatterns;
using Airline.Pipeline.EventPatterns.Matching;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Airline.Pipeline.Benchmarks.EventPatterns;

/// <summary>
/// Events per second for 1, 100 and 1,000 rules of one operator family, matching a ~1 KB S3 "Object Created"
/// event. Exactly one rule of each set matches (anything-but: all but one), so the ratio to the one-rule
/// baseline is the cost of having more rules.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class EventMatcherBenchmarks
{
    private static readonly byte[] Event = Encoding.UTF8.GetBytes(EventJson());
    private readonly List<string> _results = new(1024);
    private EventMatcher _one = null!;
    private EventMatcher _hundred = null!;
    private EventMatcher _thousand = null!;

    [Params("exact", "prefix", "suffix", "equals-ignore-case", "anything-but", "numeric", "exists", "cidr", "wildcard", "$or")]
    public string Family { get; set; } = "exact";

    public static int EventBytes => Event.Length;

    [GlobalSetup]
    public void Setup()
    {
        _one = Compile(1);
        _hundred = Compile(100);
        _thousand = Compile(1000);
        if (Run(_thousand) == 0)
        {
            throw new InvalidOperationException("no rule matched: " + Family);
        }
    }

    [Benchmark(Baseline = true, Description = "1 rule")]
    public int OneRule() => Run(_one);

    [Benchmark(Description = "100 rules")]
    public int HundredRules() => Run(_hundred);

    [Benchmark(Description = "1,000 rules")]
    public int ThousandRules() => Run(_thousand);

    private int Run(EventMatcher matcher)
    {
        _results.Clear();
        return matcher.Match(Event, _results);
    }

    private EventMatcher Compile(int count) =>
        EventMatcher.Compile(Enumerable.Range(0, count).Select(i => new KeyValuePair<string, EventPattern>("rule-" + i.ToString(CultureInfo.InvariantCulture), EventPattern.Parse(Rule(i)))));

    private string Rule(int i) => Template().Replace("{i}", Invariant(i), StringComparison.Ordinal)
        .Replace("{i+1}", Invariant(i + 1), StringComparison.Ordinal)
        .Replace("{lo}", Invariant(i * 1000), StringComparison.Ordinal)
        .Replace("{hi}", Invariant((i + 1) * 1000), StringComparison.Ordinal)
        .Replace("{a}", Invariant(i / 256), StringComparison.Ordinal)
        .Replace("{b}", Invariant(i % 256), StringComparison.Ordinal);

    private string Template() => Family switch
    {
        "exact" => """{"source":["aws.s3"],"detail":{"bucket":{"name":["bucket-{i}"]}}}""",
        "prefix" => """{"detail":{"object":{"key":[{"prefix":"incoming-{i}/"}]}}}""",
        "suffix" => """{"detail":{"object":{"key":[{"suffix":"-{i}.csv"}]}}}""",
        "equals-ignore-case" => """{"detail":{"bucket":{"name":[{"equals-ignore-case":"BUCKET-{i}"}]}}}""",
        "anything-but" => """{"detail":{"requester":[{"anything-but":["requester-{i+1}"]}]}}""",
        "numeric" => """{"detail":{"object":{"size":[{"numeric":[">=",{lo},"<",{hi}]}]}}}""",
        "exists" => """{"detail":{"tag-{i}":[{"exists":true}]}}""",
        "cidr" => """{"detail":{"source-ip-address":[{"cidr":"10.{a}.{b}.0/24"}]}}""",
        "wildcard" => """{"detail":{"object":{"key":[{"wildcard":"incoming-{i}/*/orders-*.csv"}]}}}""",
        "$or" => """{"$or":[{"detail":{"bucket":{"name":["bucket-{i}"]}}},{"detail":{"object":{"key":[{"prefix":"incoming-{i}/x"}]}}}]}""",
        _ => throw new InvalidOperationException(Family),
    };

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string EventJson() => """
        {
          "version": "0",
          "id": "17793124-05d4-b198-2fde-7ededc63b103",
          "detail-type": "Object Created",
          "source": "aws.s3",
          "account": "111122223333",
          "time": "2026-11-22T00:00:00Z",
          "region": "us-east-1",
          "resources": ["arn:aws:s3:::bucket-0"],
          "detail": {
            "version": "0",
            "bucket": {"name": "bucket-0"},
            "object": {
              "key": "incoming-0/2026/11/22/orders-0.csv",
              "size": 500,
              "etag": "b1946ac92492d2347c6235b4d2611184",
              "version-id": "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e",
              "sequencer": "617f08299329d189"
            },
            "request-id": "N4N7GDK58NMKJ12R",
            "requester": "requester-0",
            "source-ip-address": "10.0.0.33",
            "reason": "PutObject",
            "tag-0": "present",
            "userIdentity": {"type": "AssumedRole", "principalId": "AROAEXAMPLE:session", "arn": "arn:aws:sts::111122223333:assumed-role/loader/session"},
            "requestParameters": {"sourceIPAddress": "10.0.0.33", "host": "bucket-0.s3.us-east-1.amazonaws.com", "x-amz-server-side-encryption": "AES256"},
            "responseElements": {"x-amz-request-id": "N4N7GDK58NMKJ12R", "x-amz-id-2": "IOWQ4fDEXAMPLEQM+ey7N9WgVhSnQ6JEXAMPLEZb7hSQDASK+Jd1vEXAMPLEa3Km"},
            "additionalEventData": {"SignatureVersion": "SigV4", "CipherSuite": "ECDHE-RSA-AES128-GCM-SHA256", "bytesTransferredIn": 500}
          }
        }
        """;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(StatisticColumn.Min, new EventsPerSecondColumn());
            SummaryStyle = SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend);
        }
    }

    /// <summary>Events per second on one core: 1 / mean time.</summary>
    private sealed class EventsPerSecondColumn : IColumn
    {
        public string Id => "EventsPerSecond";

        public string ColumnName => "Events/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Events matched per second on one core (1 / mean)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            var mean = report?.ResultStatistics?.Mean;
            return mean is > 0 ? (1e9 / mean.Value).ToString("N0", CultureInfo.InvariantCulture) : "-";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
