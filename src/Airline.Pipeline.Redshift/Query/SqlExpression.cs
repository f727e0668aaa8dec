namespace Airline.Pipeline.Redshift;

/// <summary>
/// A dialect-neutral SQL expression for <see cref="SelectQuery"/>: columns, escaped literals, comparisons, AND/OR,
/// IS NULL, arithmetic, CAST and COALESCE. Any dialect renders it (<see cref="SqlDialect.Render(SqlExpression)"/>).
/// </summary>
public abstract record SqlExpression
{
    private protected SqlExpression()
    {
    }

    /// <summary>A column, optionally qualified by a table alias: <c>"alias"."name"</c>.</summary>
    public static SqlExpression Column(string? tableAlias, string name) => new ColumnExpression(tableAlias, name);

    /// <summary>A literal value (escaped by the dialect).</summary>
    public static SqlExpression Literal(object? value) => new LiteralExpression(value);

    /// <summary><c>left = right</c>.</summary>
    public static SqlExpression Equal(SqlExpression left, SqlExpression right) => new BinaryExpression("=", left, right);

    /// <summary><c>left &lt;&gt; right</c>.</summary>
    public static SqlExpression NotEqual(SqlExpression left, SqlExpression right) => new BinaryExpression("<>", left, right);

    /// <summary><c>left &lt; right</c>.</summary>
    public static SqlExpression LessThan(SqlExpression left, SqlExpression right) => new BinaryExpression("<", left, right);

    /// <summary><c>left &lt;= right</c>.</summary>
    public static SqlExpression LessThanOrEqual(SqlExpression left, SqlExpression right) => new BinaryExpression("<=", left, right);

    /// <summary><c>left &gt; right</c>.</summary>
    public static SqlExpression GreaterThan(SqlExpression left, SqlExpression right) => new BinaryExpression(">", left, right);

    /// <summary><c>left &gt;= right</c>.</summary>
    public static SqlExpression GreaterThanOrEqual(SqlExpression left, SqlExpression right) => new BinaryExpression(">=", left, right);

    /// <summary><c>left + right</c>.</summary>
    public static SqlExpression Add(SqlExpression left, SqlExpression right) => new BinaryExpression("+", left, right);

    /// <summary><c>left - right</c>.</summary>
    public static SqlExpression Subtract(SqlExpression left, SqlExpression right) => new BinaryExpression("-", left, right);

    /// <summary>Equal, or both NULL (portable: no IS NOT DISTINCT FROM, which Redshift lacks).</summary>
    public static SqlExpression NullSafeEqual(SqlExpression left, SqlExpression right) => new NullSafeEqualExpression(left, right);

    /// <summary>All of the conditions (<c>TRUE</c> when none).</summary>
    public static SqlExpression And(params SqlExpression[] conditions) => new LogicalExpression("AND", conditions);

    /// <summary>Any of the conditions (<c>FALSE</c> when none).</summary>
    public static SqlExpression Or(params SqlExpression[] conditions) => new LogicalExpression("OR", conditions);

    /// <summary><c>NOT (operand)</c>.</summary>
    public static SqlExpression Not(SqlExpression operand) => new NotExpression(operand);

    /// <summary><c>operand IS NULL</c>.</summary>
    public static SqlExpression IsNull(SqlExpression operand) => new IsNullExpression(operand, false);

    /// <summary><c>operand IS NOT NULL</c>.</summary>
    public static SqlExpression IsNotNull(SqlExpression operand) => new IsNullExpression(operand, true);

    /// <summary><c>CAST(operand AS type)</c>, the type named per dialect.</summary>
    public static SqlExpression Cast(SqlExpression operand, ColumnType type) => new CastExpression(operand, type);

    /// <summary><c>COALESCE(a, b, ...)</c>.</summary>
    public static SqlExpression Coalesce(params SqlExpression[] operands) => new CoalesceExpression(operands);
}

internal sealed record ColumnExpression(string? TableAlias, string Name) : SqlExpression;

internal sealed record LiteralExpression(object? Value) : SqlExpression;

internal sealed record BinaryExpression(string Operator, SqlExpression Left, SqlExpression Right) : SqlExpression;

internal sealed record NullSafeEqualExpression(SqlExpression Left, SqlExpression Right) : SqlExpression;

internal sealed record LogicalExpression(string Operator, IReadOnlyList<SqlExpression> Operands) : SqlExpression;

internal sealed record NotExpression(SqlExpression Operand) : SqlExpression;

internal sealed record IsNullExpression(SqlExpression Operand, bool Negated) : SqlExpression;

internal sealed record CastExpression(SqlExpression Operand, ColumnType Type) : SqlExpression;

internal sealed record CoalesceExpression(IReadOnlyList<SqlExpression> Operands) : SqlExpression;
