using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Airline.Pipeline.Audit;
using Airline.Pipeline.Audit.Tests;
using Airline.Pipeline.Aws.Tests.Support;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Aws.Tests.AuditStore;

/// <summary>The Audit package's store contract, against the DynamoDB store on dynalite (a fresh table per test).</summary>
public sealed class DynamoDbAuditStoreContractTests : AuditStoreContract, IDisposable
{
    private readonly AmazonDynamoDBClient _dynamo = DynamoDbEmulator.CreateClient();

    public void Dispose() => _dynamo.Dispose();

    protected override IAuditStore CreateStore()
    {
        var table = LocalAwsEndpoints.UniqueTableName("audit");
        DynamoDbTables.CreateAuditTableAsync(_dynamo, table).GetAwaiter().GetResult();
        return new DynamoDbAuditStore(_dynamo, table);
    }
}

public sealed class DynamoDbAuditStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly AmazonDynamoDBClient _dynamo = DynamoDbEmulator.CreateClient();
    private readonly string _table = LocalAwsEndpoints.UniqueTableName("audit");

    public async Task InitializeAsync() => await DynamoDbTables.CreateAuditTableAsync(_dynamo, _table);

    public Task DisposeAsync()
    {
        _dynamo.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Items_FollowAuditTableSchema_WithTtl()
    {
        var store = new DynamoDbAuditStore(_dynamo, _table, TimeSpan.FromDays(30));
        var run = RunId.NewRunId(TimeProvider.System);

        await store.TryPutRecordAsync(new AuditRecord(run, "s3_landing", 7, At) { Source = "s3://landing/incoming/flights.csv" });
        await store.TryRecordDecisionAsync(new AuditDecision(run, AuditStatus.Succeeded, At.AddMinutes(5), "all layers reconcile"));

        var layer = (await _dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = new() { ["pk"] = new() { S = run.Value }, ["sk"] = new() { S = "s3_landing" } },
            ConsistentRead = true,
        })).Item;
        var decision = (await _dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = new() { ["pk"] = new() { S = run.Value }, ["sk"] = new() { S = AuditTableSchema.DecisionSortKey } },
            ConsistentRead = true,
        })).Item;

        layer["count"].N.Should().Be("7");
        layer["attempt"].N.Should().Be("1");
        layer["recorded_at"].S.Should().Be("2026-11-22T10:00:00.0000000+00:00");
        layer["source"].S.Should().Be("s3://landing/incoming/flights.csv");
        layer["expires_at"].N.Should().Be(At.AddDays(30).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        decision["status"].S.Should().Be("SUCCEEDED");
        decision["summary"].S.Should().Be("all layers reconcile");
        decision["expires_at"].N.Should().Be(At.AddMinutes(5).AddDays(30).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task GetRecords_PagesThroughLargeRuns()
    {
        var store = new DynamoDbAuditStore(_dynamo, _table);
        var run = RunId.NewRunId(TimeProvider.System);
        var padding = new string('x', 60_000);
        for (var i = 0; i < 25; i++)
        {
            await store.TryPutRecordAsync(new AuditRecord(run, $"layer_{i:D2}", i, At) { Source = padding });
        }

        var records = await store.GetRecordsAsync(run);

        records.Should().HaveCount(25, "1 MB query pages are followed with LastEvaluatedKey");
    }

    [Fact]
    public async Task CreateAuditTable_IsIdempotent()
    {
        (await DynamoDbTables.CreateAuditTableAsync(_dynamo, _table)).Should().BeFalse();
    }

    [Fact]
    public async Task CreateAuditTable_WithTtl_SendsUpdateTimeToLive_RecordedExchange()
    {
        // dynalite has no TTL: the exchange is checked against a local endpoint that answers with AWS's recorded JSON.
        var keys = new ImmutableCredentials("AKIDTTL", "ttl-secret", null);
        using var server = new FakeAwsServer("us-east-1", "dynamodb", keys, FakeReply.Json("{}"));
        server.Enqueue(
            new FakeReply(200, "{\"TableDescription\":{\"TableName\":\"audit\",\"TableStatus\":\"CREATING\",\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}]}}", "application/x-amz-json-1.0"),
            new FakeReply(200, "{\"Table\":{\"TableName\":\"audit\",\"TableStatus\":\"ACTIVE\",\"ItemCount\":0}}", "application/x-amz-json-1.0"),
            new FakeReply(200, "{\"TimeToLiveSpecification\":{\"AttributeName\":\"expires_at\",\"Enabled\":true}}", "application/x-amz-json-1.0"));
        using var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials(keys.AccessKey, keys.SecretKey),
            new AmazonDynamoDBConfig { ServiceURL = server.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

        (await DynamoDbTables.CreateAuditTableAsync(client, "audit", enableTimeToLive: true)).Should().BeTrue();

        var requests = server.Requests.ToArray();
        requests.Select(r => r.Header("X-Amz-Target")).Should().Equal(
            "DynamoDB_20120810.CreateTable", "DynamoDB_20120810.DescribeTable", "DynamoDB_20120810.UpdateTimeToLive");
        requests[2].BodyText.Should().Be("{\"TableName\":\"audit\",\"TimeToLiveSpecification\":{\"AttributeName\":\"expires_at\",\"Enabled\":true}}");
        requests[0].BodyText.Should().Contain("\"BillingMode\":\"PAY_PER_REQUEST\"");
    }
}
