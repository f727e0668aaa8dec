using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Airline.Pipeline.Aws.Storage;

namespace Airline.Pipeline.Aws.Ledger;

/// <summary>
/// A ledger in a warehouse table (the seeds' control table), over any ADO.NET provider the host opens (Npgsql for
/// PostgreSQL or Redshift, Microsoft.Data.Sqlite, ...): portable SQL only, <c>INSERT ... SELECT ... WHERE NOT EXISTS</c>
/// for the conditional write, <c>@name</c> parameters.
/// </summary>
/// <remarks>
/// The primary key (bucket, object_key, etag) makes concurrent duplicates lose on PostgreSQL and SQLite. Redshift does
/// not enforce primary keys: there, two workers recording the same object in the same instant can both succeed, so
/// give each object one worker (as the S3 event does) or use the DynamoDB ledger.
/// </remarks>
public sealed partial class DbProcessedFilesLedger : IProcessedFilesLedger
{
    private readonly Func<CancellationToken, Task<DbConnection>> _open;

    /// <summary>Creates a ledger over a data source.</summary>
    /// <param name="dataSource">The data source (its lifetime is the caller's).</param>
    /// <param name="tableName">The table, optionally schema-qualified. Default <c>processed_files</c>.</param>
    public DbProcessedFilesLedger(DbDataSource dataSource, string tableName = "processed_files")
        : this(ct => OpenAsync(dataSource, ct), tableName)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
    }

    /// <summary>Creates a ledger over a connection factory (for providers without a data source).</summary>
    /// <param name="openConnection">Opens a connection; the ledger disposes it after each call.</param>
    /// <param name="tableName">The table, optionally schema-qualified. Default <c>processed_files</c>.</param>
    public DbProcessedFilesLedger(Func<CancellationToken, Task<DbConnection>> openConnection, string tableName = "processed_files")
    {
        ArgumentNullException.ThrowIfNull(openConnection);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        if (!TableNamePattern().IsMatch(tableName))
        {
            throw new ArgumentException(
                $"Ledger table name '{tableName}' is not a plain SQL identifier; use letters, digits and '_' (optionally 'schema.table').",
                nameof(tableName));
        }

        _open = openConnection;
        TableName = tableName;
    }

    /// <summary>The table.</summary>
    public string TableName { get; }

    /// <summary>The table's DDL (<c>CREATE TABLE IF NOT EXISTS</c>), for migrations.</summary>
    public string CreateTableSql =>
        $"CREATE TABLE IF NOT EXISTS {TableName} (bucket VARCHAR(63) NOT NULL, object_key VARCHAR(1024) NOT NULL, " +
        "etag VARCHAR(128) NOT NULL, processed_at VARCHAR(40) NOT NULL, run_id VARCHAR(128), PRIMARY KEY (bucket, object_key, etag))";

    /// <summary>Creates the table when it does not exist.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the table exists.</returns>
    public async Task EnsureTableAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = CreateTableSql;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<ProcessedFile?> FindAsync(string bucket, string key, string eTag, CancellationToken cancellationToken = default)
    {
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await FindAsync(connection, bucket, key, ObjectInfo.NormalizeETag(eTag), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryRecordAsync(ProcessedFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.Validate();
        var eTag = ObjectInfo.NormalizeETag(file.ETag);
        var connection = await _open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText =
                    $"INSERT INTO {TableName} (bucket, object_key, etag, processed_at, run_id) " +
                    "SELECT @bucket, @object_key, @etag, @processed_at, @run_id " +
                    $"WHERE NOT EXISTS (SELECT 1 FROM {TableName} WHERE bucket = @bucket AND object_key = @object_key AND etag = @etag)";
                Add(command, "bucket", file.Bucket);
                Add(command, "object_key", file.Key);
                Add(command, "etag", eTag);
                Add(command, "processed_at", file.ProcessedAt.ToString("O", CultureInfo.InvariantCulture));
                Add(command, "run_id", file.RunId);
                try
                {
                    return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
                }
                catch (DbException)
                {
                    // A concurrent writer may have won the primary key: then this arrival is the duplicate.
                    if (await FindAsync(connection, file.Bucket, file.Key, eTag, cancellationToken).ConfigureAwait(false) is not null)
                    {
                        return false;
                    }

                    throw;
                }
            }
        }
    }

    private static async Task<DbConnection> OpenAsync(DbDataSource dataSource, CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    private static void Add(DbCommand command, string name, string? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = System.Data.DbType.String;
        parameter.Value = (object?)value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private async Task<ProcessedFile?> FindAsync(DbConnection connection, string bucket, string key, string eTag, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText =
                $"SELECT bucket, object_key, etag, processed_at, run_id FROM {TableName} WHERE bucket = @bucket AND object_key = @object_key AND etag = @etag";
            Add(command, "bucket", bucket);
            Add(command, "object_key", key);
            Add(command, "etag", eTag);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                return new ProcessedFile(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                    await reader.IsDBNullAsync(4, cancellationToken).ConfigureAwait(false) ? null : reader.GetString(4));
            }
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?$")]
    private static partial Regex TableNamePattern();
}
