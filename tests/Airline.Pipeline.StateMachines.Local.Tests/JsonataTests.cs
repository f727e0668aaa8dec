namespace Airline.Pipeline.StateMachines.Local.Tests;

public sealed class JsonataTests
{
    private static async Task<ExecutionResult> Run(string definition, string input, TaskHandlerRegistry? handlers = null)
    {
        var runner = StateMachineRunner.FromJson(definition, new() { Handlers = handlers ?? new TaskHandlerRegistry(), RandomSeed = 7 });
        return await runner.RunAsync(input);
    }

    [Fact]
    public async Task Arguments_output_assign_and_variables_flow_between_states()
    {
        const string definition = """
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Load",
          "States": {
            "Load": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": { "file": "{% $states.input.bucket & '/' & $states.input.key %}", "size": "{% $states.input.size * 2 %}" },
              "Assign": { "rows": "{% $states.result.rows %}", "file": "{% $states.result.file %}" },
              "Output": "{% $states.result.rows > 10 ? 'big' : 'small' %}",
              "Next": "Check"
            },
            "Check": {
              "Type": "Choice",
              "Choices": [ { "Condition": "{% $rows > 10 and $contains($file, 'flights') %}", "Next": "Big" } ],
              "Default": "Small"
            },
            "Big": {
              "Type": "Pass",
              "Output": { "kind": "{% $states.input %}", "rows": "{% $rows %}", "upper": "{% $uppercase($file) %}", "n": "{% $count([1,2,3]) + $sum([1,2]) %}", "name": "{% $states.context.State.Name %}" },
              "End": true
            },
            "Small": { "Type": "Succeed" }
          }
        }
        """;
        var handlers = new TaskHandlerRegistry().ForState("Load", TaskHandlers.From(input => new System.Text.Json.Nodes.JsonObject { ["rows"] = 42, ["file"] = input!["file"]!.GetValue<string>() }));

        var result = await Run(definition, """{"bucket":"b","key":"flights.csv","size":21}""", handlers);

        result.Status.Should().Be(ExecutionStatus.Succeeded, result.ToString());
        result.EventsOf(HistoryEventType.TaskScheduled).Single().Input.Should().Be("""{"file":"b/flights.csv","size":42}""");
        result.Output.Should().Be("""{"kind":"big","rows":42,"upper":"B/FLIGHTS.CSV","n":6,"name":"Big"}""");
    }

    [Fact]
    public async Task Map_items_and_item_selector_use_the_map_context()
    {
        const string definition = """
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Each",
          "States": {
            "Each": {
              "Type": "Map",
              "Items": "{% $states.input.values[$ > 1] %}",
              "ItemSelector": { "v": "{% $states.context.Map.Item.Value %}", "i": "{% $states.context.Map.Item.Index %}" },
              "ItemProcessor": { "StartAt": "Double", "States": { "Double": { "Type": "Pass", "Output": "{% $states.input.v * 10 + $states.input.i %}", "End": true } } },
              "Output": "{% $join($states.result.$string($), ',') %}",
              "End": true
            }
          }
        }
        """;

        var result = await Run(definition, """{"values":[1,2,3,4]}""");

        result.Status.Should().Be(ExecutionStatus.Succeeded, result.ToString());
        result.Output.Should().Be("\"20,31,42\"");
    }

