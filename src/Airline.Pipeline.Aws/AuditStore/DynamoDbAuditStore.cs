using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Airline.Pipeline.Audit;

namespace Airline.Pipeline.Aws;

/// <summary>
/// The Audit package's <see cref="IAuditStore"/> on DynamoDB (the item layout of <see cref="AuditTableSchema"/>):
/// <c>pk</c> = run id, <c>sk</c> = layer name, or <see cref="AuditTableSchema.DecisionSortKey"/> for the run's result
/// item. Layer writes are conditional on <c>attribute_not_exists(pk) OR attempt &lt; :a</c>, the decision is written
/// once (<c>attribute_not_exists(pk)</c>), reads are consistent, and items can carry a TTL attribute.
/// </summary>
public sealed class DynamoDbAuditStore : IAuditStore
{
    private readonly IAmazonDynamoDB _dynamo;

    /// <summary>Creates a store.</summary>
    /// <param name="dynamo">The DynamoDB client (its lifetime is the caller's).</param>
    /// <param name="tableName">The audit table (<see cref="DynamoDbTables.CreateAuditTableAsync"/>).</param>
    /// <param name="timeToLive">
    /// When set, items carry <see cref="AuditTableSchema.ExpiresAt"/> = recorded (or decided) at + this, in epoch seconds.
    /// </param>
    public DynamoDbAuditStore(IAmazonDynamoDB dynamo, string tableName, TimeSpan? timeToLive = null)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        if (timeToLive is { } ttl && ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), ttl, "the audit TTL must be positive (or null for no TTL).");
        }

        _dynamo = dynamo;
        TableName = tableName;
        TimeToLive = timeToLive;
    }

    /// <summary>The table.</summary>
    public string TableName { get; }

    /// <summary>The TTL of items, if any.</summary>
    public TimeSpan? TimeToLive { get; }

    /// <inheritdoc />
    public async ValueTask<bool> TryPutRecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await _dynamo.PutItemAsync(
                new PutItemRequest
                {
                    TableName = TableName,
                    Item = AuditItems.FromRecord(record, TimeToLive),
                    ConditionExpression = $"attribute_not_exists({AuditTableSchema.PartitionKey}) OR #attempt < :a",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#attempt"] = AuditTableSchema.Attempt },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":a"] = AuditItems.Number(record.Attempt) },
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AuditRecord>> GetRecordsAsync(RunId runId, CancellationToken cancellationToken = default)
    {
        var records = new List<AuditRecord>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var response = await _dynamo.QueryAsync(
                new QueryRequest
                {
                    TableName = TableName,
                    KeyConditionExpression = "#pk = :pk",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = AuditTableSchema.PartitionKey },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = runId.Value } },
                    ConsistentRead = true,
                    ExclusiveStartKey = startKey,
                },
                cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                if (item[AuditTableSchema.SortKey].S != AuditTableSchema.DecisionSortKey)
                {
                    records.Add(AuditItems.ToRecord(item));
                }
            }

            startKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (startKey is not null);

        return records;
    }

    /// <inheritdoc />
    public async ValueTask<AuditDecision?> GetDecisionAsync(RunId runId, CancellationToken cancellationToken = default)
    {
        var response = await _dynamo.GetItemAsync(
            new GetItemRequest { TableName = TableName, Key = AuditItems.DecisionKey(runId), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? AuditItems.ToDecision(item) : null;
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryRecordDecisionAsync(AuditDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        try
        {
            await _dynamo.PutItemAsync(
                new PutItemRequest
                {
                    TableName = TableName,
                    Item = AuditItems.FromDecision(decision, TimeToLive),
                    ConditionExpression = $"attribute_not_exists({AuditTableSchema.PartitionKey})",
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask MarkNotifiedAsync(RunId runId, string notificationId, DateTimeOffset notifiedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(notificationId);
        try
        {
            await _dynamo.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = TableName,
                    Key = AuditItems.DecisionKey(runId),
                    UpdateExpression = "SET #notified = :at, #id = :id",
                    ConditionExpression = $"attribute_exists({AuditTableSchema.PartitionKey}) AND attribute_not_exists(#notified)",
                    ExpressionAttributeNames = new Dictionary<string, string>
                    {
                        ["#notified"] = AuditTableSchema.NotifiedAt,
                        ["#id"] = AuditTableSchema.NotificationId,
                    },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                    {
                        [":at"] = new() { S = AuditItems.Time(notifiedAt) },
                        [":id"] = new() { S = notificationId },
                    },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // No decision, or already marked: nothing to do, by contract.
        }
    }
}
