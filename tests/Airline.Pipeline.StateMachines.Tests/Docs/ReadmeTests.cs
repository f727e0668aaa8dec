using Airline.Pipeline.StateMachines.Building;
using Airline.Pipeline.StateMachines.Diagrams;
using Airline.Pipeline.StateMachines.Integrations;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Validation;
using Airline.Pipeline.StateMachines.Workflows;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.StateMachines.Tests.Docs;

/// <summary>The README examples, compiled and run: the JSON and Mermaid shown there must be what the code produces.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void Readme_shows_what_the_seeds_workflow_produces()
    {
        // --- README example: begin ---
        var machine = GlueWorkflows.CrawlThenRunJob(new CrawlThenRunJobOptions
        {
            CrawlerName = "raw_daily_file_crawler",
            JobName = "flight-data-etl",
            TopicArn = "arn:aws:sns:us-east-1:123456789012:airline-notices",
            JobArguments = new Dictionary<string, string> { ["--job-bookmark-option"] = "job-bookmark-enable" },
            PollInterval = TimeSpan.FromSeconds(30),
        });
        string json = machine.ToJson(indented: true);       // what AWS gets
        string mermaid = MermaidRenderer.Render(machine);   // the picture
        // --- README example: end ---

        File.WriteAllText(Path.Combine(Path.GetTempPath(), "statemachines-readme.json"), json);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "statemachines-readme.mmd"), mermaid);
        foreach (var readme in new[] { Path.Combine("docs", "readme", "StateMachines.md"), Path.Combine("src", "Airline.Pipeline.StateMachines", "README.md") })
        {
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, readme)).ReplaceLineEndings("\n");
            text.Should().Contain("CrawlerName = \"raw_daily_file_crawler\"", readme);
            text.Should().Contain(mermaid.TrimEnd(), readme);
            if (readme.StartsWith("docs", StringComparison.Ordinal))
            {
                text.Should().Contain(json.ReplaceLineEndings("\n"), readme);
            }
        }
    }

    [Fact]
    public void Readme_builder_example_builds()
    {
        // --- README builder example: begin ---
        var machine = new StateMachineBuilder()
            .Task("GetCrawler", Glue.GetCrawler("raw_daily_file_crawler"), t => t
                .ResultPath("$.crawler").Retry(["Glue.ThrottlingException"], intervalSeconds: 5, backoffRate: 2))
            .Choice("Ready?", c => c
                .When(Condition.StringEquals("$.crawler.Crawler.State", "READY"), "Done")
                .When(Condition.StringEquals("$.crawler.Crawler.LastCrawl.Status", "FAILED"), "Failed")
                .Otherwise("Wait"))
            .Wait("Wait", TimeSpan.FromSeconds(30), next: "GetCrawler")   // the loop: one line
            .Succeed("Done")
            .Fail("Failed", "Crawler.Failed")
            .Build();                                                       // validates everything at once

        ValidationResult result = AslValidator.Validate(machine.ToJson());   // also works on any ASL JSON
        // --- README builder example: end ---

        result.Problems.Should().BeEmpty();
        machine.FindState("Wait").Should().BeOfType<WaitState>().Which.Next.Should().Be("GetCrawler");
    }
}
