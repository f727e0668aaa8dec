using Airline.Pipeline.Redshift.Tests.Support;
using Airline.Pipeline.TestSupport;
using FsCheck;
using FsCheck.Fluent;

namespace Airline.Pipeline.Redshift.Tests;

/// <summary>
/// Names and values made of quotes, semicolons, comment markers, backslashes, placeholders and Unicode never change
/// a statement's shape: PostgreSQL's parser sees exactly the intended statements, and SQLite runs the plan with the
/// values intact.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Pieces =
    [
        "\"", "'", ";", "--", "/*", "*/", "\\", " ", "a", "Z", "é", "漢", "😀", "$1", "$$", "%s", "?", "@p0", ":x",
        "\\'", "''", "\"\"", "E'", ")", "(", ",", "\u00A0", "\u200B",
    ];

    private static Gen<string> Fragment { get; } = Gen.Elements(Pieces).ListOf().Select(p => string.Concat(p.Take(8)));

    public sealed record Case(string Schema, string Table, string[] Columns, string Literal, string Value);

    private static Gen<Case> Cases { get; } =
        from schema in Fragment
        from table in Fragment
        from c1 in Fragment
        from c2 in Fragment
        from c3 in Fragment
        from literal in Fragment
        from value in Fragment
        select new Case("s_" + schema, "t_" + table, ["c0_" + c1, "c1_" + c2, "c2_" + c3], literal, value);

    private static TableDefinition TableFor(Case c) => TableDefinition.Create(c.Schema, c.Table)
        .Column(c.Columns[0], ColumnType.Varchar(100))
        .Column(c.Columns[1], ColumnType.Varchar(200))
        .Column(c.Columns[2], ColumnType.BigInt)
        .Key(c.Columns[0])
        .Build();

    private static UpsertPlan PlanFor(Case c, TableDefinition table) => UpsertPlan.For(table)
        .Merge()
        .KeepLatestBy(c.Columns[2])
        .Grant(Grantee.User(c.Literal.Length == 0 ? "u" : c.Literal), "SELECT")
        .AuditRow(new TableName(c.Schema, "audit_" + c.Table), (c.Columns[0], AuditValue.Of(c.Literal)), (c.Columns[2], AuditValue.StagedRowCount))
        .Build();

    [Fact]
    public void QuotedNamesAndLiterals_RoundTrip()
    {
        Prop.ForAll(
                Arb.From(Fragment),
                value =>
                {
                    var quoted = SqlDialect.PostgreSql.QuoteIdentifier("x" + value);
                    var literal = SqlDialect.PostgreSql.StringLiteral(value);
                    var redshift = SqlDialect.Redshift.StringLiteral(value);
                    return quoted[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) == "x" + value
                        && literal[1..^1].Replace("''", "'", StringComparison.Ordinal) == value
                        && redshift[1..^1].Replace("''", "'", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal) == value;
                })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task FuzzedNamesAndValues_NeverChangeTheStatementCount_UnderPostgreSqlsParser()
    {
        var cases = Cases.Sample(150, 0);
        var texts = new List<(string Where, string Sql, int Statements)>();
        foreach (var c in cases)
        {
            var table = TableFor(c);
            var plan = PlanFor(c, table);
            foreach (var dialect in new[] { SqlDialect.Redshift, SqlDialect.PostgreSql })
            {
                var rendered = plan.Render(dialect);
                foreach (var statement in rendered.Statements.Where(s => !s.IsRedshiftOnly && s.Kind != StatementKind.LoadRows))
                {
                    texts.Add(($"{c}/{dialect}/{statement.Purpose}", statement.ScriptText, 1));
                }
            }

            var pg = plan.Render(SqlDialect.PostgreSql);
            texts.Add(($"{c}/script", pg.ToScript(), pg.Statements.Count(s => s.Kind != StatementKind.LoadRows) + 2));
            var ddl = SqlDialect.PostgreSql.CreateTable(table);
            texts.Add(($"{c}/ddl", ddl.ToScript(), ddl.Statements.Count));
            var query = SelectQuery.From(table.Name, c.Literal.Length == 0 ? "a" : c.Literal)
                .Where(SqlExpression.Equal(SqlExpression.Column(c.Literal.Length == 0 ? "a" : c.Literal, c.Columns[1]), SqlExpression.Literal(c.Value)))
                .Select(SqlExpression.Literal(c.Literal), c.Columns[0]);
            texts.Add(($"{c}/select", SqlDialect.Redshift.Render(query), 1));
        }

        texts.Should().HaveCountGreaterThan(150 * 10);
        var results = await PgParser.ParseAsync(texts.Select(t => t.Sql).ToList());

        for (var i = 0; i < texts.Count; i++)
        {
            results[i].Ok.Should().BeTrue($"{texts[i].Where}: {results[i].Error}\n{texts[i].Sql}");
            results[i].Statements.Should().Be(texts[i].Statements, texts[i].Sql);
        }
    }

    [Fact]
    public void FuzzedNamesAndValues_RunOnSqlite_WithEveryValueIntact()
    {
        Prop.ForAll(
                Arb.From(Cases),
                c =>
                {
                    using var connection = SqliteDatabase.OpenInMemory();
                    var table = TableFor(c);
                    var dialect = SqlDialect.Sqlite;
                    var audit = TableDefinition.Create(c.Schema, "audit_" + c.Table)
                        .Column(c.Columns[0], ColumnType.Varchar(100)).Column(c.Columns[2], ColumnType.BigInt).Build();
                    PlanExecutor.Default.ExecuteAsync(connection, dialect.CreateTable(table)).GetAwaiter().GetResult();
                    PlanExecutor.Default.ExecuteAsync(connection, dialect.CreateTable(audit)).GetAwaiter().GetResult();
                    var rendered = PlanFor(c, table).Render(dialect);
                    IReadOnlyList<object?>[] rows = [[c.Value, c.Literal, 1L], [c.Value, c.Value + c.Literal, 2L], [c.Literal + "!", null, 3L]];

                    var result = PlanExecutor.Default.ExecuteAsync(connection, rendered, rows).GetAwaiter().GetResult();

                    var stored = Query(connection, $"SELECT {dialect.QuoteIdentifier(c.Columns[0])}, {dialect.QuoteIdentifier(c.Columns[1])} FROM {dialect.QualifiedName(table.Name)} ORDER BY {dialect.QuoteIdentifier(c.Columns[2])}");
                    var audited = Query(connection, $"SELECT {dialect.QuoteIdentifier(c.Columns[0])}, {dialect.QuoteIdentifier(c.Columns[2])} FROM {dialect.QualifiedName(audit.Name)}");
                    var expected = c.Value == c.Literal + "!"
                        ? new[] { new object?[] { c.Literal + "!", null } }
                        : [[c.Value, c.Value + c.Literal], [c.Literal + "!", null]];
                    return result.Statements.Count == rendered.Statements.Count
                        && stored.Count == expected.Length
                        && stored.Zip(expected).All(p => Equals(p.First[0], p.Second[0]) && Equals(p.First[1], p.Second[1]))
                        && audited.Count == 1 && Equals(audited[0][0], c.Literal) && Equals(audited[0][1], (long)expected.Length);
                })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    private static List<object?[]> Query(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add([reader.IsDBNull(0) ? null : reader.GetValue(0), reader.IsDBNull(1) ? null : reader.GetValue(1)]);
        }

        return rows;
    }
}