    [Theory]
    [InlineData("$states.input.a.b", """{"a":{"b":[1,2]}}""", "[1,2]")]
    [InlineData("$states.input.items[1]", """{"items":[5,6,7]}""", "6")]
    [InlineData("$states.input.items[-1]", """{"items":[5,6,7]}""", "7")]
    [InlineData("$states.input.items[price > 2].name", """{"items":[{"name":"a","price":1},{"name":"b","price":3},{"name":"c","price":4}]}""", """["b","c"]""")]
    [InlineData("$states.input.items.price", """{"items":[{"price":1},{"price":3}]}""", "[1,3]")]
    [InlineData("{'total': $sum($states.input.items.price), 'max': $max($states.input.items.price), 'min': $min($states.input.items.price)}", """{"items":[{"price":1},{"price":3}]}""", """{"total":4,"max":3,"min":1}""")]
    [InlineData("$string(1.5) & $string(true) & $string({'a':1})", "{}", "\"1.5true{\\\"a\\\":1}\"")]
    [InlineData("$number('42') + $length('héllo')", "{}", "47")]
    [InlineData("$substring('abcdef', 1, 3) & $substring('abcdef', -2) & $lowercase('XY')", "{}", "\"bcdefxy\"")]
    [InlineData("$split('a,b,c', ',')", "{}", """["a","b","c"]""")]
    [InlineData("$join(['a','b'], '-')", "{}", "\"a-b\"")]
    [InlineData("$exists($states.input.nope) ? 'yes' : 'no'", "{}", "\"no\"")]
    [InlineData("$boolean([]) or $boolean('x')", "{}", "true")]
    [InlineData("3 in [1,2,3] and 'a' != 'b' and 2 <= 2 and 10 % 3 = 1", "{}", "true")]
    [InlineData("$partition([1,2,3,4,5], 2)", "{}", "[[1,2],[3,4],[5]]")]
    [InlineData("$range(0, 10, 5)", "{}", "[0,5,10]")]
    [InlineData("$hash('hello world', 'MD5')", "{}", "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"")]
    [InlineData("$parse('{\"x\":[1]}').x", "{}", "[1]")]
    [InlineData("-$states.input.n / 4", """{"n":10}""", "-2.5")]
    [InlineData("[$states.input.a, 'x'][0]", """{"a":"first"}""", "\"first\"")]
    [InlineData("$now()", "{}", "\"2024-01-01T00:00:00.000Z\"")]
    [InlineData("$millis()", "{}", "1704067200000")]
    public async Task Expressions_evaluate_like_jsonata(string expression, string input, string expected)
    {
        var definition = $$"""
        { "QueryLanguage": "JSONata", "StartAt": "P", "States": { "P": { "Type": "Pass", "Output": "{% {{expression.Replace("\"", "\\\"", StringComparison.Ordinal)}} %}", "End": true } } }
        """;

        var result = await Run(definition, input);

        result.Status.Should().Be(ExecutionStatus.Succeeded, result.ToString());
        result.Output.Should().Be(expected);
    }

    [Fact]
    public async Task Uuid_and_random_are_repeatable_with_a_seed()
    {
        const string definition = """{ "QueryLanguage": "JSONata", "StartAt": "P", "States": { "P": { "Type": "Pass", "Output": { "id": "{% $uuid() %}", "r": "{% $random() %}" }, "End": true } } }""";

        var first = await Run(definition, "{}");
        var second = await Run(definition, "{}");

        first.Output.Should().Be(second.Output);
        first.OutputNode!["id"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    }

    [Theory]
    [InlineData("$states.input ~> $uppercase()", "chain operator")]
    [InlineData("[1..5]", "range operator")]
    [InlineData("$map([1,2], function($v) { $v * 2 })", "$map is outside")]
    [InlineData("$states.input.*", "wildcard")]
    [InlineData("($x := 1; $x)", "binding")]
    [InlineData("$states.input.a[]", "keep-array")]
    [InlineData("$states.input.name ?? 'x'", "coalescing")]
    [InlineData("$uppercase()", "takes 1 arguments")]
    public void Expressions_outside_the_subset_are_rejected_at_load_with_their_position(string expression, string reason)
    {
        var definition = $$"""
        { "QueryLanguage": "JSONata", "StartAt": "P", "States": { "P": { "Type": "Pass", "Output": { "x": "{% {{expression}} %}" }, "End": true } } }
        """;

        var act = () => StateMachineRunner.FromJson(definition);

        var problem = act.Should().Throw<StateMachineDefinitionException>().Which.Problems.Single();
        problem.Pointer.Should().Be("/States/P/Output/x");
        problem.Message.Should().Contain(expression).And.Contain("position").And.Contain(reason);
    }

    [Fact]
    public async Task A_runtime_type_error_is_a_query_evaluation_error_that_catch_sees()
    {
        const string definition = """
        {
          "QueryLanguage": "JSONata",
          "StartAt": "T",
          "States": {
            "T": { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": "{% $states.input.a + 'x' %}",
                   "Catch": [ { "ErrorEquals": ["States.QueryEvaluationError"], "Output": "{% $states.errorOutput.Error %}", "Next": "Done" } ], "End": true },
            "Done": { "Type": "Succeed" }
          }
        }
        """;

        var result = await Run(definition, """{"a":1}""", new TaskHandlerRegistry().ForState("T", TaskHandlers.Echo));

        result.Status.Should().Be(ExecutionStatus.Succeeded, result.ToString());
        result.Output.Should().Be("\"States.QueryEvaluationError\"");
    }

    [Fact]
    public void JsonPath_fields_in_a_jsonata_state_are_reported()
    {
        const string definition = """{ "QueryLanguage": "JSONata", "StartAt": "P", "States": { "P": { "Type": "Pass", "InputPath": "$.a", "Parameters": {}, "End": true } } }""";

        var act = () => StateMachineRunner.FromJson(definition);

        act.Should().Throw<StateMachineDefinitionException>().Which.Problems.Select(p => p.Pointer).Should().BeEquivalentTo(["/States/P/InputPath", "/States/P/Parameters"]);
    }
}
