using System.CommandLine;
using System.Text.Json.Nodes;
using Airline.Pipeline.Redshift;

namespace Airline.Pipeline.Cli.Internal.Commands;

/// <summary><c>sql ddl | upsert</c>: the SQL of the Redshift package, for Redshift, PostgreSQL or SQLite.</summary>
internal static class SqlCommands
{
    public static Command Create(CliContext context)
    {
        var sql = new Command("sql", "Emit warehouse SQL from a table spec: CREATE TABLE, and upsert plans (staging, checks, apply, clean-up).");
        sql.Add(Ddl(context));
        sql.Add(Upsert(context));
        return sql;
    }

    private static Option<string> TableOption() => new("--table")
    {
        Description = "The table spec (JSON): see SPEC.json above.",
        HelpName = "SPEC.json",
        Required = true,
    };

    private static Option<string> DialectOption()
    {
        var option = new Option<string>("--dialect")
        {
            Description = "SQL dialect: redshift (default), postgres or sqlite.",
            HelpName = "redshift|postgres|sqlite",
            DefaultValueFactory = _ => "redshift",
        };
        option.AcceptOnlyFromAmong("redshift", "postgres", "sqlite");
        return option;
    }

    private static SqlDialect Dialect(string name) => name switch
    {
        "postgres" => SqlDialect.PostgreSql,
        "sqlite" => SqlDialect.Sqlite,
        _ => SqlDialect.Redshift,
    };

