using System.Text;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Serialization;
using Airline.Pipeline.StateMachines.Validation;
using BenchmarkDotNet.Attributes;

namespace Airline.Pipeline.Benchmarks.StateMachines;

/// <summary>
/// Parse + validate + write of generated definitions of 100, 1,000 and 10,000 states (Task with Retry and Catch,
/// Choice with And/Or rules, Wait, Pass with intrinsic functions, Parallel with two branches). Baseline: parse only.
/// Validation includes the lints.
/// </summary>
[MemoryDiagnoser]
public class StateMachineRoundTripBenchmarks
{
    private byte[] _json = [];
    private StateMachine _machine = null!;

    [Params(100, 1_000, 10_000)]
    public int States { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _json = Encoding.UTF8.GetBytes(GeneratedDefinition.Create(States));
        _machine = StateMachine.Parse(_json);
        var result = AslValidator.Validate(_json, new ValidationOptions { Lints = false });
        // 10,000 states exceed AWS's 1 MB limit (ASL050): still measured, to show the cost is linear.
        if (result.Errors.Any(p => p.Code != ProblemCodes.TooLarge))
        {
            throw new InvalidOperationException("The generated definition is invalid:\n" + result);
        }
    }

    [Benchmark(Baseline = true)]
    public StateMachine Parse() => StateMachine.Parse(_json);

    [Benchmark]
    public ValidationResult ValidateModel() => AslValidator.Validate(_machine);

    [Benchmark]
    public byte[] Write() => _machine.ToUtf8Json();

    [Benchmark]
    public byte[] ParseValidateWrite()
    {
        var read = AslReader.Read(_json);
        var result = AslValidator.Validate(read.Machine!);
        return result.Problems.Length < 0 ? [] : read.Machine!.ToUtf8Json();
    }
}

/// <summary>Generates a valid definition with a given number of states.</summary>
public static class GeneratedDefinition
{
    public static string Create(int states)
    {
        var builder = new StringBuilder(states * 400);
        builder.Append("{\"Comment\":\"generated\",\"StartAt\":\"S0\",\"States\":{");
        for (var i = 0; i < states; i++)
        {
            var name = "S" + i;
            var next = i + 1 < states ? "\"Next\":\"S" + (i + 1) + "\"" : "\"End\":true";
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append('"').Append(name).Append("\":");
            switch (i % 5)
            {
                case 0:
                    builder.Append("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"arn:aws:lambda:us-east-1:123456789012:function:f\",\"Payload.$\":\"$.input\"},")
                        .Append("\"ResultSelector\":{\"body.$\":\"$.Payload\"},\"ResultPath\":\"$.r").Append(i).Append("\",\"TimeoutSeconds\":60,")
                        .Append("\"Retry\":[{\"ErrorEquals\":[\"Lambda.TooManyRequestsException\"],\"IntervalSeconds\":2,\"MaxAttempts\":3,\"BackoffRate\":2.0,\"JitterStrategy\":\"FULL\"}],")
                        .Append("\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.error\",\"Next\":\"Failed\"}],").Append(next).Append('}');
                    break;
                case 1:
                    var target = i + 1 < states ? "S" + (i + 1) : "Done";
                    builder.Append("{\"Type\":\"Choice\",\"Choices\":[{\"And\":[{\"Variable\":\"$.status\",\"StringEquals\":\"READY\"},{\"Variable\":\"$.count\",\"NumericGreaterThan\":3}],\"Next\":\"").Append(target)
                        .Append("\"},{\"Or\":[{\"Variable\":\"$.flag\",\"IsPresent\":false},{\"Variable\":\"$.ts\",\"TimestampLessThan\":\"2026-01-01T00:00:00Z\"}],\"Next\":\"Done")
                        .Append("\"}],\"Default\":\"").Append(target).Append("\"}");
                    break;
                case 2:
                    builder.Append("{\"Type\":\"Wait\",\"Seconds\":5,").Append(next).Append('}');
                    break;
                case 3:
                    builder.Append("{\"Type\":\"Pass\",\"Parameters\":{\"id.$\":\"States.Format('run-{}', $$.Execution.Id)\",\"n.$\":\"States.MathAdd($.n, 1)\",\"items.$\":\"$.items[0:2]\"},\"ResultPath\":\"$.p\",")
                        .Append(next).Append('}');
                    break;
                default:
                    builder.Append("{\"Type\":\"Parallel\",\"Branches\":[{\"StartAt\":\"B").Append(i).Append("a\",\"States\":{\"B").Append(i).Append("a\":{\"Type\":\"Pass\",\"End\":true}}},")
                        .Append("{\"StartAt\":\"B").Append(i).Append("b\",\"States\":{\"B").Append(i).Append("b\":{\"Type\":\"Succeed\"}}}],\"ResultPath\":null,").Append(next).Append('}');
                    break;
            }
        }

        builder.Append(",\"Failed\":{\"Type\":\"Fail\",\"Error\":\"Generated.Failed\"},\"Done\":{\"Type\":\"Succeed\"}}}");
        return builder.ToString();
    }
}
