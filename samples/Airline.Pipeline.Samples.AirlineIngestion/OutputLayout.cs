namespace Airline.Pipeline.Samples.AirlineIngestion;

/// <summary>
/// The output folder: <c>s3/</c> is the local-folder bucket (<c>s3/airline-dataset-gds/incoming/</c>, <c>archive/</c>,
/// <c>failed/</c>, <c>processed/</c>, <c>dims/</c>), <c>state/processed-files.jsonl</c> the ledger, and the artifacts
/// next to them. A marker file tells the sample the folder is its own, so it never empties a folder it did not make.
/// </summary>
internal sealed class OutputLayout
{
    /// <summary>The file that marks a folder as written by a sample (the orders sample writes it too).</summary>
    public const string MarkerName = ".airline-pipeline-sample";

    private OutputLayout(string root) => Root = root;

    public string Root { get; }

    public string BucketRoot => Path.Combine(Root, "s3");

    public string StateMachineAsl => Path.Combine(Root, "state-machine.asl.json");

    public string StateMachineMermaid => Path.Combine(Root, "state-machine.mmd");

    public string EventRule => Path.Combine(Root, "eventbridge-rule.json");

    public string EventRuleCloudFormation => Path.Combine(Root, "eventbridge-rule.cfn.yaml");

    public string RedshiftDirectory => Path.Combine(Root, "redshift");

    public string NotificationsDirectory => Path.Combine(Root, "notifications");

    public string Warehouse => Path.Combine(Root, "warehouse.db");

    public string Ledger => Path.Combine(Root, "state", "processed-files.jsonl");

    public string ExecutionHistory => Path.Combine(Root, "execution-history.json");

    /// <summary>A path relative to the root, with forward slashes, for the report.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>
    /// Prepares the folder. The default folder is emptied at each run (a fresh demonstration); a folder the user
    /// names is kept, so a second run into it finds the ledger and the warehouse of the first. Either way a folder
    /// that holds files but no marker is refused rather than touched.
    /// </summary>
    public static OutputLayout Prepare(string root, bool keepExisting)
    {
        var full = Path.GetFullPath(root);
        var marker = Path.Combine(full, MarkerName);
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            // Ours: the marker is there, or every entry is a sample's own subfolder (the orders sample's default).
            var ours = File.Exists(marker) || Directory.EnumerateFileSystemEntries(full)
                .All(entry => Directory.Exists(entry) && File.Exists(Path.Combine(entry, MarkerName)));
            if (!ours)
            {
                throw new SampleInputException(
                    $"the output folder '{full}' holds files the sample did not write; name an empty or new folder with --out.");
            }

            if (!keepExisting)
            {
                Directory.Delete(full, recursive: true);
            }
        }

        Directory.CreateDirectory(full);
        File.WriteAllText(marker, "Written by Airline.Pipeline.Samples.AirlineIngestion; the sample may empty this folder.\n");
        return new OutputLayout(full);
    }
}
