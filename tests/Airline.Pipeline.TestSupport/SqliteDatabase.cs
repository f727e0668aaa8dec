using Microsoft.Data.Sqlite;

namespace Airline.Pipeline.TestSupport;

/// <summary>In-process SQLite databases for tests: private in-memory ones, or shared ones that several
/// connections see (for concurrency tests).</summary>
public static class SqliteDatabase
{
    /// <summary>Opens a private in-memory database; it disappears when the connection closes.</summary>
    public static SqliteConnection OpenInMemory()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    /// <summary>
    /// A connection string for a named in-memory database that every connection opened with it shares,
    /// as long as one of them stays open.
    /// </summary>
    public static string SharedInMemoryConnectionString(string? name = null) =>
        $"Data Source=file:{name ?? Guid.NewGuid().ToString("N")}?mode=memory&cache=shared";

    /// <summary>Opens a database file in a new temporary folder (deleted by the caller's disposal of the folder).</summary>
    public static SqliteConnection OpenFile(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
