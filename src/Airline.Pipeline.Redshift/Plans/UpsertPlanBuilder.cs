using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Airline.Pipeline.Redshift.Internal;

namespace Airline.Pipeline.Redshift;

/// <summary>Fluent builder of an <see cref="UpsertPlan"/>; <see cref="Build"/> reports every problem at once.</summary>
public sealed partial class UpsertPlanBuilder
{
    private const int StagingNameBudget = 63; // PostgreSQL's limit, so one plan renders for every dialect.
    private readonly TableDefinition _target;
    private readonly List<Func<TableName, PlanStep>> _postActions = [];
    private readonly List<string> _postActionProblems = [];
    private UpsertStrategy _strategy = UpsertStrategy.DeleteInsert;
    private bool _removeDuplicates;
    private string[]? _matchColumns;
    private DuplicateKeyPolicy? _policy;
    private bool _temporary = true;
    private bool _forGlue;
    private string? _suffix;
    private bool _lock;
    private CopyCommand? _copy;

    internal UpsertPlanBuilder(TableDefinition target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
    }

    /// <summary>Delete target rows matching staged keys, then insert all staged rows (the default).</summary>
    public UpsertPlanBuilder DeleteInsert() => SetStrategy(UpsertStrategy.DeleteInsert);

    /// <summary>MERGE on the key. <paramref name="removeDuplicates"/> uses Redshift's simplified mode
    /// (<c>REMOVE DUPLICATES</c>: also removes target duplicates of a matched key); other dialects render it as
    /// delete-insert, which has the same result.</summary>
    public UpsertPlanBuilder Merge(bool removeDuplicates = false)
    {
        _removeDuplicates = removeDuplicates;
        return SetStrategy(UpsertStrategy.Merge);
    }

    /// <summary>Replace whole partitions: delete every target row whose <paramref name="partitionColumns"/> values
    /// appear in staging (e.g. flight_date), then insert all staged rows. Duplicate keys in staging are still checked
    /// against the table's key.</summary>
    public UpsertPlanBuilder ReplacePartitions(params string[] partitionColumns)
    {
        _matchColumns = partitionColumns;
        return SetStrategy(UpsertStrategy.ReplacePartition);
    }

    /// <summary>Insert all staged rows.</summary>
    public UpsertPlanBuilder Append() => SetStrategy(UpsertStrategy.Append);

    /// <summary>Insert only staged rows whose key is not in the target.</summary>
    public UpsertPlanBuilder InsertNewOnly() => SetStrategy(UpsertStrategy.InsertNew);

    /// <summary>Match on these columns instead of the table's key.</summary>
    public UpsertPlanBuilder MatchOn(params string[] keyColumns)
    {
        _matchColumns = keyColumns;
        return this;
    }

    /// <summary>Sets the duplicate-key policy (default: fail when there is a key).</summary>
    public UpsertPlanBuilder OnDuplicateKeys(DuplicateKeyPolicy policy)
    {
        _policy = policy;
        return this;
    }

    /// <summary>Keep the latest staged row per key by <paramref name="orderingColumn"/>.</summary>
    public UpsertPlanBuilder KeepLatestBy(string orderingColumn) => OnDuplicateKeys(DuplicateKeyPolicy.KeepLatestBy(orderingColumn));

    /// <summary>Fail, listing the keys, when staging holds a key twice.</summary>
    public UpsertPlanBuilder FailOnDuplicateKeys() => OnDuplicateKeys(DuplicateKeyPolicy.Fail);

    /// <summary>Stage in a permanent table (the name is unique per plan) instead of a session temp table.</summary>
    public UpsertPlanBuilder StageInPermanentTable()
    {
        _temporary = false;
        return this;
    }

    /// <summary>Build for Glue's connector: permanent uniquely named staging, rows written by Glue into it, then
    /// <see cref="RenderedPlan.ToGlueActions"/>.</summary>
    public UpsertPlanBuilder ForGlue()
    {
        _temporary = false;
        _forGlue = true;
        _copy = null;
        return this;
    }

    /// <summary>The suffix that makes staging names unique (lower-case letters, digits, underscores; at most 16).
    /// Default: 12 random hex digits. Give one (e.g. from the run id) for reproducible SQL.</summary>
    public UpsertPlanBuilder StagingSuffix(string suffix)
    {
        _suffix = suffix;
        return this;
    }

    /// <summary>Lock the target before applying (serialises concurrent loads instead of retrying them).</summary>
    public UpsertPlanBuilder LockTarget()
    {
        _lock = true;
        return this;
    }

