using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Serialization;
using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Tests.Serialization;

public sealed class BadInputTests
{
    [Fact]
    public void Invalid_json_names_line_column_and_what_was_expected()
    {
        const string json = "{\n  \"StartAt\": \"A\",\n  \"States\": { \"A\": { \"Type\": \"Pass\" \"End\": true } }\n}";
        var act = () => StateMachine.Parse(json);
        var problem = act.Should().Throw<AslParseException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(ProblemCodes.InvalidJson);
        problem.Line.Should().Be(3);
        problem.Column.Should().BeGreaterThan(20);
        problem.Message.Should().Contain("line 3").And.ContainEquivalentOf("expected");
    }

    [Fact]
    public void Duplicate_keys_are_invalid_json()
    {
        var result = AslReader.Read("""{"StartAt":"A","StartAt":"B","States":{}}""");
        result.Problems.Should().ContainSingle(p => p.Code == ProblemCodes.InvalidJson && p.Message.Contains("StartAt"));
    }

    [Theory]
    [InlineData("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true},\n \"A\":{\"Type\":\"Succeed\"}}}", "A", "/States/A", 2, 2)]
    [InlineData("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true,\"End\":false}}}", "End", "/States/A/End", 1, 56)]
    [InlineData("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\n\"Parameters\":{\"a\":{\"b\":[{\"c\":1,\"c\":2}]}},\"End\":true}}}", "c", "/States/A/Parameters/a/b/0/c", 2, 32)]
    [InlineData("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Parameters\":{\"k\":1,\"\\u006b\":2},\"End\":true}}}", "k", "/States/A/Parameters/k", 1, 65)]
    [InlineData("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"x\",\"Retry\":[{\"ErrorEquals\":[\"X\"],\"MaxAttempts\":1,\"MaxAttempts\":2}],\"End\":true}}}", "MaxAttempts", "/States/A/Retry/0/MaxAttempts", 1, 106)]
    public void A_repeated_key_anywhere_is_invalid_json_at_its_second_occurrence(string json, string key, string pointer, int line, int column)
    {
        var problem = AslReader.Read(json).Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(ProblemCodes.InvalidJson);
        problem.Message.Should().Contain($"'{key}' appears twice").And.Contain($"line {line}, column {column}");
        (problem.Pointer, problem.Line, problem.Column).Should().Be((pointer, line, column));
    }

    [Fact]
    public void A_wrong_type_deep_in_nested_graphs_is_reported_at_its_exact_pointer()
    {
        const string task = """{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["X"]},{"ErrorEquals":["Y"],"MaxAttempts":"3"}],"End":true}""";
        var json = """{"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"T/1","States":{"T/1":"""
            + task + """}}],"End":true}}},"End":true}}}""";

        var problem = AslReader.Read(json).Problems.Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.WrongType);
        problem.Pointer.Should().Be("/States/M/ItemProcessor/States/P/Branches/0/States/T~11/Retry/1/MaxAttempts");
    }

    [Fact]
    public void A_name_that_only_looks_like_a_field_is_unknown()
    {
        // Same length and first eight bytes as ResultPath: matched byte for byte, so it is not taken for it.
        var result = AslReader.Read("""{"StartAt":"A","States":{"A":{"Type":"Pass","ResultPatH":"$.x","Result\u0050ath":"$.y","End":true}}}""");
        var state = result.Machine!.States.Should().ContainSingle().Subject.Should().BeOfType<PassState>().Subject;
        state.UnknownFields.Select(f => f.Key).Should().Equal("ResultPatH");
        state.ResultPath!.Value.Path.Should().Be("$.y"); // an escaped name is decoded, then matched
    }

    [Fact]
    public void Unknown_state_type_gives_pointer_and_allowed_types()
    {
        var result = AslReader.Read("""{"StartAt":"A","States":{"A":{"Type":"Sleep","End":true}}}""");
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Pointer.Should().Be("/States/A/Type");
        problem.Code.Should().Be(ProblemCodes.UnknownStateType);
        problem.Message.Should().Contain("\"Sleep\"").And.Contain("Task, Pass, Choice");
    }

    [Theory]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":"yes"}}}""", "/States/A/End", "a boolean")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":5}}}""", "/States/A/Next", "a string")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","Retry":{},"End":true}}}""", "/States/A/Retry", "an array")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","Retry":[{"ErrorEquals":["X"],"MaxAttempts":"3"}],"End":true}}}""", "/States/A/Retry/0/MaxAttempts", "an integer")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":true,"End":true}}}""", "/States/A/Seconds", "a number")]
    [InlineData("""{"StartAt":7,"States":{}}""", "/StartAt", "a string")]
    public void Wrong_field_types_give_pointer_and_expected_type(string json, string pointer, string expected)
    {
        var problem = AslReader.Read(json).Problems.Should().Contain(p => p.Code == ProblemCodes.WrongType).Subject;
        problem.Pointer.Should().Be(pointer);
        problem.Message.Should().Contain(expected);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"States":[]}""")]
    [InlineData("""{"StartAt":"A","States":{"A":null}}""")]
    [InlineData("""{"StartAt":"A","States":{"A":{}}}""")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Map","ItemProcessor":{"States":{"B":{"Type":"Choice","Choices":[{"Not":5}]}}},"End":true}}}""")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Parallel","Branches":[1,{"StartAt":"x"}],"Catch":[{}],"End":true}}}""")]
    [InlineData("{\"StartAt\":\"A\"")]
    [InlineData("")]
    public void Garbage_gives_problems_never_exceptions(string json)
    {
        var result = AslReader.Read(json);
        result.Problems.Should().NotBeEmpty();
        var act = () => AslValidator.Validate(json);
        act.Should().NotThrow().Which.IsValid.Should().BeFalse();
    }
}
