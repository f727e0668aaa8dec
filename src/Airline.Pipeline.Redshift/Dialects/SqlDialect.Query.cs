using System.Text;
using Airline.Pipeline.Redshift.Internal;

namespace Airline.Pipeline.Redshift;

public sealed partial class SqlDialect
{
    /// <summary>Renders an expression.</summary>
    public string Render(SqlExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var context = new RenderContext();
        var sql = Expression(expression, context);
        context.ThrowIfProblems();
        return sql;
    }

    /// <summary>Renders a SELECT.</summary>
    public string Render(SelectQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = new RenderContext();
        var sql = Select(query, context);
        context.ThrowIfProblems();
        return sql;
    }

    /// <summary>
    /// <c>INSERT INTO target (columns) SELECT ...</c> as a one-statement plan (run it with <c>PlanExecutor</c>, which
    /// wraps it in a transaction and records its row count). Columns default to the query's output names.
    /// </summary>
    public RenderedPlan InsertSelect(TableName target, SelectQuery query, IReadOnlyList<string>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = new RenderContext();
        var names = columns ?? query.Items.Select(i => i.Name).ToList();
        if (names.Count != query.Items.Count)
        {
            context.Problems.Add($"INSERT into '{target}' names {names.Count} columns but the query selects {query.Items.Count}");
        }

        var sql = $"INSERT INTO {Qualified(target, context)} ({string.Join(", ", names.Select(n => Quote(n, $"column of '{target}'", context)))}) {Select(query, context)}";
        context.ThrowIfProblems();
        return new RenderedPlan(this, [new RenderedStatement(StatementPurpose.Insert, sql)], [], context.Warnings, transactional: true, 0, null);
    }

    private string Select(SelectQuery query, RenderContext context)
    {
        if (query.Items.Count == 0)
        {
            context.Problems.Add($"SELECT from '{query.Table}' has no output; add .Select(expression, name)");
        }

        var sql = new StringBuilder("SELECT ");
        sql.AppendJoin(", ", query.Items.Select(i => Expression(i.Expression, context) + " AS " + Quote(i.Name, "output column", context)));
        sql.Append(" FROM ").Append(Qualified(query.Table, context)).Append(" AS ").Append(Quote(query.Alias, "table alias", context));
        foreach (var join in query.Joins)
        {
            sql.Append(join.Kind == JoinKind.Left ? " LEFT JOIN " : " INNER JOIN ")
                .Append(Qualified(join.Table, context)).Append(" AS ").Append(Quote(join.Alias, "table alias", context))
                .Append(" ON ").Append(Expression(join.On, context));
        }

        if (query.Condition is not null)
        {
            sql.Append(" WHERE ").Append(Expression(query.Condition, context));
        }

        return sql.ToString();
    }

    private string Expression(SqlExpression expression, RenderContext context) => expression switch
    {
        ColumnExpression c => c.TableAlias is null
            ? Quote(c.Name, "column", context)
            : Quote(c.TableAlias, "table alias", context) + "." + Quote(c.Name, "column", context),
        LiteralExpression l => Literal(l.Value, context),
        BinaryExpression b => $"({Expression(b.Left, context)} {b.Operator} {Expression(b.Right, context)})",
        NullSafeEqualExpression n => NullSafe(Expression(n.Left, context), Expression(n.Right, context)),
        LogicalExpression { Operands.Count: 0 } l => l.Operator == "AND" ? "(1 = 1)" : "(1 = 0)",
        LogicalExpression l => "(" + string.Join($" {l.Operator} ", l.Operands.Select(o => Expression(o, context))) + ")",
        NotExpression n => $"(NOT {Expression(n.Operand, context)})",
        IsNullExpression i => $"({Expression(i.Operand, context)} IS {(i.Negated ? "NOT " : "")}NULL)",
        CastExpression c => $"CAST({Expression(c.Operand, context)} AS {TypeName(c.Type)})",
        CoalesceExpression c => $"COALESCE({string.Join(", ", c.Operands.Select(o => Expression(o, context)))})",
        _ => throw new InvalidOperationException($"Unknown expression {expression.GetType().Name}."),
    };

    private string NullSafe(string left, string right) => Kind == SqlDialectKind.Sqlite
        ? $"({left} IS {right})"
        : $"({left} = {right} OR ({left} IS NULL AND {right} IS NULL))";
}
