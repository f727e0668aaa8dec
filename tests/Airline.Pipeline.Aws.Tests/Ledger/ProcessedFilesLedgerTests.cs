using Amazon.DynamoDBv2;
using Airline.Pipeline.Aws.Ledger;
using Airline.Pipeline.Aws.Storage;
using Airline.Pipeline.Aws.Tests.Support;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Aws.Tests.Ledger;

/// <summary>The ledger semantics, for each implementation.</summary>
public abstract class ProcessedFilesLedgerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    protected IProcessedFilesLedger Ledger { get; set; } = null!;

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [Fact]
    public async Task SecondArrivalOfTheSameObject_IsANoOp()
    {
        var file = new ObjectInfo("landing", "incoming/flights.csv", 120, "9b2cf535f27731c974343645a3985328", At);
        var processed = 0;

        var first = await Ledger.ProcessOnceAsync(file, _ => { processed++; return Task.CompletedTask; }, runId: "01JD0000000000000000000000");
        var second = await Ledger.ProcessOnceAsync(file with { LastModified = At.AddMinutes(3) }, _ => { processed++; return Task.CompletedTask; });

        first.Should().BeTrue();
        second.Should().BeFalse();
        processed.Should().Be(1);
        var entry = await Ledger.FindAsync("landing", "incoming/flights.csv", "\"9b2cf535f27731c974343645a3985328\"");
        entry!.RunId.Should().Be("01JD0000000000000000000000");
    }

    [Fact]
    public async Task NewVersionOfTheSameKey_IsProcessed()
    {
        (await Ledger.TryRecordAsync(new ProcessedFile("landing", "incoming/flights.csv", "aaaa", At))).Should().BeTrue();

        (await Ledger.TryRecordAsync(new ProcessedFile("landing", "incoming/flights.csv", "bbbb", At))).Should().BeTrue();
        (await Ledger.TryRecordAsync(new ProcessedFile("landing", "incoming/flights.csv", "\"aaaa\"", At.AddHours(1)))).Should().BeFalse();

        (await Ledger.FindAsync("landing", "incoming/flights.csv", "aaaa"))!.ProcessedAt.Should().Be(At);
        (await Ledger.FindAsync("landing", "incoming/other.csv", "aaaa")).Should().BeNull();
        (await Ledger.FindAsync("other-bucket", "incoming/flights.csv", "aaaa")).Should().BeNull();
    }

    [Fact]
    public async Task FailedProcessing_RecordsNothing_SoTheNextArrivalRetries()
    {
        var file = new ObjectInfo("landing", "incoming/bad.csv", 1, "cccc", At);

        var act = () => Ledger.ProcessOnceAsync(file, _ => throw new InvalidDataException("bad header"));

        await act.Should().ThrowAsync<InvalidDataException>();
        (await Ledger.FindAsync("landing", "incoming/bad.csv", "cccc")).Should().BeNull();
    }

    [Fact]
    public async Task ConcurrentRecords_ExactlyOneWins()
    {
        var entry = new ProcessedFile("landing", "incoming/race.csv", "dddd", At);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Ledger.TryRecordAsync(entry).AsTask()));

        results.Count(won => won).Should().Be(1);
    }
}

public sealed class InMemoryProcessedFilesLedgerTests : ProcessedFilesLedgerTests
{
    public override Task InitializeAsync()
    {
        Ledger = new InMemoryProcessedFilesLedger();
        return Task.CompletedTask;
    }

    public override Task DisposeAsync() => Task.CompletedTask;
}

public sealed class JsonLinesProcessedFilesLedgerTests : ProcessedFilesLedgerTests
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "airline-aws-tests", Guid.NewGuid().ToString("N"), "ledger.jsonl");

    public override Task InitializeAsync()
    {
        Ledger = new JsonLinesProcessedFilesLedger(_path);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        ((IDisposable)Ledger).Dispose();
        if (Directory.Exists(Path.GetDirectoryName(_path)))
        {
            Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Entries_SurviveARestart()
    {
        await Ledger.TryRecordAsync(new ProcessedFile("landing", "incoming/a.csv", "eeee", DateTimeOffset.UnixEpoch, "run-1"));

        using var reopened = new JsonLinesProcessedFilesLedger(_path);

        (await reopened.FindAsync("landing", "incoming/a.csv", "eeee")).Should().Be(
            new ProcessedFile("landing", "incoming/a.csv", "eeee", DateTimeOffset.UnixEpoch, "run-1"));
        (await reopened.TryRecordAsync(new ProcessedFile("landing", "incoming/a.csv", "eeee", DateTimeOffset.UnixEpoch))).Should().BeFalse();
        File.ReadAllLines(_path).Should().ContainSingle();
    }

    [Theory]
    [InlineData("""{"bucket":"landing","key":"incoming/a.csv"}""", "ETag")]
    [InlineData("""{}""", "Bucket")]
    public async Task An_incomplete_line_is_invalid_data_naming_the_line(string line, string missing)
    {
        await Ledger.TryRecordAsync(new ProcessedFile("landing", "incoming/b.csv", "ffff", DateTimeOffset.UnixEpoch));
        File.AppendAllLines(_path, [line]);

        using var reopened = new JsonLinesProcessedFilesLedger(_path);
        var act = async () => await reopened.FindAsync("landing", "incoming/a.csv", "eeee");

        (await act.Should().ThrowAsync<InvalidDataException>()).Which.Message.Should().Contain("line 2").And.Contain(missing);
    }
}

public sealed class DynamoDbProcessedFilesLedgerTests : ProcessedFilesLedgerTests
{
    private readonly AmazonDynamoDBClient _dynamo = DynamoDbEmulator.CreateClient();

    public override async Task InitializeAsync()
    {
        var table = LocalAwsEndpoints.UniqueTableName("ledger");
        await DynamoDbTables.CreateLedgerTableAsync(_dynamo, table);
        Ledger = new DynamoDbProcessedFilesLedger(_dynamo, table, TimeSpan.FromDays(400));
    }

    public override Task DisposeAsync()
    {
        _dynamo.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgresProcessedFilesLedgerTests : ProcessedFilesLedgerTests
{
    private readonly PostgresDatabaseFixture _database = new();

    public override async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var ledger = new DbProcessedFilesLedger(_database.DataSource, "public.processed_files");
        await ledger.EnsureTableAsync();
        await ledger.EnsureTableAsync();
        Ledger = ledger;
    }

    public override Task DisposeAsync() => _database.DisposeAsync();
}

public sealed class SqliteProcessedFilesLedgerTests : ProcessedFilesLedgerTests
{
    private readonly string _connectionString = SqliteDatabase.SharedInMemoryConnectionString();
    private Microsoft.Data.Sqlite.SqliteConnection _keepAlive = null!;

    public override async Task InitializeAsync()
    {
        _keepAlive = new Microsoft.Data.Sqlite.SqliteConnection(_connectionString);
        await _keepAlive.OpenAsync();
        var ledger = new DbProcessedFilesLedger(
            async ct =>
            {
                var connection = new Microsoft.Data.Sqlite.SqliteConnection(_connectionString);
                await connection.OpenAsync(ct);
                return connection;
            });
        await ledger.EnsureTableAsync();
        Ledger = ledger;
    }

    public override async Task DisposeAsync() => await _keepAlive.DisposeAsync();

    [Fact]
    public void TableName_ThatIsNotAnIdentifier_IsRejected()
    {
        var act = () => new DbProcessedFilesLedger(_ => throw new InvalidOperationException(), "files; DROP TABLE x");

        act.Should().Throw<ArgumentException>().WithMessage("*'files; DROP TABLE x'*");
    }
}