    private static Command Ddl(CliContext context)
    {
        var table = TableOption();
        var dialect = DialectOption();
        var command = new Command(
            "ddl",
            "Print CREATE SCHEMA/CREATE TABLE IF NOT EXISTS for the table, with Redshift's DISTSTYLE, DISTKEY, SORTKEY and " +
            "ENCODE (dropped for PostgreSQL and SQLite).\n" + TableSpec.Help)
        {
            table,
            dialect,
        };
        var format = command.AddFormatOption();
        command.SetHandler(context, parse =>
        {
            var (definition, _) = TableSpec.Load(parse.GetValue(table)!);
            var plan = Render(() => Dialect(parse.GetValue(dialect)!).CreateTable(definition));
            Write(context, plan, parse.IsJson(format));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Upsert(CliContext context)
    {
        var table = TableOption();
        var dialect = DialectOption();
        var strategy = new Option<string>("--strategy")
        {
            Description =
                "How staged rows reach the table: delete-insert (default: delete rows with a staged key, insert all), merge " +
                "(MERGE on the key), replace-partition (delete whole partitions present in staging: partitionColumns of the " +
                "spec), append (insert all) or insert-new (insert rows whose key is new).",
            HelpName = "delete-insert|merge|replace-partition|append|insert-new",
        };
        strategy.AcceptOnlyFromAmong("delete-insert", "merge", "replace-partition", "append", "insert-new");
        var glue = new Option<bool>("--glue-actions")
        {
            Description = "Print the Glue Redshift connector's dbtable, preactions and postactions instead of a script (Redshift only).",
        };
        var keepLatest = new Option<string?>("--keep-latest-by")
        {
            Description = "Keep, per key, the staged row with the greatest value of this column (default: fail on duplicate keys).",
            HelpName = "COLUMN",
        };
        var suffix = new Option<string?>("--staging-suffix")
        {
            Description = "Suffix of the staging table names (lower-case letters, digits, _; at most 16) for repeatable SQL; default random.",
            HelpName = "SUFFIX",
        };
        var command = new Command(
            "upsert",
            "Print the upsert plan's SQL: create staging, load (rows from your loader), check duplicate keys, apply with " +
            "the strategy, drop staging, in one transaction. Exit 2 for a bad spec or a strategy the spec cannot serve.\n" +
            TableSpec.Help)
        {
            table,
            strategy,
            dialect,
            glue,
            keepLatest,
            suffix,
        };
        var format = command.AddFormatOption();
        command.SetHandler(context, parse =>
        {
            var dialectName = parse.GetValue(dialect)!;
            var forGlue = parse.GetValue(glue);
            if (forGlue && dialectName != "redshift")
            {
                throw CliException.BadInput($"--glue-actions needs --dialect redshift (the Glue connector writes to Redshift), not '{dialectName}'");
            }

            var specPath = parse.GetValue(table)!;
            var (definition, partitions) = TableSpec.Load(specPath);
            var builder = UpsertPlan.For(definition);
            switch (parse.GetValue(strategy))
            {
                case "merge":
                    builder.Merge();
                    break;
                case "replace-partition":
                    if (partitions.Count == 0)
                    {
                        throw CliException.BadInput(
                            $"--strategy replace-partition needs the partition column: add \"partitionColumns\": [\"flight_date\"] to '{specPath}'");
                    }

                    builder.ReplacePartitions([.. partitions]);
                    break;
                case "append":
                    builder.Append();
                    break;
                case "insert-new":
                    builder.InsertNewOnly();
                    break;
                case "delete-insert" or null:
                    builder.DeleteInsert();
                    break;
                case var other:
                    // System.CommandLine lets a value spelled like a command name ("upsert") past AcceptOnlyFromAmong.
                    throw CliException.BadInput(
                        $"--strategy '{other}' is not a strategy; use delete-insert, merge, replace-partition, append or insert-new");
            }

            if (parse.GetValue(keepLatest) is { } ordering)
            {
                builder.KeepLatestBy(ordering);
            }

            if (parse.GetValue(suffix) is { } stagingSuffix)
            {
                builder.StagingSuffix(stagingSuffix);
            }

            if (forGlue)
            {
                builder.ForGlue();
            }

            var plan = Render(() => builder.Build().Render(Dialect(dialectName)));
            if (forGlue)
            {
                var actions = Render(plan.ToGlueActions);
                if (parse.IsJson(format))
                {
                    context.WriteJson(new JsonObject
                    {
                        ["dbtable"] = actions.DbTable,
                        ["preactions"] = actions.PreActions,
                        ["postactions"] = actions.PostActions,
                    });
                }
                else
                {
                    context.Out.WriteLine("dbtable: " + actions.DbTable);
                    context.Out.WriteLine("preactions: " + actions.PreActions);
                    context.Out.WriteLine("postactions: " + actions.PostActions);
                }

                WriteWarnings(context, plan);
                return ExitCodes.Ok;
            }

            Write(context, plan, parse.IsJson(format));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static T Render<T>(Func<T> render)
    {
        try
        {
            return render();
        }
        catch (SqlValidationException e)
        {
            throw CliException.BadInput("the SQL cannot be made:" + Environment.NewLine +
                string.Join(Environment.NewLine, e.Problems.Select(p => "  " + p)));
        }
    }

    private static void Write(CliContext context, RenderedPlan plan, bool json)
    {
        if (json)
        {
            context.WriteJson(new JsonObject
            {
                ["dialect"] = plan.Dialect.Kind.ToString().ToLowerInvariant(),
                ["transactional"] = plan.Transactional,
                ["statements"] = new JsonArray([.. plan.Statements.Select(s => (JsonNode)new JsonObject
                {
                    ["purpose"] = s.Purpose.ToString(),
                    ["kind"] = s.Kind.ToString(),
                    ["sql"] = s.ScriptText,
                    ["redshiftOnly"] = s.IsRedshiftOnly,
                })]),
                ["warnings"] = new JsonArray([.. plan.Warnings.Select(w => (JsonNode)w)]),
            });
        }
        else
        {
            context.Out.Write(plan.ToScript());
        }

        WriteWarnings(context, plan);
    }

    private static void WriteWarnings(CliContext context, RenderedPlan plan)
    {
        foreach (var warning in plan.Warnings)
        {
            context.Error.WriteLine($"{CliApp.ToolName}: warning: {warning}");
        }
    }
}
