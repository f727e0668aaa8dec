using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Airline.Pipeline.Flights;

namespace Airline.Pipeline.Cli.Internal.Commands;

/// <summary><c>generate flights</c>: the deterministic, realistic data the benchmarks use.</summary>
internal static class GenerateCommands
{
    public const string FlightsFileName = "flights.csv";
    public const string AirportsFileName = "airports.csv";

    public static Command Create(CliContext context)
    {
        var generate = new Command("generate", "Generate realistic test data.");
        generate.Add(Flights(context));
        return generate;
    }

    private static Command Flights(CliContext context)
    {
        var rows = new Option<long>("--rows") { Description = "How many flights to write.", HelpName = "N", Required = true };
        var output = new Option<string>("--out")
        {
            Description = $"The folder to write {FlightsFileName} and {AirportsFileName} into (created when missing).",
            HelpName = "DIR",
            Required = true,
        };
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same bytes on every machine.", DefaultValueFactory = _ => 1 };
        var year = new Option<int>("--year") { Description = "The year the flights are in.", DefaultValueFactory = _ => 2023 };
        var command = new Command(
            "flights",
            $"Write N flights in the 20-column flights.csv format (about 350 airports, quoted names, cancellations, ~6% " +
            $"delayed over an hour) to DIR/{FlightsFileName}, and the airports they use to DIR/{AirportsFileName}, ready for enrich.")
        {
            rows,
            output,
            seed,
            year,
        };
        var format = command.AddFormatOption();
        command.SetHandler(context, async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(rows);
            if (count < 0)
            {
                throw CliException.BadInput($"--rows {count.ToString(CultureInfo.InvariantCulture)} is negative; give 0 or more");
            }

            var yearValue = parse.GetValue(year);
            if (yearValue is < 1 or > 9999)
            {
                throw CliException.BadInput($"--year {yearValue.ToString(CultureInfo.InvariantCulture)} is out of range; use 1..9999");
            }

            var folder = parse.GetValue(output)!;
            if (File.Exists(folder))
            {
                throw CliException.BadInput($"--out '{folder}' is a file; give a folder");
            }

            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw CliException.BadInput($"--out '{folder}' cannot be created: {e.Message}");
            }

            var generator = new FlightDataGenerator(parse.GetValue(seed), yearValue);
            var flightsPath = Path.Combine(folder, FlightsFileName);
            var airportsPath = Path.Combine(folder, AirportsFileName);
            var bytes = await generator.WriteFlightsFileAsync(flightsPath, count, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(airportsPath, generator.AirportsCsv(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            if (parse.IsJson(format))
            {
                context.WriteJson(new JsonObject
                {
                    ["flights"] = flightsPath,
                    ["rows"] = count,
                    ["bytes"] = bytes,
                    ["airports"] = airportsPath,
                    ["airportCount"] = generator.Airports.Count,
                });
            }
            else
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {count:N0} flights ({bytes / 1e6:0.00} MB) to {flightsPath}"));
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {generator.Airports.Count:N0} airports to {airportsPath}"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
