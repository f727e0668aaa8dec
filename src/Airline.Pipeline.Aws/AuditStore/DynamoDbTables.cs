using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Airline.Pipeline.Audit;

namespace Airline.Pipeline.Aws;

/// <summary>
/// Creates the tables the DynamoDB adapters use (tests and first runs; production tables usually come from
/// infrastructure code): string <c>pk</c> (hash) and <c>sk</c> (range), on-demand billing, optionally TTL on
/// <c>expires_at</c>. Idempotent: an existing table is left as it is.
/// </summary>
public static class DynamoDbTables
{
    /// <summary>Creates the audit table (<see cref="DynamoDbAuditStore"/>) if it does not exist and waits until it is active.</summary>
    /// <param name="dynamo">The client.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="enableTimeToLive">Also turn on TTL on <see cref="AuditTableSchema.ExpiresAt"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True when this call created the table.</returns>
    public static Task<bool> CreateAuditTableAsync(IAmazonDynamoDB dynamo, string tableName, bool enableTimeToLive = false, CancellationToken cancellationToken = default) =>
        CreateAsync(dynamo, tableName, enableTimeToLive, cancellationToken);

    /// <summary>Creates the processed-files ledger table (<c>pk</c> = <c>s3://bucket/key</c>, <c>sk</c> = ETag).</summary>
    /// <param name="dynamo">The client.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="enableTimeToLive">Also turn on TTL on <c>expires_at</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True when this call created the table.</returns>
    public static Task<bool> CreateLedgerTableAsync(IAmazonDynamoDB dynamo, string tableName, bool enableTimeToLive = false, CancellationToken cancellationToken = default) =>
        CreateAsync(dynamo, tableName, enableTimeToLive, cancellationToken);

    private static async Task<bool> CreateAsync(IAmazonDynamoDB dynamo, string tableName, bool enableTimeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        var created = true;
        try
        {
            await dynamo.CreateTableAsync(
                new CreateTableRequest
                {
                    TableName = tableName,
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                    AttributeDefinitions =
                    [
                        new AttributeDefinition(AuditTableSchema.PartitionKey, ScalarAttributeType.S),
                        new AttributeDefinition(AuditTableSchema.SortKey, ScalarAttributeType.S),
                    ],
                    KeySchema =
                    [
                        new KeySchemaElement(AuditTableSchema.PartitionKey, KeyType.HASH),
                        new KeySchemaElement(AuditTableSchema.SortKey, KeyType.RANGE),
                    ],
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            created = false;
        }

        for (var attempt = 0; ; attempt++)
        {
            var description = await dynamo.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
            if (description.Table.TableStatus == TableStatus.ACTIVE)
            {
                break;
            }

            if (attempt >= 120)
            {
                throw new TimeoutException($"DynamoDB table '{tableName}' is still {description.Table.TableStatus} after 60 s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }

        if (enableTimeToLive)
        {
            await dynamo.UpdateTimeToLiveAsync(
                new UpdateTimeToLiveRequest
                {
                    TableName = tableName,
                    TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = AuditTableSchema.ExpiresAt, Enabled = true },
                },
                cancellationToken).ConfigureAwait(false);
        }

        return created;
    }
}
