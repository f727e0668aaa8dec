namespace Airline.Pipeline.Redshift;

/// <summary>How staged rows are applied to the target table.</summary>
public enum UpsertStrategy
{
    /// <summary>Delete target rows whose key matches a staged row, then insert every staged row.</summary>
    DeleteInsert,

    /// <summary>MERGE on the key: update matched rows, insert the others (Redshift's MERGE form).</summary>
    Merge,

    /// <summary>Delete every target row of each partition value present in staging (e.g. flight_date), then insert.</summary>
    ReplacePartition,

    /// <summary>Insert every staged row.</summary>
    Append,

    /// <summary>Insert only staged rows whose key is not in the target yet.</summary>
    InsertNew,
}
