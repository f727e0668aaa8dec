using System.Globalization;
using System.Text;
using System.Text.Json;
using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Diagrams;

/// <summary>
/// Renders a definition as a Mermaid flowchart: Task as a rectangle, Choice as a diamond with edges labelled
/// by their rule, Wait as a stadium, Pass as a subroutine box, Succeed/Fail as circles, Catch edges dashed and
/// labelled with the errors, Parallel branches and Map processors as subgraphs.
/// </summary>
public static class MermaidRenderer
{
    /// <summary>The Mermaid text (<c>flowchart TB</c>).</summary>
    public static string Render(StateMachine machine, MermaidOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(machine);
        options ??= new MermaidOptions();
        var output = new StringBuilder();
        output.Append("flowchart ").Append(options.Direction).Append('\n');
        var ids = new Ids();
        output.Append("    __start((\"Start\"))\n");
        output.Append("    __end((\"End\"))\n");
        RenderGraph(output, machine, "", "__start", "__end", ids, options, "    ");
        return output.ToString();
    }

    private static void RenderGraph(StringBuilder o, StateGraph graph, string scope, string startId, string endId, Ids ids, MermaidOptions options, string indent)
    {
        string Id(string name) => ids.For(scope, name);
        foreach (var state in graph.States)
        {
            var id = Id(state.Name);
            switch (state)
            {
                case ParallelState parallel:
                    o.Append(indent).Append("subgraph ").Append(id).Append(" [\"").Append(Escape(state.Name)).Append(" (Parallel)\"]\n");
                    for (var i = 0; i < parallel.Branches.Length; i++)
                    {
                        var branchScope = scope + "/" + state.Name + "/" + i.ToString(CultureInfo.InvariantCulture);
                        var branchStart = ids.For(branchScope, "__start");
                        o.Append(indent).Append("    ").Append(branchStart).Append("((\"branch ").Append(i + 1).Append("\"))\n");
                        RenderGraph(o, parallel.Branches[i], branchScope, branchStart, id + "_join", ids, options, indent + "    ");
                    }

                    o.Append(indent).Append("    ").Append(id).Append("_join((\" \"))\n");
                    o.Append(indent).Append("end\n");
                    break;
                case MapState { Processor: { } processor }:
                    o.Append(indent).Append("subgraph ").Append(id).Append(" [\"").Append(Escape(state.Name)).Append(" (Map")
                        .Append(processor.ProcessorConfig?.Mode == MapMode.Distributed ? ", distributed" : string.Empty).Append(")\"]\n");
                    var mapScope = scope + "/" + state.Name;
                    var mapStart = ids.For(mapScope, "__start");
                    o.Append(indent).Append("    ").Append(mapStart).Append("((\"each item\"))\n");
                    RenderGraph(o, processor, mapScope, mapStart, id + "_join", ids, options, indent + "    ");
                    o.Append(indent).Append("    ").Append(id).Append("_join((\" \"))\n");
                    o.Append(indent).Append("end\n");
                    break;
                default:
                    o.Append(indent).Append(id).Append(Shape(state, options)).Append('\n');
                    break;
            }
        }

        if (graph.FindState(graph.StartAt) is not null)
        {
            o.Append(indent).Append(startId).Append(" --> ").Append(Id(graph.StartAt)).Append('\n');
        }

        foreach (var state in graph.States)
        {
            var id = Id(state.Name);
            var from = state is ParallelState or MapState { Processor: not null } ? id + "_join" : id;
            string Target(string name) => graph.FindState(name) is null ? ids.For(scope, name) : Id(name);
            switch (state)
            {
                case ChoiceState choice:
                    foreach (var rule in choice.Choices)
                    {
                        if (rule.Next is not null)
                        {
                            o.Append(indent).Append(from).Append(" -->|\"").Append(Escape(Describe(rule))).Append("\"| ").Append(Target(rule.Next)).Append('\n');
                        }
                    }

                    if (choice.Default is not null)
                    {
                        o.Append(indent).Append(from).Append(" -->|\"Default\"| ").Append(Target(choice.Default)).Append('\n');
                    }

                    break;
                case FlowState flow:
                    if (flow.Next is not null)
                    {
                        o.Append(indent).Append(from).Append(" --> ").Append(Target(flow.Next)).Append('\n');
                    }
                    else if (flow.End == true)
                    {
                        o.Append(indent).Append(from).Append(" --> ").Append(endId).Append('\n');
                    }

                    if (flow is RecoverableState recoverable)
                    {
                        foreach (var catcher in recoverable.Catch)
                        {
                            o.Append(indent).Append(from).Append(" -.->|\"").Append(Escape(string.Join(", ", catcher.ErrorEquals))).Append("\"| ")
                                .Append(Target(catcher.Next)).Append('\n');
                        }
                    }

                    break;
                case SucceedState or FailState:
                    o.Append(indent).Append(from).Append(" --> ").Append(endId).Append('\n');
                    break;
            }
        }
    }