    /// <summary>Load staging with COPY instead of rows from the executor.</summary>
    public UpsertPlanBuilder LoadWithCopy(S3Source source, CopyOptions options, IReadOnlyList<string>? columns = null)
    {
        _copy = CopyCommand.Create(_target.Name, source, options, columns);
        return this;
    }

    /// <summary>ANALYZE the target afterwards.</summary>
    public UpsertPlanBuilder Analyze()
    {
        _postActions.Add(_ => new AnalyzeStep(_target.Name));
        return this;
    }

    /// <summary>REFRESH MATERIALIZED VIEW afterwards (SQLite has none: skipped there with a warning).</summary>
    public UpsertPlanBuilder RefreshMaterializedView(TableName view)
    {
        _postActions.Add(_ => new RefreshStep(view));
        return this;
    }

    /// <summary>GRANT privileges (SELECT, INSERT, UPDATE, DELETE, REFERENCES or ALL) on the target afterwards.</summary>
    public UpsertPlanBuilder Grant(Grantee grantee, params string[] privileges)
    {
        ArgumentNullException.ThrowIfNull(grantee);
        var normalized = privileges.Select(p => p.ToUpperInvariant()).ToArray();
        foreach (var privilege in normalized)
        {
            if (privilege is not ("SELECT" or "INSERT" or "UPDATE" or "DELETE" or "REFERENCES" or "ALL"))
            {
                _postActionProblems.Add($"GRANT privilege '{privilege}' is unknown; use SELECT, INSERT, UPDATE, DELETE, REFERENCES or ALL");
            }
        }

        if (normalized.Length == 0)
        {
            _postActionProblems.Add("GRANT names no privilege; pass at least one, e.g. \"SELECT\"");
        }

        _postActions.Add(_ => new GrantStep(_target.Name, normalized, grantee));
        return this;
    }

    /// <summary>Insert an audit/control row into <paramref name="table"/> afterwards, in the same transaction.</summary>
    public UpsertPlanBuilder AuditRow(TableName table, params (string Column, AuditValue Value)[] values)
    {
        if (values.Length == 0)
        {
            _postActionProblems.Add($"audit row for '{table}' has no columns; pass at least one column and value");
        }

        _postActions.Add(staging => new AuditStep(table, values, staging));
        return this;
    }

