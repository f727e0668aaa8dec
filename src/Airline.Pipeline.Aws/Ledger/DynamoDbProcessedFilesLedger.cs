using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Airline.Pipeline.Aws.Storage;

namespace Airline.Pipeline.Aws.Ledger;

/// <summary>
/// A ledger in a DynamoDB table (<see cref="DynamoDbTables.CreateLedgerTableAsync"/>): <c>pk</c> = <c>s3://bucket/key</c>,
/// <c>sk</c> = ETag, written with <c>attribute_not_exists(pk)</c>, read with consistent reads.
/// </summary>
public sealed class DynamoDbProcessedFilesLedger : IProcessedFilesLedger
{
    private readonly IAmazonDynamoDB _dynamo;

    /// <summary>Creates a ledger.</summary>
    /// <param name="dynamo">The DynamoDB client (its lifetime is the caller's).</param>
    /// <param name="tableName">The table.</param>
    /// <param name="timeToLive">When set, entries carry <c>expires_at</c> = processed at + this (epoch seconds, for DynamoDB TTL).</param>
    public DynamoDbProcessedFilesLedger(IAmazonDynamoDB dynamo, string tableName, TimeSpan? timeToLive = null)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        _dynamo = dynamo;
        TableName = tableName;
        TimeToLive = timeToLive;
    }

    /// <summary>The table.</summary>
    public string TableName { get; }

    /// <summary>The TTL of entries, if any.</summary>
    public TimeSpan? TimeToLive { get; }

    /// <inheritdoc />
    public async ValueTask<ProcessedFile?> FindAsync(string bucket, string key, string eTag, CancellationToken cancellationToken = default)
    {
        var response = await _dynamo.GetItemAsync(
            new GetItemRequest
            {
                TableName = TableName,
                Key = new Dictionary<string, AttributeValue>
                {
                    ["pk"] = new() { S = $"s3://{bucket}/{key}" },
                    ["sk"] = new() { S = ObjectInfo.NormalizeETag(eTag) },
                },
                ConsistentRead = true,
            },
            cancellationToken).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        return new ProcessedFile(
            item["bucket"].S,
            item["key"].S,
            item["sk"].S,
            DateTimeOffset.Parse(item["processed_at"].S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            item.TryGetValue("run_id", out var run) ? run.S : null);
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryRecordAsync(ProcessedFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.Validate();
        var eTag = ObjectInfo.NormalizeETag(file.ETag);
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = $"s3://{file.Bucket}/{file.Key}" },
            ["sk"] = new() { S = eTag },
            ["bucket"] = new() { S = file.Bucket },
            ["key"] = new() { S = file.Key },
            ["processed_at"] = new() { S = file.ProcessedAt.ToString("O", CultureInfo.InvariantCulture) },
        };
        if (file.RunId is not null)
        {
            item["run_id"] = new() { S = file.RunId };
        }

        if (TimeToLive is { } ttl)
        {
            item["expires_at"] = new() { N = (file.ProcessedAt + ttl).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
        }

        try
        {
            await _dynamo.PutItemAsync(
                new PutItemRequest { TableName = TableName, Item = item, ConditionExpression = "attribute_not_exists(pk)" },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
