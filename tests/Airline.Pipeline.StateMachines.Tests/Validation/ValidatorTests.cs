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
