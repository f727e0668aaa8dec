using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Web;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Airline.Pipeline.Audit;
using Airline.Pipeline.Aws.DependencyInjection;
using Airline.Pipeline.Aws.Glue;
using Airline.Pipeline.Aws.Ledger;
using Airline.Pipeline.Aws.Sns;
using Airline.Pipeline.Aws.Storage;
using Airline.Pipeline.Aws.Tests.Support;
using Airline.Pipeline.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Airline.Pipeline.Aws.Tests.DependencyInjection;

public sealed partial class AddAirlinePipelineAwsTests
{
    private const string EmulatorSecret = "emulator-secret-value";

    private static string ReadmeJson()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "readme", "Aws.md"));
        return JsonBlock().Match(readme).Groups[1].Value;
    }

    private static IConfiguration Configuration(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private static void Validate(ServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public void ReadmeAppSettings_BindValidateAndRegisterEveryAdapterAgainstItsPort()
    {
        var services = new ServiceCollection();
        services.AddPipelineAudit();
        services.AddAirlinePipelineAws(Configuration(ReadmeJson()));
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDREADME", EmulatorSecret));
        using var provider = services.BuildServiceProvider();

        Validate(provider);
        var options = provider.GetRequiredService<IOptions<AirlineAwsOptions>>().Value;
        options.Region.Should().Be("eu-west-1");
        options.Glue.JobArguments.Should().ContainKey("--job-bookmark-option");
        options.Glue.OverallTimeout.Should().Be(TimeSpan.FromHours(2));
        options.DynamoDb.TimeToLive.Should().Be(TimeSpan.FromDays(90));
        provider.GetRequiredService<IObjectStore>().Should().BeOfType<S3ObjectStore>();
        provider.GetRequiredService<FileRouter>().Options.FailedPrefix.Should().Be("failed/");
        provider.GetRequiredService<IProcessedFilesLedger>().Should().BeOfType<DynamoDbProcessedFilesLedger>()
            .Which.TableName.Should().Be("airline-processed-files");
        provider.GetRequiredService<IGlueClient>().Should().BeOfType<GlueClient>()
            .Which.Endpoint.Should().Be(new Uri("https://glue.eu-west-1.amazonaws.com/"));
        provider.GetRequiredService<GlueWorkflowRunner>().Should().NotBeNull();
        provider.GetRequiredService<SnsClient>().Endpoint.Should().Be(new Uri("https://sns.eu-west-1.amazonaws.com/"));
        provider.GetRequiredService<INotificationPublisher>().Should().BeOfType<SnsNotificationPublisher>();
        provider.GetRequiredService<IAuditStore>().Should().BeOfType<DynamoDbAuditStore>()
            .Which.TimeToLive.Should().Be(TimeSpan.FromDays(90));
        provider.GetRequiredService<IAmazonS3>().Config.RegionEndpoint.SystemName.Should().Be("eu-west-1");
    }

    [Fact]
    public void AuditPorts_AreReplaced_WhicheverAddCallComesFirst()
    {
        var services = new ServiceCollection();
        services.AddAirlinePipelineAws(o =>
        {
            o.Region = "us-east-1";
            o.DynamoDb.AuditTableName = "audit";
        });
        services.AddPipelineAudit();
        services.AddAirlinePipelineAws(o => o.Region = "us-east-1");
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDORDER", EmulatorSecret));
        using var provider = services.BuildServiceProvider();

        provider.GetServices<IAuditStore>().Should().ContainSingle().Which.Should().BeOfType<DynamoDbAuditStore>();
        provider.GetServices<INotificationPublisher>().Should().ContainSingle().Which.Should().BeOfType<SnsNotificationPublisher>();
    }

    [Fact]
    public void WithoutAuditTableOrWorkflowNames_AuditStoreStaysAndRunnerIsAbsent()
    {
        var services = new ServiceCollection();
        services.AddPipelineAudit();
        services.AddAirlinePipelineAws(o =>
        {
            o.Region = "us-east-1";
            o.Sns.UseForAuditNotifications = false;
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IAuditStore>().Should().BeOfType<InMemoryAuditStore>();
        provider.GetRequiredService<INotificationPublisher>().Should().NotBeOfType<SnsNotificationPublisher>();
        provider.GetService<GlueWorkflowRunner>().Should().BeNull();
        provider.GetRequiredService<IProcessedFilesLedger>().Should().BeOfType<InMemoryProcessedFilesLedger>();
    }

    [Fact]
    public async Task LocalSettings_RegisterTheTwins_SoTheSameCompositionRunsWithoutAws()
    {
        var root = Path.Combine(Path.GetTempPath(), "airline-aws-tests", Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddAirlinePipelineAws(o =>
        {
            o.Region = "us-east-1";
            o.S3.LocalRootDirectory = Path.Combine(root, "buckets");
            o.DynamoDb.LedgerFilePath = Path.Combine(root, "state", "processed.jsonl");
        });
        await using var provider = services.BuildServiceProvider();
        Validate(provider);

        var store = provider.GetRequiredService<IObjectStore>();
        var ledger = provider.GetRequiredService<IProcessedFilesLedger>();
        var landed = await store.WriteBytesAsync("landing", "incoming/flights.csv", "YEAR\n2015\n"u8.ToArray());
        var processed = await ledger.ProcessOnceAsync(landed, ct => provider.GetRequiredService<FileRouter>().ArchiveAsync("landing", landed.Key, ct));

        store.Should().BeOfType<LocalFolderObjectStore>();
        ledger.Should().BeOfType<JsonLinesProcessedFilesLedger>();
        processed.Should().BeTrue();
        File.Exists(Path.Combine(root, "buckets", "landing", "archive", "flights.csv")).Should().BeTrue();
        File.ReadAllText(Path.Combine(root, "state", "processed.jsonl")).Should().Contain(landed.ETag);
        ((IDisposable)ledger).Dispose();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void InvalidOptions_FailAtStart_ListingEveryBadValue()
    {
        const string json = """
        {
          "Airline": { "Aws": {
            "Region": "Europe",
            "S3": { "ServiceUrl": "ftp://files", "PartSizeBytes": 1024 },
            "Router": { "ArchivePrefix": "archive" },
            "Glue": { "CrawlerName": "crawler", "NumberOfWorkers": 2, "JobPollInterval": "00:00:00" },
            "Sns": { "Topics": { "pipeline-audit": "airline-audit" } },
            "DynamoDb": { "AuditTableName": "a" },
            "Retry": { "MaxAttempts": 0 }
          } }
        }
        """;
        var services = new ServiceCollection();
        services.AddAirlinePipelineAws(Configuration(json));
        using var provider = services.BuildServiceProvider();

        var act = () => Validate(provider);

        var failures = act.Should().Throw<OptionsValidationException>().Which.Failures.ToList();
        failures.Should().Contain(f => f.Contains("Airline:Aws:Region is 'Europe'", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("S3:ServiceUrl is 'ftp://files/'", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("S3:PartSizeBytes is 1024", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Router:ArchivePrefix is 'archive'", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Glue:CrawlerName is 'crawler' and Glue:JobName is ''", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Glue:NumberOfWorkers is '2'", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Glue:JobPollInterval is 00:00:00", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Sns:Topics:pipeline-audit is 'airline-audit'", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("DynamoDb:AuditTableName is 'a'", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Retry:MaxAttempts is 0", StringComparison.Ordinal));
        failures.Should().HaveCount(10);
    }

    [Fact]
    public async Task Emulators_EndToEnd_ObjectStoreLedgerAndAuditStoreThroughTheContainer()
    {
        var table = LocalAwsEndpoints.UniqueTableName("di-audit");
        var ledgerTable = LocalAwsEndpoints.UniqueTableName("di-ledger");
        var services = new ServiceCollection();
        services.AddPipelineAudit();
        services.AddAirlinePipelineAws(o =>
        {
            o.Region = LocalAwsEndpoints.Region;
            o.S3.ServiceUrl = LocalAwsEndpoints.S3;
            o.S3.ForcePathStyle = true;
            o.DynamoDb.ServiceUrl = LocalAwsEndpoints.DynamoDb;
            o.DynamoDb.AuditTableName = table;
            o.DynamoDb.LedgerTableName = ledgerTable;
        });
        // s3rver checks signatures against its own key; dynalite accepts any: one pair serves both here.
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials(LocalAwsEndpoints.S3AccessKey, LocalAwsEndpoints.S3SecretKey));
        await using var provider = services.BuildServiceProvider();
        Validate(provider);
        var s3 = (AmazonS3Client)provider.GetRequiredService<IAmazonS3>();
        var dynamo = provider.GetRequiredService<IAmazonDynamoDB>();
        await DynamoDbTables.CreateAuditTableAsync(dynamo, table);
        await DynamoDbTables.CreateLedgerTableAsync(dynamo, ledgerTable);
        var bucket = await S3Emulator.CreateBucketAsync(s3);

        var store = provider.GetRequiredService<IObjectStore>();
        var landed = await store.WriteBytesAsync(bucket, "incoming/flights.csv", "YEAR\n2015\n"u8.ToArray());
        var ledger = provider.GetRequiredService<IProcessedFilesLedger>();
        var first = await ledger.ProcessOnceAsync(landed, ct => provider.GetRequiredService<FileRouter>().ArchiveAsync(bucket, landed.Key, ct));
        var second = await ledger.ProcessOnceAsync(landed, _ => throw new InvalidOperationException("a duplicate must not be processed"));
        var run = RunId.NewRunId(TimeProvider.System);
        var recorded = await provider.GetRequiredService<IAuditStore>().TryPutRecordAsync(new AuditRecord(run, "s3_landing", 1, DateTimeOffset.UtcNow));

        first.Should().BeTrue();
        second.Should().BeFalse();
        (await store.HeadAsync(bucket, "archive/flights.csv")).Should().NotBeNull();
        recorded.Should().BeTrue();
        (await provider.GetRequiredService<IAuditStore>().GetRecordsAsync(run)).Should().ContainSingle();
    }

    [Fact]
    public async Task SnsPublisher_ThroughTheContainer_PublishesTheAuditNotification()
    {
        var keys = new ImmutableCredentials("AKIDDISNS", EmulatorSecret, null);
        using var server = new FakeAwsServer("eu-west-1", "sns", keys, FakeReply.Xml(Sns.SnsClientTests.PublishReply));
        var services = new ServiceCollection();
        services.AddPipelineAudit();
        services.AddAirlinePipelineAws(o =>
        {
            o.Region = "eu-west-1";
            o.Sns.ServiceUrl = server.Endpoint;
            o.Sns.Topics["pipeline-audit"] = Sns.SnsClientTests.TopicArn;
        });
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials(keys.AccessKey, keys.SecretKey));
        await using var provider = services.BuildServiceProvider();
        var run = RunId.NewRunId(TimeProvider.System);
        var notification = AuditNotification.Failed(run, DateTimeOffset.UnixEpoch, "layer 'redshift_final' has 6 records, expected 7") with
        {
            Pipeline = "airline",
        };

        var messageId = await provider.GetRequiredService<INotificationPublisher>().PublishAsync("pipeline-audit", notification);

        messageId.Should().Be("94f20ce6-13c5-43a0-9a9e-ca52d816e90b");
        var request = server.Requests.Single();
        request.SignatureVerified.Should().BeTrue(request.SignatureProblem);
        var form = HttpUtility.ParseQueryString(request.BodyText);
        form["TopicArn"].Should().Be(Sns.SnsClientTests.TopicArn);
        form["Subject"].Should().Be(notification.Subject);
        using (var body = JsonDocument.Parse(form["Message"]!))
        {
            AuditNotification.FromJson(form["Message"]!).RunId.Should().Be(run);
        }

        form.AllKeys.Where(k => k!.EndsWith(".Name", StringComparison.Ordinal)).Select(k => form[k]).Should().Equal("pipeline", "run_id", "status");
        form["MessageAttributes.entry.3.Value.StringValue"].Should().Be("FAILED");
        request.BodyText.Should().NotContain(EmulatorSecret);
    }

    [Fact]
    public async Task SnsPublisher_UnknownLocalTopic_NamesTheKnownOnes()
    {
        var services = new ServiceCollection();
        services.AddAirlinePipelineAws(o =>
        {
            o.Region = "eu-west-1";
            o.Sns.Topics["pipeline-audit"] = Sns.SnsClientTests.TopicArn;
        });
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDX", EmulatorSecret));
        await using var provider = services.BuildServiceProvider();
        var notification = AuditNotification.Failed(RunId.NewRunId(TimeProvider.System), DateTimeOffset.UnixEpoch, "boom");

        var act = async () => await provider.GetRequiredService<INotificationPublisher>().PublishAsync("orders-audit", notification);

        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*'orders-audit'*'pipeline-audit'*");
    }

    [GeneratedRegex("```json\\s*\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
