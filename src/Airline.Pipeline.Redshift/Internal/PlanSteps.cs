namespace Airline.Pipeline.Redshift.Internal;

/// <summary>One dialect-neutral step of an upsert plan; a dialect renders it to zero or more statements.</summary>
internal abstract record PlanStep(StatementPurpose Purpose);

/// <summary>Creates a staging table shaped like <paramref name="Target"/>.</summary>
internal sealed record CreateStagingStep(TableDefinition Target, TableName Staging, bool Temporary)
    : PlanStep(StatementPurpose.CreateStaging);

/// <summary>Rows from the caller go into <paramref name="Staging"/> (the executor's job; Glue's write in the Glue form).</summary>
internal sealed record LoadRowsStep(TableName Staging, IReadOnlyList<TableColumn> Columns)
    : PlanStep(StatementPurpose.Load);

/// <summary>COPY into staging.</summary>
internal sealed record CopyStep(CopyCommand Command) : PlanStep(StatementPurpose.Load);

/// <summary>Fails when staging holds a key twice.</summary>
internal sealed record CheckDuplicatesStep(TableName Staging, IReadOnlyList<TableColumn> Key)
    : PlanStep(StatementPurpose.CheckDuplicateKeys);

/// <summary>Copies the latest row per key from <paramref name="From"/> into <paramref name="Into"/>.</summary>
internal sealed record DeduplicateStep(
    TableName From, TableName Into, IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableColumn> Key, string OrderingColumn)
    : PlanStep(StatementPurpose.Deduplicate);

/// <summary>LOCK of the target.</summary>
internal sealed record LockStep(TableName Target) : PlanStep(StatementPurpose.Lock);

/// <summary>Deletes target rows matching a staged row on <paramref name="Match"/> (key or partition columns).</summary>
internal sealed record DeleteMatchingStep(TableName Target, TableName Source, IReadOnlyList<TableColumn> Match)
    : PlanStep(StatementPurpose.Delete);

/// <summary>Inserts every staged row.</summary>
internal sealed record InsertAllStep(TableName Target, TableName Source, IReadOnlyList<TableColumn> Columns)
    : PlanStep(StatementPurpose.Insert);

/// <summary>Inserts staged rows whose key is absent from the target.</summary>
internal sealed record InsertNewStep(TableName Target, TableName Source, IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableColumn> Key)
    : PlanStep(StatementPurpose.Insert);

/// <summary>MERGE (Redshift form) on the key.</summary>
internal sealed record MergeStep(
    TableName Target, TableName Source, IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableColumn> Key, bool RemoveDuplicates)
    : PlanStep(StatementPurpose.Merge);

/// <summary>ANALYZE.</summary>
internal sealed record AnalyzeStep(TableName Target) : PlanStep(StatementPurpose.Analyze);

/// <summary>REFRESH MATERIALIZED VIEW.</summary>
internal sealed record RefreshStep(TableName View) : PlanStep(StatementPurpose.RefreshMaterializedView);

/// <summary>GRANT privileges ON target TO grantee.</summary>
internal sealed record GrantStep(TableName Target, IReadOnlyList<string> Privileges, Grantee Grantee) : PlanStep(StatementPurpose.Grant);

/// <summary>INSERT of one audit row.</summary>
internal sealed record AuditStep(TableName Table, IReadOnlyList<(string Column, AuditValue Value)> Values, TableName Staging)
    : PlanStep(StatementPurpose.Audit);

/// <summary>DROP TABLE IF EXISTS.</summary>
internal sealed record DropTableStep(TableName Table) : PlanStep(StatementPurpose.DropStaging);
