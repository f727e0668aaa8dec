using System.IO.Pipelines;
using System.Text;
using Airline.Pipeline.Aws.Storage;
using Airline.Pipeline.Flights;

namespace Airline.Pipeline.Samples.AirlineIngestion.Local;

/// <summary>What landed in the bucket: the flights object, the airports object, and how the flights file was made.</summary>
internal sealed record LandedFiles(ObjectInfo Flights, ObjectInfo Airports, string FlightsSource, string? InjectedRow);

/// <summary>
/// Step 1: the flights file lands in <c>incoming/</c> and the airports file in <c>dims/</c> of the bucket, as an
/// upload to S3 would. Generated files stream through a pipe into the store, so no copy is held in memory.
/// </summary>
internal static class Landing
{
    /// <summary>The row appended by <c>--inject-unknown-airport</c> names this airport, which airports_dim lacks.</summary>
    public const long UnknownAirportId = 99999;

    public static async Task<LandedFiles> LandAsync(
        IObjectStore store, string bucket, SampleOptions options, Action<long>? bytesWritten, CancellationToken cancellationToken)
    {
        var generator = options.Rows is not null ? new FlightDataGenerator(seed: 1) : null;
        var airportsText = options.AirportsPath is { } airportsPath
            ? await ReadUserFileAsync(airportsPath, "--airports", cancellationToken)
            : generator?.AirportsCsv() ?? SeedData.AirportsCsv;
        var airports = await store.WriteBytesAsync(bucket, SampleNames.AirportsKey, Encoding.UTF8.GetBytes(airportsText), cancellationToken: cancellationToken);

        string fileName;
        string source;
        Func<Stream, CancellationToken, Task> write;
        if (generator is not null)
        {
            var rows = options.Rows!.Value;
            fileName = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"flights_generated_{rows}.csv");
            source = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"generated: {rows:N0} rows (FlightDataGenerator, seed 1)");
            write = async (stream, ct) => await generator.WriteFlightsAsync(stream, rows, ct);
        }
        else if (options.FlightsPath is { } flightsPath)
        {
            if (!File.Exists(flightsPath))
            {
                throw new SampleInputException($"--flights '{flightsPath}' does not exist; give the path of a flights CSV.");
            }

            fileName = Path.GetFileName(flightsPath);
            source = $"your file {flightsPath}";
            write = async (stream, ct) =>
            {
                await using var file = File.OpenRead(flightsPath);
                await file.CopyToAsync(stream, ct);
            };
        }
        else
        {
            fileName = SeedData.FlightsFileName;
            source = "the seeds' 10-row sample day";
            write = (stream, ct) => stream.WriteAsync(Encoding.UTF8.GetBytes(SeedData.FlightsCsv), ct).AsTask();
        }

        string? injected = null;
        if (options.InjectUnknownAirport)
        {
            var inner = write;
            write = async (stream, ct) =>
            {
                var tracking = new TailTrackingStream(stream);
                await inner(tracking, ct);
                injected = UnknownAirportRow(tracking.FirstLine, tracking.LastLine, airportsText);
                var text = (tracking.EndsWithNewline ? "" : "\n") + injected + "\n";
                await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
            };
        }

        var flights = await WriteThroughPipeAsync(store, bucket, SampleNames.IncomingPrefix + fileName, write, bytesWritten, cancellationToken);
        return new LandedFiles(flights, airports, source, injected);
    }

    /// <summary>
    /// A copy of the file's last row, delayed 95 minutes, departing from airport 99999 (the seeds' error scenario:
    /// "No matching record in airports_dim for airport_id=99999").
    /// </summary>
    internal static string UnknownAirportRow(string headerLine, string lastLine, string airportsCsv)
    {
        var header = CsvLine.Split(headerLine);
        var row = CsvLine.Split(lastLine);
        if (row.Count != header.Count)
        {
            // An empty file or a ragged last line: build the row from the header alone.
            row = [.. header.Select(_ => "")];
        }

        var columns = FlightColumnNames.Default;
        void Set(IEnumerable<string> names, string value)
        {
            var index = CsvLine.IndexOf(header, names);
            if (index >= 0)
            {
                row[index] = value;
            }
        }

        var someAirport = CsvLine.Split(airportsCsv.Split('\n', 3)[1])[0];
        Set(columns.Carrier, "ZZ");
        Set(columns.FlightId, "ZZ9999");
        Set(columns.OriginAirportId, UnknownAirportId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set(columns.DestAirportId, someAirport);
        Set(columns.DepDelay, "95");
        Set(columns.ArrDelay, "90");
        Set(columns.Cancelled, "0");
        if (CsvLine.IndexOf(header, columns.FlightDate) is var date and >= 0 && row[date].Length == 0)
        {
            row[date] = "2023-11-15";
        }

        return CsvLine.Join(row);
    }

    private static async Task<ObjectInfo> WriteThroughPipeAsync(
        IObjectStore store, string bucket, string key, Func<Stream, CancellationToken, Task> write, Action<long>? bytesWritten, CancellationToken cancellationToken)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 4 << 20, resumeWriterThreshold: 2 << 20));
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await using var stream = new CountingStream(pipe.Writer.AsStream(leaveOpen: true), bytesWritten);
                    await write(stream, cancellationToken);
                    await stream.FlushAsync(cancellationToken);
                    await pipe.Writer.CompleteAsync();
                }
                catch (Exception e)
                {
                    await pipe.Writer.CompleteAsync(e);
                    throw;
                }
            },
            cancellationToken);
        try
        {
            await using var reader = pipe.Reader.AsStream();
            var written = await store.WriteAsync(bucket, key, reader, new ObjectWriteOptions { ContentType = "text/csv" }, cancellationToken);
            await producer;
            return written;
        }
        catch
        {
            // Surface the producer's own failure (a missing file, a cancelled generator) rather than the pipe's echo of it.
            if (producer.IsFaulted)
            {
                await producer;
            }

            throw;
        }
    }

    private static async Task<string> ReadUserFileAsync(string path, string option, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new SampleInputException($"{option} '{path}' does not exist; give the path of a CSV file.");
        }

        return await File.ReadAllTextAsync(path, cancellationToken);
    }

    /// <summary>Counts bytes on their way to the pipe (for the progress bar).</summary>
    private sealed class CountingStream(Stream inner, Action<long>? progress) : Stream
    {
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            _written += buffer.Length;
            progress?.Invoke(_written);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}

/// <summary>The landing layer's count, taken from the object itself, independently of the transform.</summary>
internal static class LandingCount
{
    /// <summary>Data rows: non-empty lines after the header (the count S3 Select or <c>wc -l</c> would give).</summary>
    public static async Task<long> CountDataRowsAsync(IObjectStore store, ObjectInfo file, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(file.Bucket, file.Key, cancellationToken);
        var buffer = new byte[1 << 16];
        long lines = 0;
        var lineHasContent = false;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'\n')
                {
                    lines += lineHasContent ? 1 : 0;
                    lineHasContent = false;
                }
                else if (b != (byte)'\r')
                {
                    lineHasContent = true;
                }
            }
        }

        lines += lineHasContent ? 1 : 0;
        return Math.Max(0, lines - 1);
    }
}
