using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Airline.Pipeline.Samples.Tests;

/// <summary>One in-process run of a sample: exit code, stdout, stderr.</summary>
public sealed record SampleRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>A fresh output folder per test, deleted afterwards, and helpers to read what a run left.</summary>
public sealed class SampleFolder : IDisposable
{
    public SampleFolder() => Root = Directory.CreateTempSubdirectory("airline-sample-").FullName;

    public string Root { get; }

    public string Bucket => Path.Combine(Root, "s3", "airline-dataset-gds");

    public IReadOnlyList<string> Files(string relativeFolder) =>
        Directory.Exists(Path.Combine(Root, relativeFolder))
            ? [.. Directory.EnumerateFiles(Path.Combine(Root, relativeFolder)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!]
            : [];

    public IReadOnlyList<JsonObject> Notifications() =>
        [.. Files("notifications").Select(f => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "notifications", f)))!.AsObject())];

    /// <summary>Rows of a query on an SQLite file, each row's values joined with '|'.</summary>
    public static List<string> Query(string databasePath, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a failing test must not hide the test's own failure.
        }
    }
}
