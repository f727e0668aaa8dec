namespace Airline.Pipeline.TestSupport;

/// <summary>Locates the repository root and the shared test corpora beside it (<c>../shared/data</c>).</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds Airline.Pipeline.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary><c>../shared/data</c> relative to the repository root: the corpora the tests run on.</summary>
    public static string SharedData
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
            return Directory.Exists(path)
                ? path
                : throw new DirectoryNotFoundException(
                    $"The shared test data folder '{path}' does not exist. Clone the repository beside shared/ " +
                    "(CI does: ../shared/data next to the clone).");
        }
    }

    /// <summary>A file or folder under <see cref="SharedData"/>.</summary>
    public static string SharedDataPath(params string[] parts) => Path.Combine([SharedData, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Airline.Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No Airline.Pipeline.sln above '{AppContext.BaseDirectory}': run the tests from inside the repository.");
    }
}
