using Airline.Pipeline.TestSupport;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace Airline.Pipeline.TestSupport.Tests;

public sealed class DynaliteFixtureTests
{
    [Fact]
    public async Task PutItem_then_GetItem_round_trips_through_dynalite()
    {
        using var dynamo = new AmazonDynamoDBClient(
            new BasicAWSCredentials(LocalAwsEndpoints.DynamoDbAccessKey, LocalAwsEndpoints.DynamoDbSecretKey),
            new AmazonDynamoDBConfig { ServiceURL = LocalAwsEndpoints.DynamoDb.ToString(), AuthenticationRegion = LocalAwsEndpoints.Region });
        var table = LocalAwsEndpoints.UniqueTableName("audit");
        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            AttributeDefinitions = [new("pk", ScalarAttributeType.S), new("sk", ScalarAttributeType.S)],
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });

        await dynamo.PutItemAsync(table, new Dictionary<string, AttributeValue>
        {
            ["pk"] = new("run#01J"),
            ["sk"] = new("layer#landing"),
            ["count"] = new() { N = "7" },
        });

        var got = await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new() { ["pk"] = new("run#01J"), ["sk"] = new("layer#landing") },
            ConsistentRead = true,
        });
        got.Item["count"].N.Should().Be("7");
    }
}
