using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Airline.Pipeline.Flights;

namespace Airline.Pipeline.Cli.Internal.Commands;

/// <summary><c>enrich</c>: the flights transform of the Flights package, file to file (or pipe to pipe).</summary>
internal static class EnrichCommand
{
    public static Command Create(CliContext context)
    {
        var flights = new Option<string>("--flights")
        {
            Description = "The flights CSV (header with OriginAirportID, DestAirportID, DepDelay...), or - for standard input.",
            HelpName = "FILE|-",
            Required = true,
        };
        var airports = new Option<string>("--airports")
        {
            Description = "The airports CSV: airport_id,city,state,name.",
            HelpName = "FILE",
            Required = true,
        };
        var output = new Option<string>("--out")
        {
            Description = "Where the enriched CSV goes, or - for standard output (the counts then go to standard error).",
            HelpName = "FILE|-",
            Required = true,
        };
        var rejects = new Option<string?>("--rejects")
        {
            Description = "Write rejected rows here as CSV (line, reason, record).",
            HelpName = "FILE",
        };
        var threshold = new Option<int>("--threshold")
        {
            Description = "Keep flights whose departure delay is strictly over this many minutes.",
            DefaultValueFactory = _ => 60,
        };
        var unknownAirport = new Option<string>("--unknown-airport")
        {
            Description = "A delayed flight whose airport is not in the airports file: fail the run (default, exit 1), reject the row, or keep it with empty airport columns.",
            HelpName = "fail|reject|keep",
            DefaultValueFactory = _ => "fail",
        };
        unknownAirport.AcceptOnlyFromAmong("fail", "reject", "keep");
        var threads = new Option<int>("--threads")
        {
            Description = "Cores to use; the output keeps the input order whatever the number.",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command(
            "enrich",
            "Keep the delayed flights and join their origin and destination with the airports, writing Redshift-ready CSV. " +
            "Prints the counts (input = kept + not delayed + no delay value + rejected) and the throughput in MB/s; draws " +
            "a progress bar when standard output is a terminal. Exit 0 when done, 1 when the data fails the run (an " +
            "unknown airport under --unknown-airport fail, a missing column), 2 for bad usage or a missing file.")
        {
            flights,
            airports,
            output,
            rejects,
            threshold,
            unknownAirport,
            threads,
        };
        var format = command.AddFormatOption();
        command.SetHandler(context, async (parse, cancellationToken) =>
        {
            var threadCount = parse.GetValue(threads);
            if (threadCount < 1)
            {
                throw CliException.BadInput($"--threads {threadCount.ToString(CultureInfo.InvariantCulture)} is not a number of cores; use 1 or more");
            }

            var run = new EnrichRun(context, parse.GetValue(flights)!, parse.GetValue(output)!, parse.GetValue(rejects));
            var dimension = LoadAirports(parse.GetValue(airports)!);
            var options = new FlightEnrichmentOptions
            {
                DelayThresholdMinutes = parse.GetValue(threshold),
                UnknownAirport = parse.GetValue(unknownAirport) switch
                {
                    "reject" => UnknownAirportPolicy.Reject,
                    "keep" => UnknownAirportPolicy.KeepWithNulls,
                    _ => UnknownAirportPolicy.Fail,
                },
                DegreeOfParallelism = threadCount,
            };
            var result = await run.ExecuteAsync(dimension, options, cancellationToken).ConfigureAwait(false);
            Report(run.ReportWriter, result, run.Elapsed, parse.IsJson(format));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static AirportsDimension LoadAirports(string path)
    {
        Inputs.CheckFileExists(path, "airports file");
        try
        {
            return AirportsDimension.LoadCsvFile(path);
        }
        catch (FlightDataException e)
        {
            throw CliException.BadInput($"airports file '{path}': {e.Message}");
        }
    }

    private static void Report(TextWriter writer, FlightEnrichmentResult result, TimeSpan elapsed, bool json)
    {
        var seconds = elapsed.TotalSeconds;
        var megabytes = result.BytesRead / 1e6;
        var rate = seconds > 0 ? megabytes / seconds : 0;
        if (json)
        {
            var node = new JsonObject
            {
                ["input"] = result.InputRows,
                ["kept"] = result.KeptRows,
                ["notDelayed"] = result.NotDelayedRows,
                ["noDelayValue"] = result.NoDelayValueRows,
                ["cancelled"] = result.CancelledRows,
                ["rejected"] = result.RejectedRows,
                ["malformed"] = result.MalformedRows,
                ["unknownAirport"] = result.UnknownAirportRows,
                ["keptWithUnknownAirport"] = result.KeptWithUnknownAirportRows,
                ["bytesRead"] = result.BytesRead,
                ["seconds"] = Math.Round(seconds, 6),
                ["megabytesPerSecond"] = Math.Round(rate, 3),
            };
            writer.WriteLine(CliContext.Indent(node));
            return;
        }

        var c = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(c, $"input           {result.InputRows,12:N0}"));
        writer.WriteLine(string.Create(c, $"kept            {result.KeptRows,12:N0}"));
        writer.WriteLine(string.Create(c, $"not delayed     {result.NotDelayedRows,12:N0}"));
        writer.WriteLine(string.Create(c, $"no delay value  {result.NoDelayValueRows,12:N0}  ({result.CancelledRows:N0} cancelled)"));
        writer.WriteLine(string.Create(c, $"rejected        {result.RejectedRows,12:N0}  ({result.MalformedRows:N0} malformed, {result.UnknownAirportRows:N0} unknown airport)"));
        writer.WriteLine(string.Create(c, $"read {megabytes:0.00} MB in {seconds:0.000} s: {rate:0.0} MB/s"));
    }

    /// <summary>Opens the streams of one run and closes (or, on failure, removes) what it created.</summary>
    private sealed class EnrichRun(CliContext context, string flightsPath, string outputPath, string? rejectsPath)
    {
        public TextWriter ReportWriter => outputPath == "-" ? context.Error : context.Out;

        public TimeSpan Elapsed { get; private set; }

        public async Task<FlightEnrichmentResult> ExecuteAsync(
            AirportsDimension airports, FlightEnrichmentOptions options, CancellationToken cancellationToken)
        {
            long? total = null;
            Stream input;
            if (flightsPath == "-")
            {
                input = context.OpenStandardInput();
            }
            else
            {
                Inputs.CheckFileExists(flightsPath, "flights file");
                input = File.OpenRead(flightsPath);
                total = input.Length;
            }

            var created = new List<string>();
            ProgressBar? bar = null;
            await using (input.ConfigureAwait(false))
            {
                Stream? output = outputPath == "-" ? context.OpenStandardOutput() : Create(outputPath, "--out", created);
                Stream? rejects = null;
                try
                {
                    rejects = rejectsPath is null ? null : Create(rejectsPath, "--rejects", created);
                }
                catch (CliException)
                {
                    await CloseAsync(output, null).ConfigureAwait(false);
                    Delete(created);
                    throw;
                }

                var time = context.Environment.TimeProvider;
                if (context.Environment.OutputIsTerminal && outputPath != "-")
                {
                    bar = new ProgressBar(context.Out, total, time);
                    options = options with { Progress = p => bar.Report(p.BytesRead, p.RowsRead) };
                }

                var started = time.GetTimestamp();
                try
                {
                    var result = await new FlightEnricher(airports, options)
                        .EnrichAsync(input, output, rejects, cancellationToken).ConfigureAwait(false);
                    Elapsed = time.GetElapsedTime(started);
                    return result;
                }
                catch (Exception e) when (e is FlightDataException or OperationCanceledException)
                {
                    await CloseAsync(output, rejects).ConfigureAwait(false);
                    output = rejects = null;
                    Delete(created);

                    if (e is FlightDataException data)
                    {
                        var source = flightsPath == "-" ? "standard input" : $"flights file '{flightsPath}'";
                        throw new CliException(ExitCodes.No, $"{source}: {data.Message} (no output written)");
                    }

                    throw;
                }
                finally
                {
                    bar?.Clear();
                    await CloseAsync(output, rejects).ConfigureAwait(false);
                }
            }
        }

        private static void Delete(List<string> paths)
        {
            foreach (var path in paths)
            {
                File.Delete(path);
            }
        }

        private static async Task CloseAsync(Stream? output, Stream? rejects)
        {
            if (output is not null)
            {
                await output.DisposeAsync().ConfigureAwait(false);
            }

            if (rejects is not null)
            {
                await rejects.DisposeAsync().ConfigureAwait(false);
            }
        }

        private static FileStream Create(string path, string option, List<string> created)
        {
            try
            {
                var stream = File.Create(path);
                created.Add(path);
                return stream;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliException.BadInput($"{option} '{path}' cannot be created: {e.Message}");
            }
        }
    }
}
