using System.Text.Json;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Serialization;

namespace Airline.Pipeline.StateMachines.Tests.Serialization;

public sealed class RoundTripTests
{
    public static TheoryData<string> ValidAslValidatorFiles() =>
        [.. Corpus.AslValidatorFiles().Where(f => f.StartsWith("valid-", StringComparison.Ordinal))];

    public static TheoryData<string> AllFiles() =>
        [.. Corpus.AslValidatorFiles().Select(f => Path.Combine("asl-validator", f)),
            .. Corpus.StateLintFiles().Select(f => Path.Combine("awslabs-statelint", f))];

    [Theory]
    [MemberData(nameof(ValidAslValidatorFiles))]
    public void Valid_asl_validator_file_writes_back_equal_json(string file) =>
        AssertRoundTrip(Path.Combine(Corpus.AslValidatorFolder, file));

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Every_readable_corpus_file_writes_back_equal_json(string file)
    {
        var path = Path.Combine(Path.GetDirectoryName(Corpus.AslValidatorFolder)!, file);
        var result = AslReader.Read(File.ReadAllBytes(path));
        if (result.Machine is null || result.Problems.Count > 0)
        {
            return; // Malformed input (duplicate keys, wrong types) need not round trip: the reader reports it.
        }

        AssertRoundTrip(path);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Parse_write_parse_is_identity_on_the_model(string file)
    {
        var path = Path.Combine(Path.GetDirectoryName(Corpus.AslValidatorFolder)!, file);
        var read = AslReader.Read(File.ReadAllBytes(path));
        var first = read.Machine;
        if (first is null || read.Problems.Count > 0)
        {
            return;
        }

        var written = first.ToJson();
        var second = StateMachine.Parse(written);
        second.ToJson().Should().Be(written);
        second.ToJson(indented: true).Should().Be(first.ToJson(indented: true));
    }

    [Fact]
    public void Numbers_keep_their_spelling()
    {
        const string json = """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","Parameters":{"x":1.50,"y":1e3},"TimeoutSeconds":60,"Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":3,"BackoffRate":2.0}],"End":true}}}""";
        StateMachine.Parse(json).ToJson().Should().Be(json);
    }

    [Fact]
    public void Dollar_keys_and_unknown_fields_are_kept()
    {
        const string json = """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a.$":"$.b","c.$":"States.Format('x{}', $.d)"},"End":true,"XFuture":{"k":[1,2]}}},"XTop":true}""";
        var machine = StateMachine.Parse(json);
        machine.States[0].UnknownFields.Should().ContainSingle(f => f.Key == "XFuture");
        machine.UnknownFields.Should().ContainSingle(f => f.Key == "XTop");
        machine.ToJson().Should().Be(json);
    }

    [Fact]
    public void Utf8_span_string_and_file_read_the_same_model()
    {
        var path = Path.Combine(Corpus.AslValidatorFolder, "valid-map-distributed.asl.json");
        var fromFile = StateMachine.Load(path).ToJson();
        StateMachine.Parse(File.ReadAllText(path)).ToJson().Should().Be(fromFile);
        StateMachine.Parse(File.ReadAllBytes(path).AsSpan()).ToJson().Should().Be(fromFile);
    }

    private static void AssertRoundTrip(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var machine = StateMachine.Parse(bytes);
        using var original = JsonDocument.Parse(bytes);
        using var written = JsonDocument.Parse(machine.ToJson());
        JsonElement.DeepEquals(original.RootElement, written.RootElement).Should().BeTrue(
            $"{Path.GetFileName(path)} must write back equal:\n{machine.ToJson(indented: true)}");
        using var indented = JsonDocument.Parse(machine.ToJson(indented: true));
        JsonElement.DeepEquals(original.RootElement, indented.RootElement).Should().BeTrue();
    }
}

public sealed class ReaderOwnershipTests
{
    public static TheoryData<string> AllFiles() => RoundTripTests.AllFiles();

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void The_model_keeps_its_own_copies_of_json_values_after_the_input_is_overwritten(string file)
    {
        // The reader returns its document and input copy to their pools: every value the model holds must be its own.
        var path = Path.Combine(Path.GetDirectoryName(Corpus.AslValidatorFolder)!, file);
        var input = File.ReadAllBytes(path);
        var expected = AslReader.Read(input).Machine?.ToJson();
        var result = AslReader.Read(input);
        Array.Fill(input, (byte)' ');
        _ = AslReader.Read("""{"StartAt":"X","States":{"X":{"Type":"Pass","Parameters":{"reuse.$":"$.pooled.buffers"},"End":true}}}""");

        result.Machine?.ToJson().Should().Be(expected);
    }

    [Fact]
    public void Repeated_and_literal_choice_operands_are_kept_exactly()
    {
        // Scalar operands are shared per read (one copy per distinct value) and true/false across reads.
        const string json = """
            {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
            {"Variable":"$.s","StringEquals":"FAILED","Next":"F"},{"Variable":"$.t","StringEquals":"FAILED","Next":"F"},
            {"Variable":"$.n","NumericEquals":0,"Next":"F"},{"Variable":"$.m","NumericEquals":0.0,"Next":"F"},
            {"Variable":"$.b","BooleanEquals":true,"Next":"F"},{"Variable":"$.c","BooleanEquals":false,"Next":"F"},
            {"Variable":"$.d","IsNull":true,"Next":"F"}],"Default":"F"},"F":{"Type":"Succeed"}}}
            """;
        var input = System.Text.Encoding.UTF8.GetBytes(json);
        var machine = AslReader.Read(input).Machine!;
        Array.Fill(input, (byte)' ');
        _ = AslReader.Read("""{"StartAt":"X","States":{"X":{"Type":"Choice","Choices":[{"Variable":"$.x","StringEquals":"OTHER","Next":"Y"}],"Default":"Y"},"Y":{"Type":"Succeed"}}}""");

        var operands = machine.States.OfType<ChoiceState>().Single().Choices.Select(rule => rule.Operand!.Value.GetRawText());
        operands.Should().Equal("\"FAILED\"", "\"FAILED\"", "0", "0.0", "true", "false", "true");
        machine.ToJson().Should().Contain("\"NumericEquals\":0.0");
    }
}

