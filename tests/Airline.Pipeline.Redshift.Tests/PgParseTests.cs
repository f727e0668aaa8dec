using Airline.Pipeline.Redshift.Tests.Support;

namespace Airline.Pipeline.Redshift.Tests;

/// <summary>PostgreSQL's own parser (libpg-query) reads every statement of every plan's Redshift and PostgreSQL
/// rendering that is PostgreSQL syntax; the Redshift-only ones it must reject (they are pinned by golden files).</summary>
public sealed class PgParseTests
{
    [Fact]
    public async Task EveryRenderedStatement_ParsesAsExactlyOneStatement_UnlessRedshiftOnly()
    {
        var parseable = new List<(string Where, string Sql, int Statements)>();
        var redshiftOnly = new List<(string Where, string Sql)>();
        foreach (var (name, plan) in PlanCatalog.All())
        {
            foreach (var dialect in new[] { SqlDialect.Redshift, SqlDialect.PostgreSql })
            {
                var rendered = plan.Render(dialect);
                foreach (var statement in rendered.Statements)
                {
                    var where = $"{name}/{dialect}/{statement.Purpose}";
                    if (statement.IsRedshiftOnly)
                    {
                        redshiftOnly.Add((where, statement.Sql));
                        continue;
                    }

                    if (statement.Kind == StatementKind.LoadRows)
                    {
                        var values = "(" + string.Join(", ", Enumerable.Range(0, statement.RowLoad!.ColumnCount).Select(i => $"${i + 1}")) + ")";
                        parseable.Add((where, statement.Sql + values, 1));
                        continue;
                    }

                    parseable.Add((where, statement.Sql, 1));
                    if (statement.ScriptSql is not null)
                    {
                        parseable.Add((where + "/script", statement.ScriptSql, 1));
                    }
                }

                if (dialect == SqlDialect.PostgreSql || rendered.Statements.All(s => !s.IsRedshiftOnly))
                {
                    parseable.Add(($"{name}/{dialect}/script", rendered.ToScript(), rendered.Statements.Count(s => s.Kind != StatementKind.LoadRows) + 2));
                }

                if (plan.ForGlue && dialect == SqlDialect.Redshift && rendered.Statements.All(s => !s.IsRedshiftOnly))
                {
                    var glue = rendered.ToGlueActions();
                    parseable.Add(($"{name}/glue/pre", glue.PreActions, rendered.PreActionCount));
                    parseable.Add(($"{name}/glue/post", glue.PostActions, glue.PostActions.Count(c => c == ';')));
                }
            }
        }

        foreach (var table in new[] { Scenario.Table, AirlineTables.AirportsDim, AirlineTables.DailyFlightsFact })
        {
            foreach (var statement in SqlDialect.PostgreSql.CreateTable(table).Statements)
            {
                parseable.Add(($"{table.Name}/ddl", statement.Sql, 1));
            }

            foreach (var statement in SqlDialect.Redshift.CreateTable(table).Statements)
            {
                (statement.IsRedshiftOnly ? redshiftOnly : null)?.Add(($"{table.Name}/ddl", statement.Sql));
            }
        }

        var results = await PgParser.ParseAsync([.. parseable.Select(p => p.Sql), .. redshiftOnly.Select(r => r.Sql)]);

        for (var i = 0; i < parseable.Count; i++)
        {
            results[i].Ok.Should().BeTrue($"{parseable[i].Where} should parse: {results[i].Error}\n{parseable[i].Sql}");
            results[i].Statements.Should().Be(parseable[i].Statements, $"{parseable[i].Where}: {parseable[i].Sql}");
        }

        for (var i = 0; i < redshiftOnly.Count; i++)
        {
            results[parseable.Count + i].Ok.Should().BeFalse($"{redshiftOnly[i].Where} is marked Redshift-only, so PostgreSQL should reject it: {redshiftOnly[i].Sql}");
        }

        parseable.Should().HaveCountGreaterThan(300);
        redshiftOnly.Should().HaveCountGreaterThan(5);
    }
}
