using Airline.Pipeline.Redshift.Tests.Support;

namespace Airline.Pipeline.Redshift.Tests;

public sealed class DialectTests
{
    [Theory]
    [InlineData("group", "\"group\"")]
    [InlineData("my \"quoted\" name", "\"my \"\"quoted\"\" name\"")]
    [InlineData("a;b--c/*d*/", "\"a;b--c/*d*/\"")]
    [InlineData("été", "\"été\"")]
    public void QuoteIdentifier_AlwaysQuotes_DoublingQuotes(string name, string expected)
    {
        SqlDialect.Redshift.QuoteIdentifier(name).Should().Be(expected);
        SqlDialect.PostgreSql.QuoteIdentifier(name).Should().Be(expected);
        SqlDialect.Sqlite.QuoteIdentifier(name).Should().Be(expected);
    }

    [Fact]
    public void Identifiers_AreValidatedPerDialect()
    {
        var name64 = new string('a', 64);
        SqlDialect.Redshift.CheckIdentifier(name64).Problems.Should().BeEmpty();
        SqlDialect.PostgreSql.CheckIdentifier(name64).Problems.Should().ContainSingle().Which.Should().Contain("limit is 63");
        SqlDialect.Sqlite.CheckIdentifier(new string('a', 500)).Problems.Should().BeEmpty();
        SqlDialect.Redshift.CheckIdentifier(new string('é', 64)).Problems.Should().ContainSingle().Which.Should().Contain("128 UTF-8 bytes");
        SqlDialect.Redshift.CheckIdentifier("").Problems.Should().ContainSingle().Which.Should().Contain("empty");
        SqlDialect.Redshift.CheckIdentifier("tab\there").Problems.Should().ContainSingle().Which.Should().Contain("U+0009");
        var act = () => SqlDialect.PostgreSql.QuoteIdentifier(name64);
        act.Should().Throw<SqlValidationException>();
    }

    [Fact]
    public void Redshift_WarnsOnUpperCase_UnlessCaseSensitive()
    {
        SqlDialect.Redshift.CheckIdentifier("Region").Warnings.Should().ContainSingle().Which.Should().Contain("folds it to 'region'");
        SqlDialect.RedshiftCaseSensitive.CheckIdentifier("Region").Warnings.Should().BeEmpty();
        SqlDialect.PostgreSql.CheckIdentifier("Region").Warnings.Should().BeEmpty();
        Scenario.Plan(UpsertStrategy.Merge).Build().Render(SqlDialect.Redshift).Warnings
            .Should().Contain(w => w.Contains("'Sales'", StringComparison.Ordinal)).And.Contain(w => w.Contains("'Region'", StringComparison.Ordinal));
    }

    [Fact]
    public void RedshiftMergeOnNullableKeys_Warns_AndGlueRefusesCopy()
    {
        Scenario.Plan(UpsertStrategy.Merge).Build().Render(SqlDialect.RedshiftCaseSensitive).Warnings
            .Should().ContainSingle().Which.Should().Contain("DeleteInsert");
        UpsertPlan.For(AirlineTables.AirportsDim).Merge().Build().Render(SqlDialect.Redshift).Warnings.Should().BeEmpty();
        var act = () => UpsertPlan.For(AirlineTables.AirportsDim).ForGlue()
            .LoadWithCopy(S3Source.Prefix("s3://b/k"), new CopyOptions { UseDefaultIamRole = true }).Build();
        act.Should().Throw<SqlValidationException>().WithMessage("*Glue connector*");
    }

    [Fact]
    public void StringLiterals_AreEscaped_RedshiftAlsoDoublingBackslashes()
    {
        const string value = "it's \\ 'x'; -- /*";
        SqlDialect.PostgreSql.StringLiteral(value).Should().Be("'it''s \\ ''x''; -- /*'");
        SqlDialect.Sqlite.StringLiteral(value).Should().Be("'it''s \\ ''x''; -- /*'");
        SqlDialect.Redshift.StringLiteral(value).Should().Be("'it''s \\\\ ''x''; -- /*'");
        var act = () => SqlDialect.PostgreSql.StringLiteral("nul\0");
        act.Should().Throw<SqlValidationException>().Which.Message.Should().Contain("NUL");
    }

