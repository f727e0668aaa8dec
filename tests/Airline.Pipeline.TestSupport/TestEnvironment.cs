namespace Airline.Pipeline.TestSupport;

/// <summary>
/// Endpoints of the real servers and tools that <c>./build.sh test</c> starts on 127.0.0.1 and hands to the
/// tests through environment variables. A missing variable is a failure that says which command to run:
/// no test skips itself because a server is absent.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "AIRLINE_PG_CONNECTION";
    public const string S3Variable = "AIRLINE_S3_ENDPOINT";
    public const string DynamoDbVariable = "AIRLINE_DYNAMODB_ENDPOINT";
    public const string ToolsVariable = "AIRLINE_TEST_TOOLS";
    public const string NodeVariable = "AIRLINE_NODE";

    /// <summary>Npgsql connection string of the throwaway PostgreSQL 15 cluster.</summary>
    public static string PostgresConnectionString => Require(PostgresVariable, "PostgreSQL 15");

    /// <summary>Service URL of s3rver (S3 emulator).</summary>
    public static Uri S3Endpoint => new(Require(S3Variable, "s3rver"));

    /// <summary>Service URL of dynalite (DynamoDB emulator).</summary>
    public static Uri DynamoDbEndpoint => new(Require(DynamoDbVariable, "dynalite"));

    /// <summary>tests/tools: the folder whose node_modules holds the npm test tools.</summary>
    public static string ToolsDirectory
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(ToolsVariable);
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return fromEnvironment;
            }

            // Running one project with `dotnet test` after `npm ci` works too: find tests/tools from the repo root.
            var candidate = Path.Combine(RepositoryPaths.Root, "tests", "tools");
            if (Directory.Exists(Path.Combine(candidate, "node_modules")))
            {
                return candidate;
            }

            throw Missing(ToolsVariable, "the npm test tools");
        }
    }

    /// <summary>The node executable.</summary>
    public static string NodeExecutable =>
        Environment.GetEnvironmentVariable(NodeVariable) is { Length: > 0 } node ? node : "node";

    private static string Require(string variable, string what) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : throw Missing(variable, what);

    private static InvalidOperationException Missing(string variable, string what) => new(
        $"{variable} is not set, so {what} is not reachable. Run the tests with `./build.sh test` from the " +
        "repository root (it installs and starts every server), or start the servers with `./build.sh servers` " +
        "in another shell and export the variables it prints before `dotnet test`.");
}
