using System.Data.Common;
using System.Text;

namespace Airline.Pipeline.Redshift;

/// <summary>
/// Runs a <see cref="RenderedPlan"/> on an open connection the host owns: all statements in one transaction, each
/// statement's row count recorded, the whole plan retried with backoff on serialization failures, and on failure a
/// rollback plus the plan's cleanup (staging dropped), so nothing is left behind.
/// </summary>
public sealed class PlanExecutor
{
    private const int MaxParametersPerStatement = 32_000; // under SQLite's 32,766 and PostgreSQL's 65,535.
    private readonly PlanExecutorOptions _options;

    /// <summary>Creates an executor.</summary>
    public PlanExecutor(PlanExecutorOptions? options = null)
    {
        _options = options ?? new PlanExecutorOptions();
        if (_options.MaxAttempts < 1 || _options.BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), $"MaxAttempts ({_options.MaxAttempts}) and BatchSize ({_options.BatchSize}) must be at least 1.");
        }
    }

    /// <summary>An executor with the default options.</summary>
    public static PlanExecutor Default { get; } = new();

    /// <summary>
    /// Runs <paramref name="plan"/> on <paramref name="connection"/> (opened by the caller). <paramref name="rows"/>
    /// feed the plan's row load, each row's values in table column order; they are enumerated again on a retry.
    /// </summary>
    public async Task<PlanExecutionResult> ExecuteAsync(
        DbConnection connection,
        RenderedPlan plan,
        IEnumerable<IReadOnlyList<object?>>? rows = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(plan);
        if (rows is not null && !plan.Statements.Any(s => s.Kind == StatementKind.LoadRows))
        {
            throw new ArgumentException("Rows were given, but the plan loads staging with COPY; pass rows = null or build the plan without LoadWithCopy.", nameof(rows));
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var results = await RunOnceAsync(connection, plan, rows, cancellationToken).ConfigureAwait(false);
                return new PlanExecutionResult(results, attempt);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await CleanUpAsync(connection, plan).ConfigureAwait(false);
                if (attempt >= _options.MaxAttempts || !_options.IsRetryable(exception))
                {
                    throw;
                }

                await Task.Delay(Backoff(attempt), _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Opens a connection from <paramref name="dataSource"/>, runs the plan and closes it.</summary>
    public async Task<PlanExecutionResult> ExecuteAsync(
        DbDataSource dataSource,
        RenderedPlan plan,
        IEnumerable<IReadOnlyList<object?>>? rows = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ExecuteAsync(connection, plan, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<StatementResult>> RunOnceAsync(
        DbConnection connection, RenderedPlan plan, IEnumerable<IReadOnlyList<object?>>? rows, CancellationToken cancellationToken)
    {
        var results = new List<StatementResult>(plan.Statements.Count);
        DbTransaction? transaction = plan.Transactional
            ? await connection.BeginTransactionAsync(_options.IsolationLevel, cancellationToken).ConfigureAwait(false)
            : null;
        try
        {
            foreach (var statement in plan.Statements)
            {
                if (_options.BeforeStatement is { } hook)
                {
                    await hook(statement, cancellationToken).ConfigureAwait(false);
                }

                var affected = statement.Kind switch
                {
                    StatementKind.LoadRows => await LoadRowsAsync(connection, transaction, statement.RowLoad!, rows ?? [], cancellationToken).ConfigureAwait(false),
                    StatementKind.Check => await CheckAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false),
                    _ => await NonQueryAsync(connection, transaction, statement.Sql, cancellationToken).ConfigureAwait(false),
                };
                results.Add(new StatementResult(statement, affected));
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return results;
        }
        catch
        {
            if (transaction is not null)
            {
                await RollbackQuietlyAsync(transaction).ConfigureAwait(false);
            }

            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<long> NonQueryAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<long> CheckAsync(DbConnection connection, DbTransaction? transaction, RenderedStatement statement, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.Transaction = transaction;
            command.CommandText = statement.Sql;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var keyCount = reader.FieldCount - 1;
                var names = Enumerable.Range(0, keyCount).Select(reader.GetName).ToList();
                var keys = new List<IReadOnlyList<object?>>();
                var counts = new List<long>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var key = new object?[keyCount];
                    for (var i = 0; i < keyCount; i++)
                    {
                        key[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    }

                    keys.Add(key);
                    counts.Add(Convert.ToInt64(reader.GetValue(keyCount), System.Globalization.CultureInfo.InvariantCulture));
                }

                if (keys.Count > 0)
                {
                    throw new DuplicateStagingKeysException(names, keys, counts);
                }

                return 0;
            }
        }
    }

    private async Task<long> LoadRowsAsync(
        DbConnection connection, DbTransaction? transaction, RowLoad load, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken)
    {
        var width = load.ColumnCount;
        var batchRows = Math.Max(1, Math.Min(_options.BatchSize, MaxParametersPerStatement / width));
        DbCommand? full = null;
        var buffer = new List<IReadOnlyList<object?>>(batchRows);
        long loaded = 0;
        var index = 0;
        try
        {
            foreach (var row in rows)
            {
                if (row is null || row.Count != width)
                {
                    throw new ArgumentException($"Row {index} has {row?.Count ?? 0} values; staging table {load.Table} takes {width}, in table column order.", nameof(rows));
                }

                index++;
                buffer.Add(row);
                if (buffer.Count == batchRows)
                {
                    // Full batches reuse one prepared command: only parameter values change per batch.
                    full ??= CreateInsert(connection, transaction, load, batchRows);
                    loaded += await RunBatchAsync(full, buffer, width, cancellationToken).ConfigureAwait(false);
                    buffer.Clear();
                }
            }

            if (buffer.Count > 0)
            {
                var last = CreateInsert(connection, transaction, load, buffer.Count);
                await using (last.ConfigureAwait(false))
                {
                    loaded += await RunBatchAsync(last, buffer, width, cancellationToken).ConfigureAwait(false);
                }
            }

            return loaded;
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static DbCommand CreateInsert(DbConnection connection, DbTransaction? transaction, RowLoad load, int rowCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder(load.InsertPrefix, load.InsertPrefix.Length + (rowCount * load.ColumnCount * 8));
        var p = 0;
        for (var r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < load.ColumnCount; c++, p++)
            {
                var name = "@p" + p.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(c == 0 ? "" : ", ").Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    private static async Task<long> RunBatchAsync(DbCommand command, List<IReadOnlyList<object?>> rows, int width, CancellationToken cancellationToken)
    {
        var p = 0;
        foreach (var row in rows)
        {
            for (var c = 0; c < width; c++, p++)
            {
                command.Parameters[p].Value = row[c] ?? DBNull.Value;
            }
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task RollbackQuietlyAsync(DbTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // The connection may already have aborted the transaction; the original error matters more.
        }
        catch (InvalidOperationException)
        {
            // Already completed.
        }
    }

    private static async Task CleanUpAsync(DbConnection connection, RenderedPlan plan)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        foreach (var statement in plan.Cleanup)
        {
            try
            {
                await NonQueryAsync(connection, null, statement.Sql, CancellationToken.None).ConfigureAwait(false);
            }
            catch (DbException)
            {
                // Best effort: a temp table rolled back with the transaction is already gone.
            }
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, _options.MaxDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter, not security.
        var jittered = capped * (0.5 + (Random.Shared.NextDouble() * 0.5));
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(jittered);
    }
}
