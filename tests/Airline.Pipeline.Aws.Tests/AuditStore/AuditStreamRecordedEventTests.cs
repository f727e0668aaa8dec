using System.Text;
using System.Text.Json;
using System.Web;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Airline.Pipeline.Audit;
using Airline.Pipeline.Aws.Tests.Support;
using Airline.Pipeline.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Airline.Pipeline.Aws.Tests.AuditStore;

/// <summary>
/// dynalite has no Streams: the items the DynamoDB store wrote to dynalite are wrapped in a DynamoDB Streams Lambda
/// event of the recorded shape (NEW_AND_OLD_IMAGES) and handed to the Audit package's stream handler, which reconciles
/// through the DynamoDB store and publishes through the SNS publisher (to a signature-checking local endpoint).
/// </summary>
public sealed class AuditStreamRecordedEventTests
{
    private const string TopicArn = "arn:aws:sns:us-east-1:123456789012:airline-pipeline-audit";
    private static readonly ImmutableCredentials Keys = new("AKIDSTREAM", "stream-secret", null);

    [Fact]
    public async Task StreamEventOfStoreItems_ReconcilesOnce_PublishesThroughSns_AndIgnoresTtlRemovals()
    {
        using var sns = new FakeAwsServer("us-east-1", "sns", Keys, FakeReply.Xml(Sns.SnsClientTests.PublishReply));
        var table = LocalAwsEndpoints.UniqueTableName("stream");
        var services = new ServiceCollection();
        services.AddPipelineAudit(o => o.PipelineName = "airline");
        services.AddAirlinePipelineAws(o =>
        {
            o.Region = "us-east-1";
            o.DynamoDb.ServiceUrl = LocalAwsEndpoints.DynamoDb;
            o.DynamoDb.AuditTableName = table;
            o.DynamoDb.TimeToLive = TimeSpan.FromDays(90);
            o.Sns.ServiceUrl = sns.Endpoint;
            o.Sns.Topics["pipeline-audit"] = TopicArn;
        });
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials(Keys.AccessKey, Keys.SecretKey));
        await using var provider = services.BuildServiceProvider();
        var dynamo = provider.GetRequiredService<IAmazonDynamoDB>();
        await DynamoDbTables.CreateAuditTableAsync(dynamo, table);
        var store = provider.GetRequiredService<IAuditStore>();
        var run = RunId.NewRunId(TimeProvider.System);
        foreach (var layer in AuditLayers.SeedLayers)
        {
            await store.TryPutRecordAsync(new AuditRecord(run, layer, 7, DateTimeOffset.UtcNow));
        }

        var items = (await dynamo.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new() { S = run.Value } },
            ConsistentRead = true,
        })).Items;
        var insertEvent = LambdaEvent(table, items.Select((item, i) => StreamRecord("INSERT", i, item, ttl: false)));
        var handler = provider.GetRequiredService<AuditStreamHandler>();

        var first = await handler.HandleAsync(insertEvent);
        var again = await handler.HandleAsync(insertEvent);
        var ttlRemoval = await handler.HandleAsync(LambdaEvent(table, [StreamRecord("REMOVE", 9, items[0], ttl: true)]));

        first.Notified.Should().Be(1);
        first.FailedSequenceNumbers.Should().BeEmpty();
        again.Notified.Should().Be(0, "the decision is claimed once in DynamoDB");
        ttlRemoval.Notified.Should().Be(0);
        ttlRemoval.FailedSequenceNumbers.Should().BeEmpty();
        var publish = sns.Requests.Should().ContainSingle().Subject;
        publish.SignatureVerified.Should().BeTrue(publish.SignatureProblem);
        var form = HttpUtility.ParseQueryString(publish.BodyText);
        form["TopicArn"].Should().Be(TopicArn);
        AuditNotification.FromJson(form["Message"]!).Status.Should().Be(AuditStatus.Succeeded);
        var decision = await store.GetDecisionAsync(run);
        decision!.Status.Should().Be(AuditStatus.Succeeded);
        decision.NotificationId.Should().Be("94f20ce6-13c5-43a0-9a9e-ca52d816e90b");
        items.Should().OnlyContain(item => item.ContainsKey("expires_at"));
    }

    private static string LambdaEvent(string table, IEnumerable<string> records) =>
        ("{\"Records\":[" + string.Join(",", records) + "]}").Replace("TABLE", table, StringComparison.Ordinal);

    // The shape of a DynamoDB Streams record as Lambda delivers it (eventVersion 1.1); TTL deletions carry the
    // service principal in userIdentity.
    private static string StreamRecord(string eventName, int index, Dictionary<string, AttributeValue> item, bool ttl)
    {
        var keys = $"{{\"pk\":{{\"S\":{JsonSerializer.Serialize(item["pk"].S)}}},\"sk\":{{\"S\":{JsonSerializer.Serialize(item["sk"].S)}}}}}";
        var image = eventName == "REMOVE" ? "\"OldImage\":" + Image(item) : "\"NewImage\":" + Image(item);
        var identity = ttl ? ",\"userIdentity\":{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}" : string.Empty;
        return $"{{\"eventID\":\"c4ca4238a0b923820dcc509a6f75849{index}\",\"eventName\":\"{eventName}\",\"eventVersion\":\"1.1\"," +
            "\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\"," +
            $"\"dynamodb\":{{\"ApproximateCreationDateTime\":1763805600,\"Keys\":{keys},{image}," +
            $"\"SequenceNumber\":\"11100000000000000000{index}\",\"SizeBytes\":120,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}," +
            "\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:123456789012:table/TABLE/stream/2026-11-22T10:00:00.000\"" + identity + "}";
    }

    private static string Image(Dictionary<string, AttributeValue> item)
    {
        var json = new StringBuilder("{");
        foreach (var (name, value) in item)
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            json.Append(JsonSerializer.Serialize(name)).Append(':').Append(Value(value));
        }

        return json.Append('}').ToString();
    }

    private static string Value(AttributeValue value) =>
        value.S is not null ? $"{{\"S\":{JsonSerializer.Serialize(value.S)}}}"
        : value.N is not null ? $"{{\"N\":{JsonSerializer.Serialize(value.N)}}}"
        : value.M is not null ? $"{{\"M\":{Image(value.M)}}}"
        : throw new NotSupportedException("the audit items hold S, N and M attributes only");
}
