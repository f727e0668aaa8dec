using System.IO.Compression;
using System.Text;
using Airline.Pipeline.Flights.Internal;

namespace Airline.Pipeline.Flights;

/// <summary>
/// The flight-enrichment transform: reads a flights CSV from any stream, keeps flights delayed over the threshold,
/// joins origin and destination with the airports dimension and writes Redshift-ready CSV to any stream, with
/// rejected rows (line, reason, record) to an optional second stream. Memory is bounded by a few blocks per core,
/// whatever the file size. Thread-safe: one instance can run many files at once.
/// </summary>
/// <example>
/// <code>
/// var enricher = new FlightEnricher(AirportsDimension.LoadCsvFile("airports.csv"));
/// await using var input = File.OpenRead("flights.csv");
/// await using var output = File.Create("enriched.csv");
/// var result = await enricher.EnrichAsync(input, output);
/// Console.WriteLine($"{result.KeptRows} of {result.InputRows} rows kept");
/// </code>
/// </example>
public sealed class FlightEnricher
{
    private const int MaxHeaderFields = 4096;
    private const int FirstFileBlockBytes = 64 * 1024;
    private static readonly byte[] RejectsHeader = "line,reason,record\n"u8.ToArray();
    private readonly AirportsDimension _airports;

    /// <summary>Creates the transform over an airports dimension.</summary>
    /// <exception cref="ArgumentException">The options are invalid (all problems are named).</exception>
    public FlightEnricher(AirportsDimension airports, FlightEnrichmentOptions? options = null)
    {
        _airports = airports ?? throw new ArgumentNullException(nameof(airports));
        Options = options ?? FlightEnrichmentOptions.Default;
        var problems = Options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid FlightEnrichmentOptions: " + string.Join("; ", problems), nameof(options));
        }
    }

    /// <summary>The options this transform runs with.</summary>
    public FlightEnrichmentOptions Options { get; }

    /// <summary>The airports dimension this transform joins with.</summary>
    public AirportsDimension Airports => _airports;

    /// <summary>
    /// Runs the transform from <paramref name="input"/> to <paramref name="output"/> (CSV with a header, or gzip of it
    /// under <see cref="FlightEnrichmentOptions.GzipOutput"/>); rejected rows go to <paramref name="rejects"/> as CSV
    /// (line, reason, record) when given. Streams are left open.
    /// </summary>
    /// <returns>The counts; <c>InputRows = KeptRows + NotDelayedRows + NoDelayValueRows + RejectedRows</c>.</returns>
    /// <exception cref="FlightDataException">A policy says fail (unknown airport by default), the header lacks a
    /// required column, or a record never ends.</exception>
    public async Task<FlightEnrichmentResult> EnrichAsync(
        Stream input, Stream output, Stream? rejects = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var sink = Options.GzipOutput ? new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true) : output;
        try
        {
            var run = new Run(this, input, sink, rejects);
            var result = await run.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            if (!ReferenceEquals(sink, output))
            {
                await sink.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs the transform on a file and writes the output (and rejects, when a path is given) to files.</summary>
    public async Task<FlightEnrichmentResult> EnrichFileAsync(
        string inputPath, string outputPath, string? rejectsPath = null, CancellationToken cancellationToken = default)
    {
        var input = File.OpenRead(inputPath);
        await using (input.ConfigureAwait(false))
        {
            var output = File.Create(outputPath);
            await using (output.ConfigureAwait(false))
            {
                var rejects = rejectsPath is null ? null : File.Create(rejectsPath);
                try
                {
                    return await EnrichAsync(input, output, rejects, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    if (rejects is not null)
                    {
                        await rejects.DisposeAsync().ConfigureAwait(false);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Runs the transform and returns the kept rows in memory (an in-memory row source for a loader, e.g. the
    /// Redshift executor), with the counts. For files whose output fits in memory; otherwise stream with
    /// <see cref="EnrichAsync"/>.
    /// </summary>
    public async Task<EnrichedFlightBatch> EnrichToMemoryAsync(
        Stream input, Stream? rejects = null, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var enricher = Options.GzipOutput ? new FlightEnricher(_airports, Options with { GzipOutput = false, WriteHeader = true })
            : Options.WriteHeader ? this : new FlightEnricher(_airports, Options with { WriteHeader = true });
        var result = await enricher.EnrichAsync(input, buffer, rejects, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        var rows = EnrichedFlightCsv.Read(buffer);
        return new EnrichedFlightBatch(result, rows);
    }

    /// <summary>One run: header, then blocks in order (in parallel when asked), each block's output written in order.</summary>
    private sealed class Run
    {
        private readonly FlightEnricher _owner;
        private readonly Stream _input;
        private readonly Stream _output;
        private readonly Stream? _rejects;
        private readonly FlightEnrichmentOptions _options;
        private readonly List<FlightReject> _samples = [];
        private FlightEnrichmentResult _totals = new();
        private long _origin;

        public Run(FlightEnricher owner, Stream input, Stream output, Stream? rejects)
        {
            _owner = owner;
            _input = input;
            _output = output;
            _rejects = rejects;
            _options = owner.Options;
        }

        public async Task<FlightEnrichmentResult> ExecuteAsync(CancellationToken cancellationToken)
        {
            _origin = _input.CanSeek ? _input.Position : 0;
            // Several cores on a file read by position after the first block, which is processed alone: keep it small.
            var filePositional = _options.DegreeOfParallelism > 1 && _input is FileStream { CanSeek: true };
            var reader = new BlockReader(
                _input, filePositional ? Math.Min(_options.BlockSizeBytes, FirstFileBlockBytes) : _options.BlockSizeBytes, _options.MaxRowBytes);
            var first = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new FlightDataException(1, "the input is empty; expected a header line naming the columns (Carrier, OriginAirportID, DestAirportID, DepDelay, ArrDelay, ...)");
            BlockProcessor processor;
            try
            {
                var layout = ReadHeader(first);
                processor = new BlockProcessor(layout, _owner._airports.Table, _options);
                _totals = _totals with { OutputColumns = layout.OutputColumns };
                if (_options.WriteHeader)
                {
                    await _output.WriteAsync(layout.OutputHeaderLine, cancellationToken).ConfigureAwait(false);
                }

                if (_rejects is not null)
                {
                    await _rejects.WriteAsync(RejectsHeader, cancellationToken).ConfigureAwait(false);
                }
            }
            catch
            {
                first.Dispose();
                throw;
            }

            if (_options.DegreeOfParallelism == 1)
            {
                await EmitFirstAsync(first, processor, cancellationToken).ConfigureAwait(false);
                await RunSequentialAsync(reader, processor, cancellationToken).ConfigureAwait(false);
            }
            else if (filePositional && _input is FileStream file)
            {
                await EmitFirstAsync(first, processor, cancellationToken).ConfigureAwait(false);
                var parallel = new ParallelFileBlocks(
                    file.SafeFileHandle, _origin + _totals.BytesRead, file.Length, reader.NextLine, _options.BlockSizeBytes, _options.MaxRowBytes,
                    processor, _options.DegreeOfParallelism, _options.MaxRejectSamples, EmitAsync);
                if (!await parallel.RunAsync(cancellationToken).ConfigureAwait(false))
                {
                    // A chunk boundary fell inside a quoted field (or a record outgrew a chunk): on from the last
                    // record end that is certain, one core.
                    file.Position = parallel.Position;
                    var rest = new BlockReader(file, _options.BlockSizeBytes, _options.MaxRowBytes, parallel.Line);
                    await RunSequentialAsync(rest, processor, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                await RunParallelAsync(reader, first, processor, cancellationToken).ConfigureAwait(false);
            }

            return _totals with { RejectSamples = _samples.ToArray() };
        }

        private async Task EmitFirstAsync(Block first, BlockProcessor processor, CancellationToken cancellationToken)
        {
            BlockResult result;
            using (first)
            {
                result = processor.Process(first.Span, first.FirstLine, _options.MaxRejectSamples);
                result.Bytes = first.Bytes;
            }

            await EmitAsync(result, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>One core: blocks are not cut before processing; the processor stops at the last whole record.</summary>
        private async Task RunSequentialAsync(BlockReader reader, BlockProcessor processor, CancellationToken cancellationToken)
        {
            for (var block = await reader.ReadRawAsync(cancellationToken).ConfigureAwait(false);
                 block is not null;
                 block = await reader.ReadRawAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                BlockResult result;
                try
                {
                    result = processor.Process(block.Span, block.FirstLine, _options.MaxRejectSamples - _samples.Count, block.Final);
                    result.Bytes = result.Consumed;
                }
                catch
                {
                    block.Dispose();
                    throw;
                }

                reader.Release(block, result.Consumed, result.LinesConsumed);
                await EmitAsync(result, cancellationToken).ConfigureAwait(false);
            }
        }

        private Task RunParallelAsync(BlockReader reader, Block first, BlockProcessor processor, CancellationToken cancellationToken) =>
            new ParallelBlocks(reader, first, processor, _options.DegreeOfParallelism, _options.MaxRejectSamples, EmitAsync)
                .RunAsync(cancellationToken);

        private async ValueTask EmitAsync(BlockResult result, CancellationToken cancellationToken)
        {
            using (result)
            {
                if (result.Fatal is { } fatal)
                {
                    throw fatal;
                }

                if (result.Output.Length > 0)
                {
                    await _output.WriteAsync(result.Output.Written, cancellationToken).ConfigureAwait(false);
                }

                if (_rejects is not null && result.Rejects.Length > 0)
                {
                    await _rejects.WriteAsync(result.Rejects.Written, cancellationToken).ConfigureAwait(false);
                }

                if (result.Samples is { } samples)
                {
                    _samples.AddRange(samples.Take(_options.MaxRejectSamples - _samples.Count));
                }

                var t = _totals;
                _totals = t with
                {
                    BytesRead = t.BytesRead + result.Bytes,
                    InputRows = t.InputRows + result.Rows,
                    KeptRows = t.KeptRows + result.Kept,
                    NotDelayedRows = t.NotDelayedRows + result.NotDelayed,
                    NoDelayValueRows = t.NoDelayValueRows + result.NoDelayValue,
                    CancelledRows = t.CancelledRows + result.Cancelled,
                    RejectedRows = t.RejectedRows + result.Malformed + result.UnknownAirport,
                    MalformedRows = t.MalformedRows + result.Malformed,
                    UnknownAirportRows = t.UnknownAirportRows + result.UnknownAirport,
                    KeptWithUnknownAirportRows = t.KeptWithUnknownAirportRows + result.KeptWithNulls,
                };
                _options.Progress?.Invoke(new FlightProgress(_totals.BytesRead, _totals.InputRows, _totals.KeptRows));
            }
        }

        /// <summary>Reads the header record off the first block and moves the block past it.</summary>
        private FlightLayout ReadHeader(Block first)
        {
            var data = first.Span;
            var ends = new int[MaxHeaderFields];
            var next = RowTokenizer.Read(data, 0, ends, out var fieldCount, out var innerNewlines, out var unterminated);
            if (unterminated)
            {
                throw new FlightDataException(1, "the header has a quoted name that is not closed");
            }

            if (fieldCount > MaxHeaderFields)
            {
                throw new FlightDataException(1, $"the header has {fieldCount} columns; at most {MaxHeaderFields} are supported");
            }

            var names = new string[fieldCount];
            for (var i = 0; i < fieldCount; i++)
            {
                var start = i == 0 ? 0 : ends[i - 1] + 1;
                if (CsvText.Unquote(data[start..ends[i]], out var name) != TextStatus.Ok)
                {
                    throw new FlightDataException(1, $"header column {i + 1} has a misplaced quote");
                }

                names[i] = Encoding.UTF8.GetString(name);
            }

            var layout = FlightLayout.Resolve(names, _options.Columns);
            first.Offset += next;
            first.Length -= next;
            first.FirstLine += 1 + innerNewlines;
            return layout;
        }
    }
}
