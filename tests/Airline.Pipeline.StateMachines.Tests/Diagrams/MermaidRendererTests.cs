using Airline.Pipeline.StateMachines.Diagrams;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Tests.Building;
using Airline.Pipeline.StateMachines.Workflows;

namespace Airline.Pipeline.StateMachines.Tests.Diagrams;

public sealed class MermaidRendererTests
{
    private static readonly StateMachine Seeds = GlueWorkflows.CrawlThenRunJob(new CrawlThenRunJobOptions
    {
        CrawlerName = "raw_daily_file_crawler",
        JobName = "flight-data-etl",
        TopicArn = "arn:aws:sns:us-east-1:123456789012:airline-notices",
    });

    [Fact]
    public void Choice_is_a_diamond_with_rule_labels_and_catch_edges_are_dashed()
    {
        var mermaid = MermaidRenderer.Render(Seeds);
        mermaid.Should().StartWith("flowchart TB\n");
        mermaid.Should().Contain("CrawlerStatus{\"CrawlerStatus\"}");
        mermaid.Should().Contain("CrawlerStatus -->|\"$.crawler.Crawler.State == 'READY'\"| RunJob");
        mermaid.Should().Contain("CrawlerStatus -->|\"Default\"| WaitForCrawler");
        mermaid.Should().Contain("WaitForCrawler --> GetCrawler");
        mermaid.Should().Contain("RunJob -.->|\"States.ALL\"| NotifyFailure");
        mermaid.Should().Contain("__start --> StartCrawler");
        mermaid.Should().Contain("NotifySuccess --> __end");
        mermaid.Should().Contain("Failed(((\"Failed\")))");
    }

    public static TheoryData<string> Names() => [.. BuiltDefinitions.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_built_definition_renders_with_one_node_per_state(string name)
    {
        var machine = BuiltDefinitions.All.Single(d => d.Name == name).Build();
        var mermaid = MermaidRenderer.Render(machine, new MermaidOptions { Direction = "LR", ShowResources = false });
        var lines = mermaid.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("flowchart LR");
        foreach (var state in BuilderTests.AllStates(machine))
        {
            mermaid.Should().Contain("\"" + state.Name.Replace("\"", "#quot;", StringComparison.Ordinal));
        }

        lines.Count(l => l.TrimStart().StartsWith("subgraph", StringComparison.Ordinal))
            .Should().Be(lines.Count(l => l.Trim() == "end"));
    }

    [Fact]
    public void Odd_state_names_get_safe_unique_ids()
    {
        var machine = StateMachine.Parse("""{"StartAt":"a b","States":{"a b":{"Type":"Pass","Next":"a_b"},"a_b":{"Type":"Pass","Next":"1 \"q\""},"1 \"q\"":{"Type":"Succeed"}}}""");
        var mermaid = MermaidRenderer.Render(machine);
        mermaid.Should().Contain("a_b[[\"a b\"]]").And.Contain("a_b_2[[\"a_b\"]]").And.Contain("s_1__q_((\"1 #quot;q#quot;\"))");
        mermaid.Should().Contain("a_b --> a_b_2");
    }
}
