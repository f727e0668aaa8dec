using Airline.Pipeline.EventPatterns;
using Airline.Pipeline.StateMachines.Serialization;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Samples.Tests;

/// <summary>The airline sample end to end: the default run, the ledger, the idempotent re-run and the failure paths.</summary>
public sealed class AirlineIngestionTests : IDisposable
{
    private const string FactRows = "SELECT flight_id, carrier, dep_airport, arr_city, dep_delay, arr_delay, flight_date FROM daily_flights_fact ORDER BY flight_id";
    private readonly SampleFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Default_run_loads_the_seeds_five_delayed_flights_and_sends_one_success_notice()
    {
        var run = await AirlineSample.RunAsync("--out", _folder.Root);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Error.Should().BeEmpty();
        var warehouse = Path.Combine(_folder.Root, "warehouse.db");
        SampleFolder.Query(warehouse, "SELECT flight_id FROM daily_flights_fact ORDER BY dep_delay DESC")
            .Should().Equal("BA7890", "EK4567", "AA5678", "LH7890", "UA9012");
        SampleFolder.Query(warehouse, "SELECT flight_id, dep_airport, arr_airport, dep_city, arr_city, dep_state, arr_state, dep_delay, arr_delay, flight_date FROM daily_flights_fact WHERE flight_id = 'AA5678'")
            .Should().Equal("AA5678|Hartsfield-Jackson Atlanta International|Salt Lake City International|Atlanta|Salt Lake|GA|UT|75|82|2023-11-15");
        SampleFolder.Query(warehouse, "SELECT COUNT(*) FROM airports_dim").Should().Equal("9");

        var notice = _folder.Notifications().Should().ContainSingle().Subject;
        notice["status"]!.GetValue<string>().Should().Be("SUCCEEDED");
        notice["input_rows"]!.GetValue<long>().Should().Be(10);
        notice["output_rows"]!.GetValue<long>().Should().Be(5);
        notice["processed_file"]!.GetValue<string>().Should().Be("s3://airline-dataset-gds/incoming/flights_20231115.csv");
        notice["layers"]!.AsArray().Select(l => $"{l!["layer"]}={l["count"]}:{l["status"]}")
            .Should().Equal("s3_landing=10:REFERENCE", "glue_transform=5:PASSED", "redshift_staging=5:PASSED", "redshift_final=5:PASSED");
        _folder.Files("notifications").Single().Should().EndWith(".succeeded.json");

        _folder.Files(Path.Combine("s3", "airline-dataset-gds", "incoming")).Should().BeEmpty();
        _folder.Files(Path.Combine("s3", "airline-dataset-gds", "archive")).Should().Equal("flights_20231115.csv");
        _folder.Files(Path.Combine("s3", "airline-dataset-gds", "failed")).Should().BeEmpty();
        File.ReadAllLines(Path.Combine(_folder.Root, "state", "processed-files.jsonl")).Should().ContainSingle();

        run.Output.Should().Contain("StartCrawler > GetCrawler > CrawlerStatus > WaitForCrawler > GetCrawler > CrawlerStatus > RunJob > NotifySuccess");
        run.Output.Should().Contain("dims/airports.csv").And.Contain("does not match: ignored");
        run.Output.Should().Contain("top delayed routes").And.Contain("carriers with the most flights delayed over 30 minutes");
        run.Output.Should().Contain("Denver International").And.Contain("rows/s");
        run.Output.Should().Contain("\"status\": \"SUCCEEDED\"", "the notification JSON is printed");
    }

