using System.Text;
using System.Text.Json;
using Airline.Pipeline.EventPatterns;
using Airline.Pipeline.EventPatterns.Rules;
using Airline.Pipeline.Redshift;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Diagrams;
using Airline.Pipeline.StateMachines.Serialization;

namespace Airline.Pipeline.Samples.AirlineIngestion.Local;

/// <summary>
/// Step 7: what a deployment needs, written out: the ASL definition and its Mermaid diagram, the EventBridge rule
/// (pattern, and a CloudFormation resource), and the Redshift-dialect SQL (DDL, COPY loads, the replace-by-flight_date
/// plan, the Glue connector's preactions/postactions and the analytics queries).
/// </summary>
internal static class Artifacts
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static IReadOnlyList<string> WriteStateMachine(OutputLayout layout, StateMachine machine)
    {
        File.WriteAllText(layout.StateMachineAsl, AslWriter.Write(machine, indented: true) + "\n", Utf8);
        File.WriteAllText(layout.StateMachineMermaid, MermaidRenderer.Render(machine), Utf8);
        return [layout.StateMachineAsl, layout.StateMachineMermaid];
    }

    public static IReadOnlyList<string> WriteEventRule(OutputLayout layout, EventPattern rule)
    {
        File.WriteAllText(layout.EventRule, rule.ToIndentedJson() + "\n", Utf8);
        var description = new EventRuleDescription(SampleNames.RuleName, rule)
        {
            Description = $"A .csv landed under {SampleNames.IncomingPrefix} of {SampleNames.Bucket}: start {SampleNames.StateMachineName}.",
            Targets = [new EventRuleTarget("start-pipeline", SampleNames.StateMachineArn, SampleNames.EventsRoleArn)],
        };
        File.WriteAllText(layout.EventRuleCloudFormation, description.ToCloudFormationYaml("FlightsLandedRule"), Utf8);
        return [layout.EventRule, layout.EventRuleCloudFormation];
    }

    /// <summary>The Redshift side of the same composition, rendered by the Redshift package's Redshift dialect.</summary>
    public static IReadOnlyList<string> WriteRedshift(OutputLayout layout, string processedKey, string stagingSuffix, bool uniqueFlightIds)
    {
        Directory.CreateDirectory(layout.RedshiftDirectory);
        var redshift = SqlDialect.Redshift;
        var copy = new CopyOptions { IamRoles = [SampleNames.RedshiftRoleArn], Format = CopyFormat.Csv, IgnoreHeader = 1, Region = SampleNames.Region };
        var files = new List<(string Name, string Text)>
        {
            ("01-create-tables.sql",
                "-- airlines.airports_dim and airlines.daily_flights_fact (AirlineTables), Redshift dialect.\n" +
                redshift.CreateTable(AirlineTables.AirportsDim).ToScript() + redshift.CreateTable(AirlineTables.DailyFlightsFact).ToScript()),
            ("02-load-airports.sql",
                $"-- airports_dim from s3://{SampleNames.Bucket}/{SampleNames.AirportsKey}: COPY into staging, MERGE on airport_id.\n" +
                UpsertPlan.For(AirlineTables.AirportsDim).Merge()
                    .LoadWithCopy(S3Source.Prefix($"s3://{SampleNames.Bucket}/{SampleNames.AirportsKey}"), copy)
                    .StagingSuffix("airports").Build().Render(redshift).ToScript()),
            ("03-upsert-daily-flights.sql",
                $"-- The job's output s3://{SampleNames.Bucket}/{processedKey}: COPY into staging, replace each flight_date it holds.\n" +
                UpsertPlan.For(AirlineTables.DailyFlightsFact).ReplacePartitions("flight_date")
                    .LoadWithCopy(S3Source.Prefix($"s3://{SampleNames.Bucket}/{processedKey}"), copy)
                    .OnDuplicateKeys(uniqueFlightIds ? DuplicateKeyPolicy.Fail : DuplicateKeyPolicy.Allow)
                    .StagingSuffix(stagingSuffix).Build().Render(redshift).ToScript()),
            ("04-glue-connection-options.json", GlueOptionsJson(stagingSuffix, uniqueFlightIds)),
            ("05-analytics.sql",
                "-- The seeds' analytics queries (the sample runs the same on SQLite).\n" +
                "-- Top 5 delayed routes\n" + SqliteWarehouse.TopDelayedRoutesSql.Replace("FROM daily_flights_fact", "FROM airlines.daily_flights_fact", StringComparison.Ordinal) + ";\n" +
                "-- Carriers with the most flights delayed over 30 minutes\n" + SqliteWarehouse.CarriersWithMostDelaysSql.Replace("FROM daily_flights_fact", "FROM airlines.daily_flights_fact", StringComparison.Ordinal) + ";\n"),
        };
        var paths = new List<string>();
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(layout.RedshiftDirectory, name);
            File.WriteAllText(path, text, Utf8);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>The Glue job's <c>connection_options</c> for writing the frame to Redshift with the same upsert.</summary>
    private static string GlueOptionsJson(string stagingSuffix, bool uniqueFlightIds)
    {
        var builder = UpsertPlan.For(AirlineTables.DailyFlightsFact).ReplacePartitions("flight_date").ForGlue().Analyze().StagingSuffix(stagingSuffix);
        var actions = (uniqueFlightIds ? builder.FailOnDuplicateKeys() : builder.OnDuplicateKeys(DuplicateKeyPolicy.Allow))
            .Build().Render(SqlDialect.Redshift).ToGlueActions();
        var options = new Dictionary<string, string>
        {
            ["dbtable"] = actions.DbTable,
            ["preactions"] = actions.PreActions,
            ["postactions"] = actions.PostActions,
            ["aws_iam_role"] = SampleNames.RedshiftRoleArn,
        };
        return JsonSerializer.Serialize(options, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
