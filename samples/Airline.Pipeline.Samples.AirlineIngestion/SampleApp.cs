using System.CommandLine;
using Airline.Pipeline.Samples.AirlineIngestion.Aws;
using Airline.Pipeline.Samples.AirlineIngestion.Local;

namespace Airline.Pipeline.Samples.AirlineIngestion;

/// <summary>
/// The sample's entry point, callable in-process (the end-to-end tests call it without <c>dotnet run</c>).
/// Exit codes: 0 the file was processed (or was already processed), 1 the pipeline failed (reason on stderr),
/// 2 the command line or an input file is wrong.
/// </summary>
internal static class SampleApp
{
    public const int Success = 0;
    public const int PipelineFailed = 1;
    public const int BadInput = 2;

    /// <summary>Runs the sample with <paramref name="args"/>; writes the report to <paramref name="stdout"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">The report.</param>
    /// <param name="stderr">Errors.</param>
    /// <param name="isTerminal">Whether stdout is a terminal (shows a progress bar with rows/s).</param>
    /// <param name="timeProvider">The clock for run ids and notification times (the system clock by default).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<int> RunAsync(
        string[] args, TextWriter stdout, TextWriter stderr, bool isTerminal = false, TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rows = new Option<long?>("--rows")
        {
            Description = "Generate a realistic flights file of N rows (Microsoft's 20-column flights.csv layout, ~350 airports) instead of the seeds' 10-row file.",
            HelpName = "N",
        };
        rows.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long?>() is < 1)
            {
                r.AddError("--rows must be 1 or more.");
            }
        });
        var flights = new Option<FileInfo?>("--flights")
        {
            Description = "Your flights CSV instead of the seeds' file (header with Carrier, OriginAirportID, DestAirportID, DepDelay, ArrDelay; FlightDate and FlightID optional).",
            HelpName = "file",
        };
        var airports = new Option<FileInfo?>("--airports")
        {
            Description = "Your airports CSV (airport_id, city, state, name) instead of the seeds' airports.",
            HelpName = "file",
        };
        var output = new Option<DirectoryInfo?>("--out")
        {
            Description = $"Output folder (bucket, warehouse.db, artifacts). Default: ./{SampleOptions.DefaultOutputDirectory}, emptied at each run. A folder you name is kept between runs, so running again shows the ledger skip the file it already processed.",
            HelpName = "folder",
        };
        var inject = new Option<bool>("--inject-unknown-airport")
        {
            Description = "Append a delayed flight from airport 99999, which airports_dim lacks: the job fails, one FAILED notice is sent and the file moves to failed/.",
        };
        var reprocess = new Option<bool>("--reprocess")
        {
            Description = "Process the file even if the ledger says it was processed: the replace-by-flight_date upsert leaves the same rows.",
        };
        var target = new Option<string>("--target")
        {
            Description = "local (default): the twins on this machine. aws: S3, Glue, SNS, DynamoDB and Redshift from the settings (see --settings).",
            DefaultValueFactory = _ => "local",
        };
        target.AcceptOnlyFromAmong("local", "aws");
        var settings = new Option<FileInfo?>("--settings")
        {
            Description = "For --target aws: a JSON settings file (Airline:Sample:Aws and Airline:Aws sections); AIRLINE__SAMPLE__AWS__BUCKET-style environment variables override it.",
            HelpName = "file",
        };

        var root = new RootCommand(
            "The airline seed's pipeline end to end on one machine: a flights file lands in a local-folder bucket, the EventBridge rule matches its event, " +
            "the Step Functions definition runs in-process (crawler, poll, job, notice), the Flights transform enriches the rows, SQLite stands in for Redshift, " +
            "every layer's count is audited and one notification is written.")
        {
            rows, flights, airports, output, inject, reprocess, target, settings,
        };
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"airline-sample: error: {error.Message}");
            }

            await stderr.WriteLineAsync("Run with --help for the options.");
            return BadInput;
        }

        // The root command has no action of its own: an action here is --help or --version.
        if (parse.Action is not null)
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }

        if (parse.GetValue(rows) is not null && parse.GetValue(flights) is not null)
        {
            await stderr.WriteLineAsync("airline-sample: error: give --rows or --flights, not both.");
            return BadInput;
        }

        var outDirectory = parse.GetValue(output);
        var options = new SampleOptions
        {
            OutputDirectory = outDirectory?.FullName ?? Path.GetFullPath(SampleOptions.DefaultOutputDirectory),
            OutputDirectoryGiven = outDirectory is not null,
            Rows = parse.GetValue(rows),
            FlightsPath = parse.GetValue(flights)?.FullName,
            AirportsPath = parse.GetValue(airports)?.FullName,
            InjectUnknownAirport = parse.GetValue(inject),
            Reprocess = parse.GetValue(reprocess),
            Target = parse.GetValue(target) == "aws" ? SampleTarget.Aws : SampleTarget.Local,
            SettingsPath = parse.GetValue(settings)?.FullName,
        };

        try
        {
            return options.Target == SampleTarget.Aws
                ? await AwsPipeline.RunAsync(options, stdout, stderr, timeProvider ?? TimeProvider.System, cancellationToken)
                : await new LocalPipeline(options, stdout, stderr, isTerminal, timeProvider ?? TimeProvider.System).RunAsync(cancellationToken);
        }
        catch (SampleInputException e)
        {
            await stderr.WriteLineAsync($"airline-sample: error: {e.Message}");
            return BadInput;
        }
    }
}