    [Fact]
    public async Task Default_run_writes_the_artifacts_and_asl_validator_accepts_the_state_machine()
    {
        var run = await AirlineSample.RunAsync("--out", _folder.Root);
        run.ExitCode.Should().Be(0, run.ToString());

        foreach (var file in new[]
        {
            "state-machine.asl.json", "state-machine.mmd", "eventbridge-rule.json", "eventbridge-rule.cfn.yaml", "warehouse.db",
            "redshift/01-create-tables.sql", "redshift/02-load-airports.sql", "redshift/03-upsert-daily-flights.sql",
            "redshift/04-glue-connection-options.json", "redshift/05-analytics.sql",
        })
        {
            File.Exists(Path.Combine(_folder.Root, file)).Should().BeTrue(file);
        }

        var asl = Path.Combine(_folder.Root, "state-machine.asl.json");
        var validator = await NodeTool.RunAsync(NodeTool.AslValidator, ["--json-path", asl]);
        validator.ExitCode.Should().Be(0, validator.ToString());
        StateMachines.Validation.AslValidator.Validate(File.ReadAllText(asl)).IsValid.Should().BeTrue();
        AslReader.Parse(File.ReadAllText(asl)).States.Select(s => s.Name).Should().Contain(["StartCrawler", "GetCrawler", "WaitForCrawler", "RunJob", "NotifySuccess", "NotifyFailure"]);
        File.ReadAllText(Path.Combine(_folder.Root, "state-machine.mmd")).Should().StartWith("flowchart");

        var rule = EventPattern.Parse(File.ReadAllText(Path.Combine(_folder.Root, "eventbridge-rule.json")));
        rule.Matches(S3Event("airline-dataset-gds", "incoming/flights_20231116.csv")).Should().BeTrue();
        rule.Matches(S3Event("airline-dataset-gds", "dims/airports.csv")).Should().BeFalse();
        rule.Matches(S3Event("airline-dataset-gds", "incoming/readme.txt")).Should().BeFalse();
        rule.Matches(S3Event("another-bucket", "incoming/flights_20231116.csv")).Should().BeFalse();

        var sql = Path.Combine(_folder.Root, "redshift");
        File.ReadAllText(Path.Combine(sql, "01-create-tables.sql")).Should().Contain("CREATE TABLE IF NOT EXISTS \"airlines\".\"daily_flights_fact\"").And.Contain("DISTKEY");
        File.ReadAllText(Path.Combine(sql, "02-load-airports.sql")).Should().Contain("COPY").And.Contain("s3://airline-dataset-gds/dims/airports.csv");
        File.ReadAllText(Path.Combine(sql, "03-upsert-daily-flights.sql")).Should().Contain("DELETE FROM \"airlines\".\"daily_flights_fact\"").And.Contain("processed/flights_20231115.csv");
        File.ReadAllText(Path.Combine(sql, "04-glue-connection-options.json")).Should().Contain("\"preactions\"").And.Contain("\"postactions\"");
    }

    [Fact]
    public async Task A_second_run_into_the_same_folder_is_a_ledger_no_op_and_reprocessing_leaves_the_same_rows()
    {
        (await AirlineSample.RunAsync("--out", _folder.Root)).ExitCode.Should().Be(0);
        var warehouse = Path.Combine(_folder.Root, "warehouse.db");
        var first = SampleFolder.Query(warehouse, FactRows);

        var again = await AirlineSample.RunAsync("--out", _folder.Root);

        again.ExitCode.Should().Be(0, again.ToString());
        again.Output.Should().Contain("re-delivery is a no-op");
        again.Output.Should().NotContain("state machine FlightETLStateMachine");
        _folder.Notifications().Should().ContainSingle("a re-delivered file sends no notice");
        File.ReadAllLines(Path.Combine(_folder.Root, "state", "processed-files.jsonl")).Should().ContainSingle();
        SampleFolder.Query(warehouse, FactRows).Should().Equal(first);
        _folder.Files(Path.Combine("s3", "airline-dataset-gds", "incoming")).Should().BeEmpty();

        var reprocessed = await AirlineSample.RunAsync("--out", _folder.Root, "--reprocess");

        reprocessed.ExitCode.Should().Be(0, reprocessed.ToString());
        reprocessed.Output.Should().Contain("5 deleted, 5 inserted");
        SampleFolder.Query(warehouse, FactRows).Should().Equal(first, "replace-by-flight_date is idempotent");
        _folder.Notifications().Select(n => n["status"]!.GetValue<string>()).Should().Equal("SUCCEEDED", "SUCCEEDED");
    }

    [Fact]
    public async Task An_unknown_airport_fails_the_job_sends_one_failure_notice_and_moves_the_file_to_failed()
    {
        var run = await AirlineSample.RunAsync("--out", _folder.Root, "--inject-unknown-airport");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain("No matching record in airports_dim for airport_id=99999");
        run.Output.Should().Contain("RunJob > NotifyFailure > Failed");
        var notice = _folder.Notifications().Should().ContainSingle().Subject;
        notice["status"]!.GetValue<string>().Should().Be("FAILED");
        notice["error"]!.GetValue<string>().Should().Be("line 12: No matching record in airports_dim for airport_id=99999");
        notice["input_rows"]!.GetValue<long>().Should().Be(11);
        _folder.Files("notifications").Single().Should().EndWith(".failed.json");
        _folder.Files(Path.Combine("s3", "airline-dataset-gds", "failed")).Should().Equal("flights_20231115.csv");
        _folder.Files(Path.Combine("s3", "airline-dataset-gds", "archive")).Should().BeEmpty();
        _folder.Files(Path.Combine("s3", "airline-dataset-gds", "incoming")).Should().BeEmpty();
        SampleFolder.Query(Path.Combine(_folder.Root, "warehouse.db"), "SELECT COUNT(*) FROM daily_flights_fact").Should().Equal("0");
        File.Exists(Path.Combine(_folder.Root, "state", "processed-files.jsonl")).Should().BeFalse("a failed file is not recorded, so a corrected file is processed");
    }