    private static string Shape(State state, MermaidOptions options)
    {
        var label = Escape(state.Name);
        if (options.ShowResources && state is TaskState task)
        {
            label += "<br/><small>" + Escape(ShortResource(task.Resource)) + "</small>";
        }

        return state switch
        {
            TaskState => $"[\"{label}\"]",
            ChoiceState => $"{{\"{label}\"}}",
            WaitState => $"([\"{label}\"])",
            PassState => $"[[\"{label}\"]]",
            SucceedState => $"((\"{label}\"))",
            FailState => $"(((\"{label}\")))",
            _ => $"[\"{label}\"]",
        };
    }

    private static string ShortResource(string resource) =>
        resource.StartsWith("arn:aws:states:::", StringComparison.Ordinal) ? resource["arn:aws:states:::".Length..] : resource;

    /// <summary>A rule as text: <c>$.x == 'READY'</c>, <c>a and b</c>, a JSONata condition.</summary>
    internal static string Describe(ChoiceRule rule)
    {
        if (rule.Condition is { } condition)
        {
            var text = condition.ValueKind == JsonValueKind.String ? condition.GetString()! : condition.GetRawText();
            return text.StartsWith("{% ", StringComparison.Ordinal) && text.EndsWith(" %}", StringComparison.Ordinal) ? text[3..^3] : text;
        }

        if (rule.And is { } and)
        {
            return string.Join(" and ", and.Select(r => Group(r)));
        }

        if (rule.Or is { } or)
        {
            return string.Join(" or ", or.Select(r => Group(r)));
        }

        if (rule.Not is { } not)
        {
            return "not " + Group(not);
        }

        if (rule.Operator is not { } op || rule.Operand is not { } operand)
        {
            return "?";
        }

        var name = op.JsonName();
        if (name.StartsWith("Is", StringComparison.Ordinal) && operand.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            var what = name[2..].ToLowerInvariant();
            return $"{rule.Variable} is {(operand.GetBoolean() ? string.Empty : "not ")}{what}";
        }

        var value = operand.ValueKind == JsonValueKind.String && op.OperandKind() != ChoiceOperandKind.Path
            ? "'" + operand.GetString() + "'"
            : operand.ValueKind == JsonValueKind.String ? operand.GetString()! : operand.GetRawText();
        var symbol = name.Replace("Path", string.Empty, StringComparison.Ordinal) switch
        {
            var n when n.EndsWith("GreaterThanEquals", StringComparison.Ordinal) => ">=",
            var n when n.EndsWith("LessThanEquals", StringComparison.Ordinal) => "<=",
            var n when n.EndsWith("GreaterThan", StringComparison.Ordinal) => ">",
            var n when n.EndsWith("LessThan", StringComparison.Ordinal) => "<",
            var n when n.EndsWith("Equals", StringComparison.Ordinal) => "==",
            "StringMatches" => "matches",
            _ => null,
        };
        return symbol is null ? $"{rule.Variable} {name} {value}" : $"{rule.Variable} {symbol} {value}";
    }

    private static string Group(ChoiceRule rule) => rule.And is not null || rule.Or is not null ? "(" + Describe(rule) + ")" : Describe(rule);

    private static string Escape(string text) => text
        .Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("|", "#124;", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal)
        .Replace(">", "#gt;", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Stable, unique Mermaid node ids derived from state names.</summary>
    private sealed class Ids
    {
        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
        private readonly HashSet<string> _used = new(StringComparer.Ordinal) { "__start", "__end", "end", "subgraph", "graph", "flowchart" };

        public string For(string scope, string name)
        {
            var key = scope + "\u0000" + name;
            if (_ids.TryGetValue(key, out var id))
            {
                return id;
            }

            var builder = new StringBuilder();
            foreach (var c in name)
            {
                builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
            }

            var baseId = builder.Length == 0 || char.IsAsciiDigit(builder[0]) ? "s_" + builder : builder.ToString();
            id = baseId;
            for (var n = 2; !_used.Add(id); n++)
            {
                id = baseId + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            _ids[key] = id;
            return id;
        }
    }
}

/// <summary>Options of <see cref="MermaidRenderer"/>.</summary>
public sealed record MermaidOptions
{
    /// <summary>TB (default), LR, BT or RL.</summary>
    public string Direction { get; init; } = "TB";

    /// <summary>Show each Task's resource under its name. Default true.</summary>
    public bool ShowResources { get; init; } = true;
}
