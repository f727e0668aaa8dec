using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.TestSupport.Tests;

public sealed class SqliteFixtureTests
{
    [Fact]
    public void In_memory_database_runs_window_functions()
    {
        using var connection = SqliteDatabase.OpenInMemory();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE t (k INTEGER, v TEXT);
            INSERT INTO t VALUES (1, 'a'), (1, 'b'), (2, 'c');
            SELECT count(*) FROM (SELECT k, row_number() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM t) WHERE rn = 1;
            """;
        Convert.ToInt64(command.ExecuteScalar()).Should().Be(2);
    }
}
