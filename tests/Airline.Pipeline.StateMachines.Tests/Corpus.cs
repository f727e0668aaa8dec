using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.StateMachines.Tests;

/// <summary>The shared ASL corpora and their labels.</summary>
internal static class Corpus
{
    public static string AslValidatorFolder => RepositoryPaths.SharedDataPath("asl", "asl-validator");

    public static string StateLintFolder => RepositoryPaths.SharedDataPath("asl", "awslabs-statelint");

    public static string StateLintExpected => RepositoryPaths.SharedDataPath("asl", "awslabs-statelint.expected.json");

    public static IEnumerable<string> AslValidatorFiles() =>
        Directory.EnumerateFiles(AslValidatorFolder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static IEnumerable<string> StateLintFiles() =>
        Directory.EnumerateFiles(StateLintFolder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static TheoryData<string> AslValidatorTheory() => [.. AslValidatorFiles()];

    public static TheoryData<string> StateLintTheory() => [.. StateLintFiles()];
}
