namespace Airline.Pipeline.Redshift;

/// <summary>The airline pipeline's two warehouse tables, as the seed documents define them.</summary>
public static class AirlineTables
{
    /// <summary>The schema both tables live in.</summary>
    public const string Schema = "airlines";

    /// <summary>
    /// <c>airlines.airports_dim (airport_id BIGINT, city VARCHAR(100), state VARCHAR(100), name VARCHAR(200))</c>,
    /// keyed by airport_id, replicated to every node (DISTSTYLE ALL: a small dimension joined twice per flight).
    /// </summary>
    public static TableDefinition AirportsDim { get; } = TableDefinition.Create(Schema, "airports_dim")
        .Column("airport_id", ColumnType.BigInt, nullable: false)
        .Column("city", ColumnType.Varchar(100))
        .Column("state", ColumnType.Varchar(100))
        .Column("name", ColumnType.Varchar(200))
        .Key("airport_id")
        .Distribution(DistributionStyle.All)
        .SortKey(SortKeyStyle.Compound, "airport_id")
        .Build();

    /// <summary>
    /// <c>airlines.daily_flights_fact</c>: the seeds' nine enriched columns plus flight_date (DATE) and flight_id
    /// (VARCHAR(20)); keyed by (flight_date, flight_id), distributed on carrier, sorted by flight_date then carrier.
    /// The seeds' load replaces whole flight_date partitions: see <see cref="UpsertPlanBuilder.ReplacePartitions"/>.
    /// </summary>
    public static TableDefinition DailyFlightsFact { get; } = TableDefinition.Create(Schema, "daily_flights_fact")
        .Column("carrier", ColumnType.Varchar(10))
        .Column("dep_airport", ColumnType.Varchar(200))
        .Column("arr_airport", ColumnType.Varchar(200))
        .Column("dep_city", ColumnType.Varchar(100))
        .Column("arr_city", ColumnType.Varchar(100))
        .Column("dep_state", ColumnType.Varchar(100))
        .Column("arr_state", ColumnType.Varchar(100))
        .Column("dep_delay", ColumnType.BigInt)
        .Column("arr_delay", ColumnType.BigInt)
        .Column("flight_date", ColumnType.Date, nullable: false)
        .Column("flight_id", ColumnType.Varchar(20))
        .Key("flight_date", "flight_id")
        .DistributionKey("carrier")
        .SortKey(SortKeyStyle.Compound, "flight_date", "carrier")
        .Build();
}
