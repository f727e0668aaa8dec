using System.Text.Json;
using Airline.Pipeline.EventPatterns.Building;
using Airline.Pipeline.EventPatterns.Rules;

namespace Airline.Pipeline.EventPatterns.Tests;

public sealed class RuleDescriptionTests
{
    private static readonly EventPattern Pattern = EventPattern.Builder()
        .Source("aws.s3")
        .Path("detail.object.size", Match.GreaterThan(0))
        .Path("detail.flag", Match.Exact(true))
        .Build();

    [Fact]
    public void CloudFormationJson_KeepsNumbersAndBooleansAsJson()
    {
        var rule = new EventRuleDescription("orders-rule", Pattern)
        {
            Targets = [new EventRuleTarget("workflow", "arn:aws:glue:us-east-1:123456789012:workflow/orders-workflow", "arn:aws:iam::123456789012:role/events")],
        };

        using var doc = JsonDocument.Parse(rule.ToCloudFormationJson("OrdersRule"));
        var resource = doc.RootElement.GetProperty("OrdersRule");
        resource.GetProperty("Type").GetString().Should().Be("AWS::Events::Rule");
        var pattern = resource.GetProperty("Properties").GetProperty("EventPattern");
        pattern.ValueKind.Should().Be(JsonValueKind.Object);
        pattern.GetProperty("detail").GetProperty("object").GetProperty("size")[0].GetProperty("numeric")[1].ValueKind.Should().Be(JsonValueKind.Number);
        pattern.GetProperty("detail").GetProperty("flag")[0].ValueKind.Should().Be(JsonValueKind.True);
        resource.GetProperty("Properties").GetProperty("Targets")[0].GetProperty("RoleArn").GetString().Should().EndWith("role/events");
    }

    [Fact]
    public void CloudFormationYaml_WritesThePatternInJsonFlowStyle()
    {
        var yaml = new EventRuleDescription("orders-rule", Pattern).ToCloudFormationYaml("OrdersRule");

        yaml.Should().Contain("Type: AWS::Events::Rule");
        yaml.Should().Contain("EventPattern: " + Pattern.ToJson());
        yaml.Should().Contain("\"numeric\":[\">\",0]");
    }

    [Fact]
    public void PutRule_InputHasThePatternAsAString_AndTheCommandQuotesIt()
    {
        var rule = new EventRuleDescription("it's", Pattern) { Enabled = false };

        using var doc = JsonDocument.Parse(rule.ToPutRuleInputJson());
        doc.RootElement.GetProperty("EventPattern").GetString().Should().Be(Pattern.ToJson());
        doc.RootElement.GetProperty("State").GetString().Should().Be("DISABLED");
        rule.ToPutRuleCommand().Should().StartWith("aws events put-rule --name 'it'\\''s'").And.EndWith("--event-pattern '" + Pattern.ToJson() + "'");
        rule.EventPatternJson.Should().Be(Pattern.ToJson());
    }
}