    [Fact]
    public void Literals_CoverTheUsualTypes()
    {
        SqlDialect.Redshift.Literal(null).Should().Be("NULL");
        SqlDialect.Redshift.Literal(true).Should().Be("TRUE");
        SqlDialect.Sqlite.Literal(true).Should().Be("1");
        SqlDialect.Redshift.Literal(12.5m).Should().Be("12.5");
        SqlDialect.Redshift.Literal(-3L).Should().Be("-3");
        SqlDialect.Redshift.Literal(new DateOnly(2023, 11, 15)).Should().Be("DATE '2023-11-15'");
        SqlDialect.Sqlite.Literal(new DateOnly(2023, 11, 15)).Should().Be("'2023-11-15'");
        SqlDialect.PostgreSql.Literal(new DateTime(2023, 11, 15, 1, 2, 3)).Should().Be("TIMESTAMP '2023-11-15 01:02:03.000000'");
        var act = () => SqlDialect.Redshift.Literal(double.NaN);
        act.Should().Throw<SqlValidationException>();
    }

    [Fact]
    public void TypeNames_MapPerDialect()
    {
        SqlDialect.Redshift.TypeName(ColumnType.DoublePrecision).Should().Be("DOUBLE PRECISION");
        SqlDialect.PostgreSql.TypeName(ColumnType.Varchar(10)).Should().Be("VARCHAR(10)");
        SqlDialect.Sqlite.TypeName(ColumnType.Varchar(10)).Should().Be("TEXT");
        SqlDialect.Sqlite.TypeName(ColumnType.Boolean).Should().Be("INTEGER");
        SqlDialect.Sqlite.TypeName(ColumnType.Decimal(10, 2)).Should().Be("NUMERIC");
    }

    [Fact]
    public void Sqlite_DropsSchemas_UnlessAttached()
    {
        var name = new TableName("airlines", "daily_flights_fact");
        SqlDialect.Sqlite.QualifiedName(name).Should().Be("\"daily_flights_fact\"");
        SqlDialect.SqliteWithAttachedSchemas.QualifiedName(name).Should().Be("\"airlines\".\"daily_flights_fact\"");
        SqlDialect.Redshift.QualifiedName(name).Should().Be("\"airlines\".\"daily_flights_fact\"");
        SqlDialect.Sqlite.CreateTable(AirlineTables.DailyFlightsFact).Statements.Should().ContainSingle();
    }

    [Fact]
    public void Render_ReportsEveryBadNameForTheDialect()
    {
        var table = TableDefinition.Create(new string('s', 70), new string('t', 70)).Column(new string('c', 70), ColumnType.Integer).Key(new string('c', 70)).Build();

        var act = () => UpsertPlan.For(table).Build().Render(SqlDialect.PostgreSql);

        act.Should().Throw<SqlValidationException>().Which.Problems.Should().HaveCountGreaterThanOrEqualTo(3)
            .And.OnlyContain(p => p.Contains("limit is 63", StringComparison.Ordinal));
        UpsertPlan.For(table).Build().Render(SqlDialect.Redshift).Statements.Should().NotBeEmpty();
    }

    [Fact]
    public void Script_WrapsTheStatementsInOneTransaction_WithPurposesInOrder()
    {
        var rendered = Scenario.Plan(UpsertStrategy.DeleteInsert).KeepLatestBy("loaded_at").LockTarget().Analyze().Build().Render(SqlDialect.Redshift);

        rendered.Statements.Select(s => s.Purpose).Should().Equal(
            StatementPurpose.CreateStaging, StatementPurpose.Load, StatementPurpose.Lock, StatementPurpose.CreateStaging,
            StatementPurpose.Deduplicate, StatementPurpose.Delete, StatementPurpose.Insert, StatementPurpose.Analyze,
            StatementPurpose.DropStaging, StatementPurpose.DropStaging);
        var script = rendered.ToScript();
        script.Should().StartWith("BEGIN;\n").And.EndWith("COMMIT;\n");
        script.Should().NotContain("TRUNCATE").And.NotContain("ALTER TABLE", "statements that commit implicitly are never generated");
        rendered.Cleanup.Should().HaveCount(2).And.OnlyContain(s => s.Sql.StartsWith("DROP TABLE IF EXISTS", StringComparison.Ordinal));
    }

