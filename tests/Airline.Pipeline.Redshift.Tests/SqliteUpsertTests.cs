using Airline.Pipeline.Redshift.Tests.Support;
using Airline.Pipeline.TestSupport;
using Microsoft.Data.Sqlite;

namespace Airline.Pipeline.Redshift.Tests;

public sealed class SqliteUpsertTests : UpsertBehaviourTests, IDisposable
{
    private readonly SqliteConnection _connection = SqliteDatabase.OpenInMemory();

    public void Dispose() => _connection.Dispose();

    protected override Task<Warehouse> OpenAsync() => Task.FromResult(new Warehouse(_connection, SqlDialect.Sqlite));
}
