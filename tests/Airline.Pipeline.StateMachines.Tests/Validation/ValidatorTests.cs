using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Tests.Validation;

public sealed class ValidatorTests
{
    [Fact]
    public void Problems_from_json_carry_line_and_column()
    {
        const string json = "{\n  \"StartAt\": \"A\",\n  \"States\": {\n    \"A\": { \"Type\": \"Pass\", \"Next\": \"Missing\" }\n  }\n}";
        var problem = AslValidator.Validate(json).Errors.Should().Contain(p => p.Code == ProblemCodes.UnknownTarget).Subject;
        problem.Pointer.Should().Be("/States/A/Next");
        (problem.Line, problem.Column).Should().Be((4, 28));
        problem.ToString().Should().Contain("line 4, column 28").And.Contain("'Missing'").And.Contain("'A'");
    }

    [Theory]
    [InlineData("""{"StartAt":"W","States":{"W":{"Type":"Wait","End":true}}}""", ProblemCodes.WaitDuration, "/States/W")]
    [InlineData("""{"StartAt":"P","States":{"P":{"Type":"Pass"}}}""", ProblemCodes.NextOrEnd, "/States/P")]
    [InlineData("""{"StartAt":"P","States":{"P":{"Type":"Pass","Next":"P","End":true}}}""", ProblemCodes.NextOrEnd, "/States/P")]
    [InlineData("""{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","StringEquals":"x","Next":"C"}],"Default":"C"}}}""", ProblemCodes.NoTerminal, "/States/C")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Succeed"},"B":{"Type":"Pass","Next":"C"},"C":{"Type":"Pass","Next":"B"}}}""", ProblemCodes.Unreachable, "/States/B")]
    [InlineData("""{"StartAt":"S","States":{"S":{"Type":"Succeed","Next":"S"}}}""", ProblemCodes.UnknownField, "/States/S/Next")]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}],"End":true}}}""", ProblemCodes.RetryCatch, "/States/T/Retry/0/ErrorEquals/0")]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["X"],"JitterStrategy":"SOME"}],"End":true}}}""", ProblemCodes.RetryCatch, "/States/T/Retry/0/JitterStrategy")]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":10,"HeartbeatSeconds":10,"End":true}}}""", ProblemCodes.Timeouts, "/States/T/HeartbeatSeconds")]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject.sync","End":true}}}""", ProblemCodes.UnsupportedIntegration, "/States/T/Resource")]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::glue:startCrawler","End":true}}}""", ProblemCodes.UnsupportedIntegration, "/States/T/Resource")]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.sync","End":true}}}""", ProblemCodes.UnsupportedIntegration, "/States/T/Resource")]
    [InlineData("""{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"States.Format()"},"End":true}}}""", ProblemCodes.InvalidIntrinsic, "/States/P/Parameters/a.$")]
    [InlineData("""{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"States.Nope($.x)"},"End":true}}}""", ProblemCodes.InvalidIntrinsic, "/States/P/Parameters/a.$")]
    [InlineData("""{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"States.UUID(1)"},"End":true}}}""", ProblemCodes.InvalidIntrinsic, "/States/P/Parameters/a.$")]
    [InlineData("""{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"$.x[?(@.y"},"End":true}}}""", ProblemCodes.InvalidPath, "/States/P/Parameters/a.$")]
    [InlineData("""{"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.a[*]","ResultPath":"$.b[*]","End":true}}}""", ProblemCodes.InvalidPath, "/States/P/ResultPath")]
    [InlineData("""{"StartAt":"P","QueryLanguage":"JSONata","States":{"P":{"Type":"Pass","Output":"{% $x + %}","End":true}}}""", ProblemCodes.InvalidJsonata, "/States/P/Output")]
    [InlineData("""{"StartAt":"P","QueryLanguage":"JSONata","States":{"P":{"Type":"Pass","InputPath":"$.a","End":true}}}""", ProblemCodes.QueryLanguageField, "/States/P/InputPath")]
    [InlineData("""{"StartAt":"P","States":{"P":{"Type":"Pass","Output":{"a":1},"End":true}}}""", ProblemCodes.QueryLanguageField, "/States/P/Output")]
    [InlineData("""{"StartAt":"M","States":{"M":{"Type":"Map","Label":"a-label-that-is-longer-than-forty-characters!","ToleratedFailurePercentage":101,"ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Pass","Next":"Out"}}},"Next":"Out"},"Out":{"Type":"Succeed"}}}""", ProblemCodes.UnknownTarget, "/States/M/ItemProcessor/States/X/Next")]
    [InlineData("""{"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailurePercentage":101,"ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Succeed"}}},"End":true}}}""", ProblemCodes.InvalidValue, "/States/M/ToleratedFailurePercentage")]
    [InlineData("""{"StartAt":"M","States":{"M":{"Type":"Map","Label":"a-label-that-is-longer-than-forty-characters","ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Succeed"}}},"End":true}}}""", ProblemCodes.MapConfiguration, "/States/M/Label")]
    [InlineData("""{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"X","States":{"X":{"Type":"Succeed"}}},{"StartAt":"X","States":{"X":{"Type":"Succeed"}}}],"End":true}}}""", ProblemCodes.DuplicateStateName, "/States/P/Branches/1/States/X")]
    [InlineData("""{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","NumericEquals":"1","Next":"E"}],"Default":"E"},"E":{"Type":"Succeed"}}}""", ProblemCodes.WrongType, "/States/C/Choices/0/NumericEquals")]
    [InlineData("""{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","StringEquals":"x","BooleanEquals":true,"Next":"E"}],"Default":"E"},"E":{"Type":"Succeed"}}}""", ProblemCodes.InvalidChoiceRule, "/States/C/Choices/0/BooleanEquals")]
    [InlineData("""{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Not":{"Variable":"$.a","IsNull":true,"Next":"E"},"Next":"E"}]},"E":{"Type":"Succeed"}}}""", ProblemCodes.InvalidChoiceRule, "/States/C/Choices/0/Not/Next")]
    [InlineData("""{"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"2026-01-01 00:00","End":true}}}""", ProblemCodes.InvalidValue, "/States/W/Timestamp")]
    [InlineData("""{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E","ErrorPath":"$.e"}}}""", ProblemCodes.ExclusiveFields, "/States/F/ErrorPath")]
    [InlineData("""{"StartAt":"A","Version":"2.0","States":{"A":{"Type":"Succeed"}}}""", ProblemCodes.InvalidValue, "/Version")]
    public void Each_rule_reports_its_code_at_its_pointer(string json, string code, string pointer)
    {
        var result = AslValidator.Validate(json, new ValidationOptions { Lints = false });
        result.Errors.Should().Contain(p => p.Code == code && p.Pointer == pointer, result.ToString());
        result.Errors.Should().OnlyContain(p => p.Message.Length > 20);
    }

    // Graphs of up to 64 states are walked as bit masks, larger ones as position arrays: both must agree.
    [Theory]
    [InlineData(3)]
    [InlineData(58)]
    [InlineData(59)]
    [InlineData(200)]
    public void Reachability_is_the_same_for_small_and_large_graphs(int chain)
    {
        var states = new List<string>();
        for (var i = 0; i < chain; i++)
        {
            states.Add($"\"S{i}\":{{\"Type\":\"Pass\",\"Next\":\"S{i + 1}\"}}");
        }

        // S{chain} loops through a Catch and a Choice that never end; L1 <-> L2 is a cycle nothing reaches.
        states.Add($"\"S{chain}\":{{\"Type\":\"Choice\",\"Choices\":[{{\"Variable\":\"$.a\",\"IsPresent\":true,\"Next\":\"T\"}}],\"Default\":\"Done\"}}");
        states.Add("\"T\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Retry\":[{\"ErrorEquals\":[\"States.ALL\"]}],\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"U\"}],\"Next\":\"U\"}");
        states.Add("\"U\":{\"Type\":\"Wait\",\"Seconds\":1,\"Next\":\"T\"}");
        states.Add("\"L1\":{\"Type\":\"Pass\",\"Next\":\"L2\"}");
        states.Add("\"L2\":{\"Type\":\"Pass\",\"Next\":\"L1\"}");
        states.Add("\"Done\":{\"Type\":\"Succeed\"}");
        var json = $"{{\"StartAt\":\"S0\",\"States\":{{{string.Join(",", states)}}}}}";

        var errors = AslValidator.Validate(json).Errors;

        errors.Where(p => p.Code == ProblemCodes.Unreachable).Select(p => p.Pointer).Should().Equal("/States/L1", "/States/L2");
        errors.Where(p => p.Code == ProblemCodes.NoTerminal).Select(p => p.Pointer).Should().Equal("/States/T", "/States/U");
        errors.Should().HaveCount(4);
    }

    [Theory]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[1,{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}],"End":true}}}""",
        ProblemCodes.RetryCatch, "/States/T/Retry/1/ErrorEquals/0")]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":["x",null,{"ErrorEquals":["States.ALL"],"Next":"Nowhere"}],"End":true}}}""",
        ProblemCodes.UnknownTarget, "/States/T/Catch/2/Next")]
    [InlineData("""{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[7,{"Variable":"$.a","IsPresent":true,"Next":"Nowhere"}],"Default":"E"},"E":{"Type":"Succeed"}}}""",
        ProblemCodes.UnknownTarget, "/States/C/Choices/1/Next")]
    [InlineData("""{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"And":[true,{"Variable":"bad","IsPresent":true}],"Next":"E"}],"Default":"E"},"E":{"Type":"Succeed"}}}""",
        ProblemCodes.InvalidPath, "/States/C/Choices/0/And/1/Variable")]
    [InlineData("""{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[[],{"StartAt":"X","States":{"X":{"Type":"Pass","Next":"Nowhere"}}}],"End":true}}}""",
        ProblemCodes.UnknownTarget, "/States/P/Branches/1/States/X/Next")]
    public void Items_after_a_skipped_item_of_the_wrong_type_keep_their_own_pointer(string json, string code, string pointer)
    {
        var errors = AslValidator.Validate(json).Errors;

        errors.Should().Contain(p => p.Code == ProblemCodes.WrongType, "the item of the wrong type is reported");
        errors.Should().Contain(p => p.Code == code && p.Pointer == pointer && p.Line == 1);
    }

    [Fact]
    public void A_field_the_reader_found_missing_is_reported_once_at_its_object()
    {
        var errors = AslValidator.Validate("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ResultPath":"$.e"}],"End":true}}}""").Errors;

        errors.Select(p => (p.Code, p.Pointer)).Should().BeEquivalentTo(
            [(ProblemCodes.MissingField, "/States/T/Catch/0"), (ProblemCodes.MissingField, "/States/T/Catch/0")]); // ErrorEquals and Next
    }

    [Fact]
    public void A_duplicate_name_names_where_the_first_one_is()
    {
        const string json = """
            {"StartAt":"P","States":{
              "P":{"Type":"Parallel","Branches":[{"StartAt":"X","States":{"X":{"Type":"Succeed"}}}],"Next":"M"},
              "M":{"Type":"Map","ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Succeed"}}},"End":true}}}
            """;
        var problem = AslValidator.Validate(json).Errors.Should().ContainSingle(p => p.Code == ProblemCodes.DuplicateStateName).Subject;
        problem.Pointer.Should().Be("/States/M/ItemProcessor/States/X");
        problem.Message.Should().Contain("also used at /States/P/Branches/0/States/X;");
    }

    [Fact]
    public void Pointers_deeper_than_their_pending_steps_and_past_the_cached_indices_are_exact()
    {
        // A Choice inside a Parallel branch, its 71st rule nesting And > Not: more steps than a pointer keeps
        // pending, and an index past the cached ones.
        var rules = Enumerable.Range(0, 70).Select(i => $$"""{"Variable":"$.v{{i}}","IsPresent":true,"Next":"E"}""").ToList();
        rules.Add("""{"Next":"E","And":[{"Variable":"$.a","IsPresent":true},{"Not":{"Variable":"bad path","IsPresent":true}}]}""");
        var branch = """{"StartAt":"C~1","States":{"C~1":{"Type":"Choice","Choices":[""" + string.Join(",", rules) + """],"Default":"E"},"E":{"Type":"Succeed"}}}""";
        var json = """{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"X","States":{"X":{"Type":"Succeed"}}},""" + branch + """],"End":true}}}""";

        var problem = AslValidator.Validate(json).Errors.Should().ContainSingle().Subject;

        problem.Code.Should().Be(ProblemCodes.InvalidPath);
        problem.Pointer.Should().Be("/States/P/Branches/1/States/C~01/Choices/70/And/1/Not/Variable");
        problem.Line.Should().Be(1);
    }

    [Fact]
    public void Deep_pointers_are_built_step_by_step_with_escaped_names()
    {
        const string json = """
            {"StartAt":"a/b~c","States":{"a/b~c":{"Type":"Choice","Choices":[{"Next":"E","And":[
              {"Variable":"$.x","IsPresent":true},{"Not":{"Variable":"not a path","StringEquals":"y"}}]}],"Default":"E"},
              "E":{"Type":"Succeed"}}}
            """;
        var problem = AslValidator.Validate(json).Errors.Should().ContainSingle(p => p.Code == ProblemCodes.InvalidPath).Subject;
        problem.Pointer.Should().Be("/States/a~1b~0c/Choices/0/And/1/Not/Variable");
        (problem.Line, problem.Column).Should().Be((2, 47));
    }

    [Fact]
    public void A_definition_over_one_megabyte_is_rejected()
    {
        var big = new string('x', Limits.MaxDefinitionBytes);
        var json = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"BIG","End":true}}}""".Replace("BIG", big, StringComparison.Ordinal);
        AslValidator.Validate(json).Errors.Should().Contain(p => p.Code == ProblemCodes.TooLarge);
    }

    [Fact]
    public void Substitutions_are_accepted_unless_turned_off()
    {
        const string json = """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"${ProcessFunctionArn}","End":true}}}""";
        AslValidator.Validate(json).IsValid.Should().BeTrue();
        AslValidator.Validate(json, new ValidationOptions { AllowDefinitionSubstitutions = false }).Errors
            .Should().ContainSingle(p => p.Code == ProblemCodes.InvalidArn);
    }
}
