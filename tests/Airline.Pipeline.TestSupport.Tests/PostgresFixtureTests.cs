using Airline.Pipeline.TestSupport;
using Npgsql;

namespace Airline.Pipeline.TestSupport.Tests;

public sealed class PostgresFixtureTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Fixture_gives_a_fresh_PostgreSQL_15_database()
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT current_database(), current_setting('server_version_num')::int, (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();

        reader.GetString(0).Should().Be(database.DatabaseName);
        reader.GetInt32(1).Should().BeInRange(150000, 159999, "the test command starts PostgreSQL 15");
        reader.GetInt64(2).Should().Be(0, "each test class gets an empty database");
    }
}
