using Npgsql;
using Xunit;

namespace Airline.Pipeline.TestSupport;

/// <summary>
/// A fresh PostgreSQL database for one test class (use as <c>IClassFixture&lt;PostgresDatabaseFixture&gt;</c>),
/// created in the throwaway cluster that <c>./build.sh test</c> starts and dropped afterwards.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    /// <summary>Name of this fixture's database.</summary>
    public string DatabaseName { get; } = "t_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Connection string to this fixture's database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>A data source for this fixture's database.</summary>
    public NpgsqlDataSource DataSource =>
        _dataSource ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    /// <summary>Opens a new connection to this fixture's database.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        await DataSource.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var server = TestEnvironment.PostgresConnectionString;
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName }.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
