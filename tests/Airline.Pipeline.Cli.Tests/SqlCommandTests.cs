using System.Text.Json;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.Cli.Tests;

public sealed class SqlCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Spec => _temp.File("daily_flights_fact.json", Samples.FlightsTableSpec);

    [Fact]
    public async Task Ddl_for_redshift_has_distribution_sort_and_encoding()
    {
        var result = await CliRunner.RunAsync("sql", "ddl", "--table", Spec);
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("CREATE SCHEMA IF NOT EXISTS").And.Contain("CREATE TABLE IF NOT EXISTS");
        result.Out.Should().Contain("DISTKEY").And.Contain("SORTKEY").And.Contain("ENCODE");
        result.Out.Should().Contain("\"flight_date\" DATE NOT NULL");
    }

    [Fact]
    public async Task Ddl_for_postgres_drops_redshift_attributes()
    {
        var result = await CliRunner.RunAsync("sql", "ddl", "--table", Spec, "--dialect", "postgres");
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().Contain("CREATE TABLE IF NOT EXISTS").And.NotContain("DISTKEY").And.NotContain("ENCODE");
    }

    [Fact]
    public async Task Ddl_and_upsert_for_sqlite_run_on_sqlite()
    {
        var spec = _temp.File("flights.json", Samples.FlightsTableSpec.Replace("\"schema\": \"airlines\",", string.Empty, StringComparison.Ordinal));
        var ddl = await CliRunner.RunAsync("sql", "ddl", "--table", spec, "--dialect", "sqlite");
        ddl.ExitCode.Should().Be(0, ddl.ToString());
        var upsert = await CliRunner.RunAsync("sql", "upsert", "--table", spec, "--dialect", "sqlite", "--strategy", "replace-partition", "--staging-suffix", "t1");
        upsert.ExitCode.Should().Be(0, upsert.ToString());

        using var connection = SqliteDatabase.OpenInMemory();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = ddl.Out;
            command.ExecuteNonQuery();
        }

        // The load step is a comment standing for the loader's rows; the rest is plain SQL SQLite runs.
        var script = string.Join("\n", upsert.Out.Split('\n').Where(l => !l.StartsWith("--", StringComparison.Ordinal)));
        using (var command = connection.CreateCommand())
        {
            command.CommandText = script;
            var act = () => command.ExecuteNonQuery();
            act.Should().NotThrow(script);
        }
    }

    [Theory]
    [InlineData("delete-insert", "DELETE FROM")]
    [InlineData("merge", "MERGE INTO")]
    [InlineData("replace-partition", "\"flight_date\"")]
    [InlineData("append", "INSERT INTO")]
    [InlineData("insert-new", "NOT EXISTS")]
    public async Task Upsert_prints_the_plan_for_each_strategy(string strategy, string expected)
    {
        var result = await CliRunner.RunAsync("sql", "upsert", "--table", Spec, "--strategy", strategy, "--staging-suffix", "run1");
        result.ExitCode.Should().Be(0, result.ToString());
        result.Out.Should().StartWith("BEGIN;").And.Contain(expected).And.Contain("daily_flights_fact_stage_run1").And.EndWith("COMMIT;\n");
    }

    [Fact]
    public async Task Upsert_glue_actions_give_dbtable_preactions_and_postactions()
    {
        var result = await CliRunner.RunAsync("sql", "upsert", "--table", Spec, "--strategy", "replace-partition", "--glue-actions",
            "--staging-suffix", "run1", "--format", "json");
        result.ExitCode.Should().Be(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("dbtable").GetString().Should().Be("airlines.daily_flights_fact_stage_run1");
        json.RootElement.GetProperty("preactions").GetString().Should().Contain("CREATE TABLE");
        json.RootElement.GetProperty("postactions").GetString().Should().StartWith("BEGIN;").And.Contain("DELETE FROM");
    }

    [Fact]
    public async Task Upsert_json_lists_statements_with_their_purpose()
    {
        var result = await CliRunner.RunAsync("sql", "upsert", "--table", Spec, "--format", "json", "--dialect", "postgres");
        result.ExitCode.Should().Be(0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("dialect").GetString().Should().Be("postgresql");
        json.RootElement.GetProperty("statements").GetArrayLength().Should().BeGreaterThan(3);
    }

    [Fact]
    public async Task Glue_actions_need_the_redshift_dialect()
    {
        var result = await CliRunner.RunAsync("sql", "upsert", "--table", Spec, "--glue-actions", "--dialect", "sqlite");
        result.ShouldBeBadInput("--glue-actions needs --dialect redshift");
    }

    [Fact]
    public async Task Replace_partition_needs_partition_columns_in_the_spec()
    {
        var spec = _temp.File("nopartition.json", Samples.FlightsTableSpec.Replace("\"partitionColumns\": [\"flight_date\"],", string.Empty, StringComparison.Ordinal));
        var result = await CliRunner.RunAsync("sql", "upsert", "--table", spec, "--strategy", "replace-partition");
        result.ShouldBeBadInput("partitionColumns", spec);
    }

    [Fact]
    public async Task Unknown_strategy_and_dialect_are_bad_usage()
    {
        (await CliRunner.RunAsync("sql", "upsert", "--table", Spec, "--strategy", "upsert")).ShouldBeBadInput("upsert");
        (await CliRunner.RunAsync("sql", "ddl", "--table", Spec, "--dialect", "mysql")).ShouldBeBadInput("mysql");
    }

    [Fact]
    public async Task A_bad_spec_reports_every_problem_with_its_pointer()
    {
        var spec = _temp.File("bad.json", """
            {
              "columns": [
                { "name": "id", "type": "BIGINTEGER" },
                { "type": "DATE" },
                { "name": "amount", "type": "DECIMAL(10,2)", "nullable": "no" },
                { "name": "code", "type": "VARCHAR(10)", "encoding": "gzip" }
              ],
              "key": ["id", 3],
              "distStyle": "random",
              "sortkey": ["id"]
            }
            """);
        var result = await CliRunner.RunAsync("sql", "ddl", "--table", spec);
        result.ShouldBeBadInput(
            "/name: missing",
            "/columns/0/type: 'BIGINTEGER'",
            "/columns/1/name: missing",
            "/columns/2/nullable",
            "/columns/3/encoding: 'gzip'",
            "/key/1",
            "/distStyle: 'random'",
            "/sortkey: unknown property",
            "sql ddl --help");
    }

    [Fact]
    public async Task A_spec_naming_columns_the_table_lacks_reports_the_packages_problems()
    {
        var spec = _temp.File("keys.json", """{ "name": "t", "columns": [{ "name": "id", "type": "INT" }], "key": ["missing_id"], "distKey": "nope" }""");
        var result = await CliRunner.RunAsync("sql", "ddl", "--table", spec);
        result.ShouldBeBadInput("missing_id", "nope");
    }

    [Fact]
    public async Task A_spec_that_is_not_json_is_bad_input_with_its_position()
    {
        var spec = _temp.File("broken.json", "{\n  \"name\": \"t\",\n  \"columns\": [\n}");
        var result = await CliRunner.RunAsync("sql", "ddl", "--table", spec);
        result.ShouldBeBadInput($"table spec '{spec}' is not valid JSON", "line 4");
    }

    [Fact]
    public async Task A_missing_spec_is_bad_input()
    {
        var result = await CliRunner.RunAsync("sql", "ddl", "--table", _temp.Combine("none.json"));
        result.ShouldBeBadInput("none.json' does not exist");
    }

    [Fact]
    public async Task Help_documents_the_spec()
    {
        var result = await CliRunner.RunAsync("sql", "upsert", "--help");
        result.Out.Should().Contain("SPEC.json").And.Contain("partitionColumns").And.Contain("distKey").And.Contain("sortKey").And.Contain("VARCHAR(n)");
    }

    [Theory]
    [InlineData("varchar(100)", "VARCHAR(100)")]
    [InlineData("character varying (20)", "VARCHAR(20)")]
    [InlineData("NUMERIC(10, 2)", "DECIMAL(10, 2)")]
    [InlineData("double precision", "DOUBLE PRECISION")]
    [InlineData("int8", "BIGINT")]
    [InlineData("timestamptz", "TIMESTAMPTZ")]
    [InlineData("bool", "BOOLEAN")]
    public void Spec_types_accept_the_usual_spellings(string text, string expected) =>
        Internal.Commands.TableSpec.ParseType(text).ToString().Should().Be(expected);

    [Theory]
    [InlineData("VARCHAR")]
    [InlineData("INT(4)")]
    [InlineData("DATE(1,2)")]
    [InlineData("VARCHAR(10")]
    public void Spec_types_reject_malformed_spellings(string text) =>
        Internal.Commands.TableSpec.ParseType(text).Should().BeNull();
}
