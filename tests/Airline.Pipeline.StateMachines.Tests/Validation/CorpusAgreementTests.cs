using System.Text.Json;
using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Tests.Validation;

/// <summary>
/// Our validator against the labels of two public corpora. Every file where we disagree is listed here with the
/// reason we are right; the tests fail if a disagreement appears or disappears.
/// </summary>
public sealed class CorpusAgreementTests
{
    /// <summary>asl-validator corpus files whose label we do not follow, and why.</summary>
    public static readonly Dictionary<string, string> AslValidatorDisagreements = new(StringComparer.Ordinal)
    {
    };

    private const string FooBar =
        "Resource \"foo:bar\" is a placeholder, not an ARN: Step Functions rejects the definition (SCHEMA_VALIDATION_FAILED), " +
        "so we report ASL040. statelint does not check the Resource format.";

    /// <summary>statelint corpus files whose expected problem/no-problem split we do not follow, and why.</summary>
    public static readonly Dictionary<string, string> StateLintDisagreements = new(StringComparer.Ordinal)
    {
        ["backoff-with-backoffrate-decimal.json"] = FooBar,
        ["backoff-with-backoffrate-integer.json"] = FooBar,
        ["backoff-with-jitter-on-retry.json"] = FooBar,
        ["states-array-intrinsic-functions.json"] = FooBar,
        ["states-array-invocation.json"] = FooBar,
        ["states-encoding-decoding-intrinsic-functions.json"] = FooBar,
        ["states-format-invocation.json"] = FooBar,
        ["states-hash-intrinsic-functions.json"] = FooBar,
        ["states-json-intrinsic-functions.json"] = FooBar,
        ["states-jsontostring-invocation.json"] = FooBar,
        ["states-math-intrinsic-functions.json"] = FooBar,
        ["states-string-intrinsic-functions.json"] = FooBar,
        ["states-stringtojson-invocation.json"] = FooBar,
        ["states-uuid-intrinsic-functions.json"] = FooBar,
        ["task-with-credentials.json"] = FooBar,
        ["task-with-dynamic-timeouts.json"] = FooBar,
        ["task-with-parameters.json"] = FooBar,
        ["task-with-resultpath.json"] = FooBar,
        ["task-with-resultselector.json"] = FooBar,
    };

    /// <summary>statelint files without an entry in the expected file: our verdict (true = valid) and why.</summary>
    public static readonly Dictionary<string, (bool Valid, string Why)> StateLintUnlabelled = new(StringComparer.Ordinal)
    {
        ["has-dupes.json"] = (false, "a state name is used in two branches; AWS requires unique names across the definition"),
        ["linked-parallel.json"] = (false, "Next leaves a Parallel branch and a top-level Choice goes into one: branches are closed worlds"),
        ["map-with-itemprocessor-and-iterator.json"] = (false, "ItemProcessor and the legacy Iterator together"),
        ["map-with-itemprocessor.json"] = (true, "a plain inline Map with ItemProcessor"),
        ["map-with-parameters-and-itemselector.json"] = (false, "Parameters and ItemSelector together"),
        ["no-terminal.json"] = (false, "a loop with no terminal state (and ACCOUNT_ID placeholders in the ARNs)"),
    };

    private static readonly ValidationOptions ErrorsOnly = new() { Lints = false };

    [Fact]
    public void Asl_validator_corpus_labels_agree_except_the_documented_cases()
    {
        var disagreements = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Corpus.AslValidatorFiles())
        {
            var expectedValid = file.StartsWith("valid-", StringComparison.Ordinal);
            var result = AslValidator.Validate(File.ReadAllBytes(Path.Combine(Corpus.AslValidatorFolder, file)), ErrorsOnly);
            if (result.IsValid != expectedValid)
            {
                disagreements[file] = $"label {(expectedValid ? "valid" : "invalid")}, ours: {result}";
            }
        }

        disagreements.Keys.Should().BeEquivalentTo(AslValidatorDisagreements.Keys,
            "every disagreement must be documented:\n" + string.Join("\n", disagreements.Select(d => $"{d.Key}: {d.Value}")));
    }

    [Fact]
    public void Statelint_corpus_problem_split_agrees_except_the_documented_cases()
    {
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Corpus.StateLintExpected));
        var disagreements = new Dictionary<string, string>(StringComparer.Ordinal);
        var unlabelled = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Corpus.StateLintFiles())
        {
            var result = AslValidator.Validate(File.ReadAllBytes(Path.Combine(Corpus.StateLintFolder, file)), ErrorsOnly);
            if (!expected.RootElement.TryGetProperty(file, out var count))
            {
                unlabelled[file] = $"ours: {(result.IsValid ? "valid" : "invalid")} {result}";
                if (!StateLintUnlabelled.TryGetValue(file, out var verdict) || verdict.Valid != result.IsValid)
                {
                    disagreements[file] = unlabelled[file];
                }

                continue;
            }

            var expectedValid = count.GetInt32() == 0;
            if (result.IsValid != expectedValid)
            {
                disagreements[file] = $"expected {count.GetInt32()} problem(s), ours: {result}";
            }
        }

        var documented = StateLintDisagreements.Keys.ToHashSet(StringComparer.Ordinal);
        disagreements.Keys.Should().BeEquivalentTo(documented,
            "every disagreement must be documented:\n" + string.Join("\n", disagreements.Select(d => $"{d.Key}: {d.Value}")));
        unlabelled.Keys.Should().BeEquivalentTo(StateLintUnlabelled.Keys);
    }
}
