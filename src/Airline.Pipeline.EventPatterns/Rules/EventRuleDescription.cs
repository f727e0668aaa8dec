using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Airline.Pipeline.EventPatterns.Serialization;

namespace Airline.Pipeline.EventPatterns.Rules;

/// <summary>A target of a rule: an ARN, with the role EventBridge assumes to call it when one is needed.</summary>
/// <param name="Id">Target id, unique in the rule.</param>
/// <param name="Arn">ARN of the target (a Glue workflow, a Step Functions state machine, a Lambda function...).</param>
/// <param name="RoleArn">Role EventBridge assumes, or null.</param>
public sealed record EventRuleTarget(string Id, string Arn, string? RoleArn = null);

/// <summary>
/// What deploying a rule needs: the JSON for <c>aws events put-rule --event-pattern</c> and an
/// <c>AWS::Events::Rule</c> CloudFormation resource. The pattern is written as a JSON object, never as a string
/// or YAML mapping, so numbers and booleans stay JSON numbers and booleans (CloudFormation turns them into
/// strings otherwise: cloudformation-coverage-roadmap #251).
/// </summary>
/// <param name="Name">Rule name.</param>
/// <param name="Pattern">The event pattern.</param>
public sealed record EventRuleDescription(string Name, EventPattern Pattern)
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
    };

    /// <summary>Rule description shown in the console.</summary>
    public string? Description { get; init; }

    /// <summary>Event bus; <c>default</c> unless set.</summary>
    public string EventBusName { get; init; } = "default";

    /// <summary>True for ENABLED (the default), false for DISABLED.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Targets, written into the CloudFormation resource.</summary>
    public IReadOnlyList<EventRuleTarget> Targets { get; init; } = [];

    /// <summary>The value of <c>--event-pattern</c> (compact JSON).</summary>
    public string EventPatternJson => Pattern.ToJson();

    /// <summary>The input of <c>aws events put-rule --cli-input-json</c>: EventPattern is a JSON string, as the API wants.</summary>
    public string ToPutRuleInputJson() => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("Name", Name);
        writer.WriteString("EventPattern", Pattern.ToJson());
        writer.WriteString("State", Enabled ? "ENABLED" : "DISABLED");
        if (Description is not null)
        {
            writer.WriteString("Description", Description);
        }

        writer.WriteString("EventBusName", EventBusName);
        writer.WriteEndObject();
    });

    /// <summary>A shell command line for <c>aws events put-rule</c> (POSIX single quotes).</summary>
    public string ToPutRuleCommand() =>
        $"aws events put-rule --name {Quote(Name)} --event-bus-name {Quote(EventBusName)} --state {(Enabled ? "ENABLED" : "DISABLED")} --event-pattern {Quote(Pattern.ToJson())}";

    /// <summary>
    /// A CloudFormation JSON template fragment: <c>{"LogicalId": {"Type": "AWS::Events::Rule", "Properties": {...}}}</c>,
    /// with EventPattern as a JSON object.
    /// </summary>
    public string ToCloudFormationJson(string logicalId) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName(logicalId);
        WriteResource(writer);
        writer.WriteEndObject();
    });

    /// <summary>
    /// The same resource for a YAML template. EventPattern is written in JSON (flow) style, which YAML reads as
    /// the same object with numbers and booleans intact.
    /// </summary>
    public string ToCloudFormationYaml(string logicalId)
    {
        var yaml = new StringBuilder();
        yaml.Append(logicalId).Append(":\n");
        yaml.Append("  Type: AWS::Events::Rule\n");
        yaml.Append("  Properties:\n");
        yaml.Append("    Name: ").Append(JsonString(Name)).Append('\n');
        if (Description is not null)
        {
            yaml.Append("    Description: ").Append(JsonString(Description)).Append('\n');
        }

        yaml.Append("    EventBusName: ").Append(JsonString(EventBusName)).Append('\n');
        yaml.Append("    State: ").Append(Enabled ? "ENABLED" : "DISABLED").Append('\n');
        yaml.Append("    EventPattern: ").Append(Pattern.ToJson()).Append('\n');
        if (Targets.Count > 0)
        {
            yaml.Append("    Targets:\n");
            foreach (var target in Targets)
            {
                yaml.Append("      - Id: ").Append(JsonString(target.Id)).Append('\n');
                yaml.Append("        Arn: ").Append(JsonString(target.Arn)).Append('\n');
                if (target.RoleArn is not null)
                {
                    yaml.Append("        RoleArn: ").Append(JsonString(target.RoleArn)).Append('\n');
                }
            }
        }

        return yaml.ToString();
    }

    private void WriteResource(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("Type", "AWS::Events::Rule");
        writer.WritePropertyName("Properties");
        writer.WriteStartObject();
        writer.WriteString("Name", Name);
        if (Description is not null)
        {
            writer.WriteString("Description", Description);
        }

        writer.WriteString("EventBusName", EventBusName);
        writer.WriteString("State", Enabled ? "ENABLED" : "DISABLED");
        writer.WritePropertyName("EventPattern");
        PatternWriter.Write(writer, Pattern.Root);
        if (Targets.Count > 0)
        {
            writer.WritePropertyName("Targets");
            writer.WriteStartArray();
            foreach (var target in Targets)
            {
                writer.WriteStartObject();
                writer.WriteString("Id", target.Id);
                writer.WriteString("Arn", target.Arn);
                if (target.RoleArn is not null)
                {
                    writer.WriteString("RoleArn", target.RoleArn);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string JsonString(string value) => JsonSerializer.Serialize(value, JsonStringOptions);

    private static readonly JsonSerializerOptions JsonStringOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