    [Fact]
    public async Task A_file_whose_header_lacks_a_required_column_fails_the_crawl_and_never_runs_the_job()
    {
        var flights = Path.Combine(_folder.Root, "..", Path.GetFileName(_folder.Root) + "-no-delay.csv");
        await File.WriteAllTextAsync(flights, "FlightID,Carrier,OriginAirportID,DestAirportID,FlightDate\nAA5678,AA,10397,14869,2023-11-15\n");
        try
        {
            var run = await AirlineSample.RunAsync("--out", _folder.Root, "--flights", flights);

            run.ExitCode.Should().Be(1, run.ToString());
            run.Output.Should().Contain("CrawlerStatus > NotifyFailure > Failed").And.NotContain("RunJob");
            var notice = _folder.Notifications().Should().ContainSingle().Subject;
            notice["status"]!.GetValue<string>().Should().Be("FAILED");
            notice["error"]!.GetValue<string>().Should().Contain("has no DepDelay, ArrDelay column");
            _folder.Files(Path.Combine("s3", "airline-dataset-gds", "failed")).Should().ContainSingle();
        }
        finally
        {
            File.Delete(flights);
        }
    }

    [Fact]
    public async Task Generated_rows_flow_through_every_layer_and_the_counts_balance()
    {
        var run = await AirlineSample.RunAsync("--out", _folder.Root, "--rows", "5000");

        run.ExitCode.Should().Be(0, run.ToString());
        var notice = _folder.Notifications().Should().ContainSingle().Subject;
        notice["input_rows"]!.GetValue<long>().Should().Be(5000);
        var layers = notice["layers"]!.AsArray().ToDictionary(l => l!["layer"]!.GetValue<string>(), l => l!["count"]!.GetValue<long>());
        layers["glue_transform"].Should().BeInRange(1, 4999);
        layers["redshift_staging"].Should().Be(layers["glue_transform"]);
        layers["redshift_final"].Should().Be(layers["glue_transform"]);
        SampleFolder.Query(Path.Combine(_folder.Root, "warehouse.db"), "SELECT COUNT(*) FROM daily_flights_fact WHERE dep_delay <= 60").Should().Equal("0");
        _folder.Files(Path.Combine("s3", "airline-dataset-gds", "archive")).Should().Equal("flights_generated_5000.csv");
    }

    [Fact]
    public async Task Help_documents_every_option_and_bad_options_exit_2_with_the_reason_on_stderr()
    {
        var help = await AirlineSample.RunAsync("--help");
        help.ExitCode.Should().Be(0);
        help.Output.Should().Contain("--rows").And.Contain("--flights").And.Contain("--airports").And.Contain("--out")
            .And.Contain("--inject-unknown-airport").And.Contain("--target").And.Contain("--reprocess").And.Contain("--settings");

        var bad = await AirlineSample.RunAsync("--rows", "0", "--out", _folder.Root);
        bad.ExitCode.Should().Be(2);
        bad.Error.Should().Contain("--rows must be 1 or more");

        var missing = await AirlineSample.RunAsync("--flights", Path.Combine(_folder.Root, "nope.csv"), "--out", _folder.Root);
        missing.ExitCode.Should().Be(2);
        missing.Error.Should().Contain("nope.csv").And.Contain("does not exist");
    }

    [Fact]
    public async Task A_folder_the_sample_did_not_write_is_refused_untouched()
    {
        var mine = Path.Combine(_folder.Root, "notes.txt");
        await File.WriteAllTextAsync(mine, "keep me");

        var run = await AirlineSample.RunAsync("--out", _folder.Root);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("holds files the sample did not write");
        File.ReadAllText(mine).Should().Be("keep me");
    }

    private static string S3Event(string bucket, string key) =>
        """{"version":"0","id":"1","detail-type":"Object Created","source":"aws.s3","account":"123456789012","time":"2023-11-15T00:05:00Z","region":"us-east-1",""" +
        $"\"resources\":[\"arn:aws:s3:::{bucket}\"],\"detail\":{{\"bucket\":{{\"name\":\"{bucket}\"}},\"object\":{{\"key\":\"{key}\",\"size\":5}}}}}}";
}
