namespace Airline.Pipeline.Redshift.Tests;

public sealed class TableModelTests
{
    [Fact]
    public void Build_ReportsEveryProblemAtOnce_NamingTheValueAndTheFix()
    {
        var act = () => TableDefinition.Create("s", "t")
            .Column("a", ColumnType.Varchar(0))
            .Column("a", ColumnType.Integer)
            .Column("A", ColumnType.Integer)
            .Column("ctid", ColumnType.Integer)
            .Column("bad\nname", ColumnType.Decimal(40, 2))
            .Column(new string('x', 128), ColumnType.Integer)
            .Key("missing")
            .DistributionKey("nope")
            .SortKey(SortKeyStyle.Compound, "gone")
            .Build();

        var problems = act.Should().Throw<SqlValidationException>().Which.Problems;
        problems.Should().HaveCount(10);
        problems.Should().Contain(p => p.Contains("VARCHAR length 0", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("duplicate column name", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("only in case", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("'ctid' is a system column", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("control character U+000A", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("DECIMAL(40, 2)", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("128 UTF-8 bytes; the limit is 127", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("key column 'missing'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("DISTKEY 'nope'", StringComparison.Ordinal));
    }

    [Fact]
    public void AirlineTables_MatchTheSeeds()
    {
        AirlineTables.AirportsDim.Columns.Select(c => $"{c.Name} {c.Type}").Should().Equal(
            "airport_id BIGINT", "city VARCHAR(100)", "state VARCHAR(100)", "name VARCHAR(200)");
        AirlineTables.DailyFlightsFact.Columns.Select(c => $"{c.Name} {c.Type}").Should().Equal(
            "carrier VARCHAR(10)", "dep_airport VARCHAR(200)", "arr_airport VARCHAR(200)", "dep_city VARCHAR(100)",
            "arr_city VARCHAR(100)", "dep_state VARCHAR(100)", "arr_state VARCHAR(100)", "dep_delay BIGINT", "arr_delay BIGINT",
            "flight_date DATE", "flight_id VARCHAR(20)");
        AirlineTables.DailyFlightsFact.Key.Should().Equal("flight_date", "flight_id");
        AirlineTables.DailyFlightsFact.Name.ToString().Should().Be("airlines.daily_flights_fact");
    }

    [Fact]
    public void PlanBuild_ReportsEveryProblemAtOnce()
    {
        var keyless = TableDefinition.Create(null, "t").Column("a", ColumnType.Integer).Column("b", ColumnType.Integer).Build();

        var act = () => UpsertPlan.For(keyless)
            .Merge()
            .KeepLatestBy("zzz")
            .StagingSuffix("Bad-Suffix")
            .Grant(Grantee.User("u"), "FLY")
            .Build();

        var problems = act.Should().Throw<SqlValidationException>().Which.Problems;
        problems.Should().Contain(p => p.Contains("Merge into 't' needs key columns", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("needs a key", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("ordering column 'zzz'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("staging suffix 'Bad-Suffix'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("GRANT privilege 'FLY'", StringComparison.Ordinal));
    }

    [Fact]
    public void AppendWithoutKey_NeedsNoDuplicateCheck()
    {
        var keyless = TableDefinition.Create(null, "t").Column("a", ColumnType.Integer).Build();

        var plan = UpsertPlan.For(keyless).Append().Build();

        plan.DuplicatePolicy.Should().Be(DuplicateKeyPolicy.Allow);
        plan.Render(SqlDialect.Redshift).Statements.Select(s => s.Purpose).Should().Equal(
            StatementPurpose.CreateStaging, StatementPurpose.Load, StatementPurpose.Insert, StatementPurpose.DropStaging);
    }

    [Fact]
    public void StagingNames_AreUnique_LowerCaseAscii_AndFitPostgreSqlsLimit()
    {
        var table = TableDefinition.Create("Sales", "Très \"long\" " + new string('N', 100)).Column("a", ColumnType.Integer).Key("a").Build();

        var plan1 = UpsertPlan.For(table).Build();
        var plan2 = UpsertPlan.For(table).Build();

        plan1.LoadTable.Should().NotBe(plan2.LoadTable);
        plan1.LoadTable.Name.Should().MatchRegex("^[a-z_][a-z0-9_]*$");
        System.Text.Encoding.UTF8.GetByteCount(plan1.LoadTable.Name).Should().BeLessThanOrEqualTo(63);
        plan1.LoadTable.Schema.Should().BeNull("temp tables live in the session's temp schema");
    }

    [Fact]
    public void CopyCommand_RefusesCredentialsAndInconsistentOptions()
    {
        var act = () => CopyCommand.Create(
            new TableName("s", "t"),
            S3Source.Prefix("https://bucket/key"),
            new CopyOptions
            {
                IamRoles = ["aws_access_key_id=AKIA...;aws_secret_access_key=..."],
                Format = CopyFormat.Parquet,
                Delimiter = ',',
                Compression = CopyCompression.Gzip,
                Region = "Mars",
            });

        var problems = act.Should().Throw<SqlValidationException>().Which.Problems;
        problems.Should().Contain(p => p.Contains("not an s3:// URI", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("is not an IAM role ARN", StringComparison.Ordinal) && p.Contains("credentials never go into SQL", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("takes no DELIMITER", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("PARQUET takes no compression", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("Region 'Mars'", StringComparison.Ordinal));
    }
}