    /// <summary>Checks everything and returns the immutable plan, or throws <see cref="SqlValidationException"/>.</summary>
    public UpsertPlan Build()
    {
        var problems = new List<string>(_postActionProblems);
        var tableName = _target.Name.ToString();
        var match = _strategy switch
        {
            UpsertStrategy.ReplacePartition => _matchColumns ?? [],
            UpsertStrategy.Append => _matchColumns ?? [.. _target.Key],
            _ => _matchColumns ?? [.. _target.Key],
        };
        var matchColumns = Resolve(match, "match", problems);
        if ((_strategy is UpsertStrategy.DeleteInsert or UpsertStrategy.Merge or UpsertStrategy.InsertNew or UpsertStrategy.ReplacePartition) &&
            match.Length == 0)
        {
            problems.Add(_strategy == UpsertStrategy.ReplacePartition
                ? $"replace-partition into '{tableName}' names no partition column; pass e.g. .ReplacePartitions(\"flight_date\")"
                : $"{_strategy} into '{tableName}' needs key columns; give the table a .Key(...) or call .MatchOn(...)");
        }

        // Duplicates are judged on the row key: the match key, or for partitions the table's key.
        var keyNames = _strategy == UpsertStrategy.ReplacePartition ? [.. _target.Key] : match;
        var keyColumns = _strategy == UpsertStrategy.ReplacePartition ? Resolve(keyNames, "key", problems) : matchColumns;
        var policy = _policy ?? (keyNames.Length > 0 ? DuplicateKeyPolicy.Fail : DuplicateKeyPolicy.Allow);
        if (policy.Action != DuplicateKeyAction.Allow && keyNames.Length == 0)
        {
            problems.Add($"duplicate-key policy {policy.Action} needs a key, but '{tableName}' has none; add .Key(...) or use DuplicateKeyPolicy.Allow");
        }

        if (policy.Action == DuplicateKeyAction.KeepLatest)
        {
            if (_target.FindColumn(policy.OrderingColumn!) is null)
            {
                problems.Add($"keep-latest ordering column '{policy.OrderingColumn}' is not a column of '{tableName}'");
            }
            else if (keyNames.Contains(policy.OrderingColumn, StringComparer.Ordinal))
            {
                problems.Add($"keep-latest ordering column '{policy.OrderingColumn}' is part of the key; order by a non-key column such as a load timestamp");
            }
        }

        if (_forGlue && _copy is not null)
        {
            problems.Add("a Glue plan is loaded by the Glue connector's own COPY into dbtable; remove .LoadWithCopy(...) or .ForGlue()");
        }

        var suffix = _suffix ?? Guid.NewGuid().ToString("N")[..12];
        if (!SuffixPattern().IsMatch(suffix))
        {
            problems.Add($"staging suffix '{suffix}' must be 1..16 lower-case letters, digits or underscores");
        }

        if (problems.Count > 0)
        {
            throw new SqlValidationException(problems);
        }

        var stagingSchema = _temporary ? null : _target.Name.Schema;
        var dedup = policy.Action == DuplicateKeyAction.KeepLatest;
        var loadTable = new TableName(stagingSchema, StagingName(_target.Name.Name, dedup ? "_load_" : "_stage_", suffix));
        var applyTable = dedup ? new TableName(stagingSchema, StagingName(_target.Name.Name, "_stage_", suffix)) : loadTable;
        var columns = _target.Columns;
        var steps = new List<PlanStep>();
        if (!_temporary)
        {
            // Glue's connector runs CREATE TABLE IF NOT EXISTS dbtable (types inferred from the frame) before the
            // preactions: drop it and create staging exactly like the target.
            steps.Add(new DropTableStep(loadTable));
        }

        steps.Add(new CreateStagingStep(_target, loadTable, _temporary));
        var preActions = steps.Count;
        steps.Add(_copy is null ? new LoadRowsStep(loadTable, columns) : new CopyStep(_copy.WithTarget(loadTable)));
        if (_lock)
        {
            steps.Add(new LockStep(_target.Name));
        }

        if (policy.Action == DuplicateKeyAction.Fail)
        {
            steps.Add(new CheckDuplicatesStep(loadTable, keyColumns));
        }
        else if (dedup)
        {
            steps.Add(new CreateStagingStep(_target, applyTable, _temporary));
            steps.Add(new DeduplicateStep(loadTable, applyTable, columns, keyColumns, policy.OrderingColumn!));
        }

        var target = _target.Name;
        switch (_strategy)
        {
            case UpsertStrategy.DeleteInsert:
            case UpsertStrategy.ReplacePartition:
                steps.Add(new DeleteMatchingStep(target, applyTable, matchColumns));
                steps.Add(new InsertAllStep(target, applyTable, columns));
                break;
            case UpsertStrategy.Merge:
                steps.Add(new MergeStep(target, applyTable, columns, matchColumns, _removeDuplicates));
                break;
            case UpsertStrategy.Append:
                steps.Add(new InsertAllStep(target, applyTable, columns));
                break;
            case UpsertStrategy.InsertNew:
                steps.Add(new InsertNewStep(target, applyTable, columns, matchColumns));
                break;
        }

        steps.AddRange(_postActions.Select(make => make(applyTable)));
        steps.Add(new DropTableStep(loadTable));
        if (dedup)
        {
            steps.Add(new DropTableStep(applyTable));
        }

        return new UpsertPlan(_target, _strategy, match, policy, loadTable, applyTable, _temporary, _forGlue, steps, preActions);
    }

    private UpsertPlanBuilder SetStrategy(UpsertStrategy strategy)
    {
        _strategy = strategy;
        return this;
    }

    private List<TableColumn> Resolve(string[] names, string what, List<string> problems)
    {
        var result = new List<TableColumn>(names.Length);
        foreach (var name in names)
        {
            if (_target.FindColumn(name) is { } column)
            {
                result.Add(column);
            }
            else
            {
                problems.Add($"{what} column '{name}' is not a column of '{_target.Name}'; use one of: {string.Join(", ", _target.Columns.Select(c => c.Name))}");
            }
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            problems.Add($"{what} columns list a column twice: {string.Join(", ", names)}");
        }

        return result;
    }

    // Staging names are ours: lower-case ASCII (safe unquoted in Glue's dbtable), cut to fit every dialect's limit.
    private static string StagingName(string target, string infix, string suffix)
    {
        var builder = new StringBuilder(target.Length);
        foreach (var c in target)
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : c is >= 'A' and <= 'Z' ? char.ToLowerInvariant(c) : '_');
        }

        var room = StagingNameBudget - infix.Length - suffix.Length;
        var stem = builder.Length > room ? builder.ToString(0, room) : builder.ToString();
        if (stem.Length == 0 || !(stem[0] is (>= 'a' and <= 'z') or '_'))
        {
            stem = "t" + (stem.Length >= room ? stem[..(room - 1)] : stem);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{stem}{infix}{suffix}");
    }

    [GeneratedRegex("^[a-z0-9_]{1,16}$", RegexOptions.CultureInvariant)]
    private static partial Regex SuffixPattern();
}