    [Fact]
    public void GlueActions_AreSingleLine_SemicolonSeparated_WithPermanentStaging()
    {
        var plan = Readme.DailyFlightsGluePlan();
        var glue = plan.Render(SqlDialect.Redshift).ToGlueActions();

        glue.DbTable.Should().Be("airlines.daily_flights_fact_stage_run20231115");
        plan.TemporaryStaging.Should().BeFalse();
        glue.PreActions.Should().NotContain("\n").And.NotContain("TEMP").And.Contain("CREATE TABLE \"airlines\".\"daily_flights_fact_stage_run20231115\"");
        glue.PostActions.Should().NotContain("\n").And.StartWith("BEGIN; ").And.EndWith("; COMMIT;")
            .And.Contain("DROP TABLE IF EXISTS \"airlines\".\"daily_flights_fact_stage_run20231115\"");
        var notGlue = () => Readme.DailyFlightsPlan().Render(SqlDialect.Redshift).ToGlueActions();
        notGlue.Should().Throw<InvalidOperationException>().WithMessage("*ForGlue*");
    }

    [Fact]
    public void GlueActions_RefuseValuesTheConnectorWouldSplitOrFormat()
    {
        var plan = UpsertPlan.For(AirlineTables.AirportsDim).Merge().ForGlue()
            .AuditRow(new TableName("airlines", "audit"), ("event", AuditValue.Of("a; b %s")))
            .Build();

        var act = () => plan.Render(SqlDialect.Redshift).ToGlueActions();

        act.Should().Throw<SqlValidationException>().Which.Problems.Should().ContainSingle().Which.Should().Contain("Audit");
    }

    [Fact]
    public void Copy_RendersPerDialect()
    {
        var command = CopyCommand.Create(
            AirlineTables.AirportsDim.Name, S3Source.Prefix("s3://b/airports.csv"), new CopyOptions { UseDefaultIamRole = true, IgnoreHeader = 1 });

        SqlDialect.PostgreSqlCopyFromServerFiles(s => "/data/" + s.Uri[5..]).Copy(command).Sql
            .Should().Be("COPY \"airlines\".\"airports_dim\" FROM '/data/b/airports.csv' WITH (FORMAT csv, HEADER true)");
        var sqlite = () => SqlDialect.Sqlite.Copy(command);
        sqlite.Should().Throw<SqlValidationException>().WithMessage("*SQLite has no COPY*");
        var parquet = () => SqlDialect.PostgreSql.Copy(CopyCommand.Create(
            AirlineTables.AirportsDim.Name, S3Source.Prefix("s3://b/x"), new CopyOptions { UseDefaultIamRole = true, Format = CopyFormat.Parquet }));
        parquet.Should().Throw<SqlValidationException>().WithMessage("*not Parquet*");
    }

    [Fact]
    public void Query_RendersJoinsFiltersAndCasts()
    {
        var query = SelectQuery.From(new TableName("raw", "flights"), "f")
            .Join(AirlineTables.AirportsDim.Name, "o", SqlExpression.Equal(SqlExpression.Column("f", "OriginAirportID"), SqlExpression.Column("o", "airport_id")))
            .Join(AirlineTables.AirportsDim.Name, "d", SqlExpression.Equal(SqlExpression.Column("f", "DestAirportID"), SqlExpression.Column("d", "airport_id")), JoinKind.Left)
            .Where(SqlExpression.GreaterThan(SqlExpression.Column("f", "DepDelay"), SqlExpression.Literal(60)))
            .Select(SqlExpression.Column("f", "Carrier"), "carrier")
            .Select(SqlExpression.Cast(SqlExpression.Column("f", "FlightDate"), ColumnType.Date), "flight_date");

        SqlDialect.Redshift.Render(query).Should().Be(
            "SELECT \"f\".\"Carrier\" AS \"carrier\", CAST(\"f\".\"FlightDate\" AS DATE) AS \"flight_date\" FROM \"raw\".\"flights\" AS \"f\" " +
            "INNER JOIN \"airlines\".\"airports_dim\" AS \"o\" ON (\"f\".\"OriginAirportID\" = \"o\".\"airport_id\") " +
            "LEFT JOIN \"airlines\".\"airports_dim\" AS \"d\" ON (\"f\".\"DestAirportID\" = \"d\".\"airport_id\") WHERE (\"f\".\"DepDelay\" > 60)");
        SqlDialect.Sqlite.Render(SqlExpression.NullSafeEqual(SqlExpression.Column(null, "a"), SqlExpression.Literal(null))).Should().Be("(\"a\" IS NULL)");
    }
}
