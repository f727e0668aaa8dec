namespace Airline.Pipeline.Redshift;

/// <summary>What a rendered statement is for (the label shown in scripts, logs and audit row counts).</summary>
public enum StatementPurpose
{
    /// <summary><c>CREATE SCHEMA</c>.</summary>
    CreateSchema,

    /// <summary><c>CREATE TABLE</c> of a user table.</summary>
    CreateTable,

    /// <summary>Start of the transaction (scripts only; the executor uses a DbTransaction).</summary>
    Begin,

    /// <summary><c>LOCK</c> of the target table.</summary>
    Lock,

    /// <summary>Creates a staging table.</summary>
    CreateStaging,

    /// <summary>Loads staging: COPY, or rows inserted by the executor.</summary>
    Load,

    /// <summary>Fails when staging holds a key more than once (policy: fail).</summary>
    CheckDuplicateKeys,

    /// <summary>Keeps the latest staged row per key (policy: keep latest).</summary>
    Deduplicate,

    /// <summary>Deletes target rows that staged rows replace.</summary>
    Delete,

    /// <summary>Updates matched target rows.</summary>
    Update,

    /// <summary>Inserts staged rows into the target.</summary>
    Insert,

    /// <summary>MERGE of staging into the target.</summary>
    Merge,

    /// <summary><c>ANALYZE</c> of the target.</summary>
    Analyze,

    /// <summary><c>REFRESH MATERIALIZED VIEW</c>.</summary>
    RefreshMaterializedView,

    /// <summary><c>GRANT</c>.</summary>
    Grant,

    /// <summary>Inserts an audit/control row.</summary>
    Audit,

    /// <summary>Drops a staging table.</summary>
    DropStaging,

    /// <summary>End of the transaction (scripts only).</summary>
    Commit,
}
