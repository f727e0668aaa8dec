using System.Globalization;

namespace Airline.Pipeline.Redshift.Tests.Support;

/// <summary>A row of the scenario table: a composite key with a nullable, mixed-case column and a reserved word.</summary>
public sealed record Row(string? Region, int Order, string? User, decimal? Amount, long? LoadedAt)
{
    public object?[] Values => [Region, Order, User, Amount, LoadedAt];

    public bool SameKey(Row other) => Region == other.Region && Order == other.Order;

    public static Row Read(object?[] values) => new(
        values[0] as string,
        Convert.ToInt32(values[1], CultureInfo.InvariantCulture),
        values[2] as string,
        values[3] is null ? null : Math.Round(Convert.ToDecimal(values[3], CultureInfo.InvariantCulture), 2),
        values[4] is null ? null : Convert.ToInt64(values[4], CultureInfo.InvariantCulture));

    public override string ToString() => $"({Region ?? "NULL"}, {Order}, {User ?? "NULL"}, {Amount?.ToString(CultureInfo.InvariantCulture) ?? "NULL"}, {LoadedAt?.ToString(CultureInfo.InvariantCulture) ?? "NULL"})";
}
