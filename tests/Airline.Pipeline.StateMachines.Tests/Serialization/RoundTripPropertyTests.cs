using System.Text;
using Airline.Pipeline.StateMachines.Building;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Validation;
using FsCheck;
using FsCheck.Fluent;

namespace Airline.Pipeline.StateMachines.Tests.Serialization;

public sealed class RoundTripPropertyTests
{
    private static readonly string[] NameParts = ["Start", "poll/crawler", "tilde~0", "quote\"d", "Ünïcode", "emoji 🚀", "a.b", "$x", "spaces in name"];

    [Fact]
    public void Write_parse_write_is_identity_for_generated_machines() =>
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
            {
                var machine = Generate(new Random(seed));
                var json = machine.ToJson();
                var again = StateMachine.Parse(json);
                return again.ToJson() == json && again.ToJson(indented: true) == machine.ToJson(indented: true)
                    && AslValidator.Validate(json, new ValidationOptions { Lints = false }).IsValid;
            })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Validator_never_throws_on_mutated_definitions() =>
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), seed =>
            {
                var random = new Random(seed);
                var bytes = Encoding.UTF8.GetBytes(Generate(random).ToJson());
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    var at = random.Next(bytes.Length);
                    const string noise = "{}[]\":,0a$. tn";
                    bytes[at] = (byte)noise[random.Next(noise.Length)];
                }

                var result = AslValidator.Validate(bytes);
                return result.Problems.All(p => p.Message.Length > 0 && p.Code.StartsWith("ASL", StringComparison.Ordinal));
            })
            .QuickCheckThrowOnFailure();

    private static StateMachine Generate(Random random)
    {
        var count = random.Next(1, 12);
        var names = Enumerable.Range(0, count).Select(i => NameParts[random.Next(NameParts.Length)] + i).ToList();
        var builder = new StateMachineBuilder().Comment("generated " + random.Next());
        for (var i = 0; i < count; i++)
        {
            var name = names[i];
            var last = i == count - 1;
            switch (random.Next(last ? 3 : 6))
            {
                case 0:
                    builder.Succeed(name);
                    break;
                case 1:
                    builder.Fail(name, "Generated.Error", "cause " + random.Next());
                    break;
                case 2:
                    builder.Pass(name, p => p.Result(new Dictionary<string, object?> { ["n"] = random.Next(100) / 8.0m, ["s.$"] = "$.x" }).End());
                    break;
                case 3:
                    builder.Wait(name, w => w.Seconds(random.Next(0, 1000)));
                    break;
                case 4:
                    builder.Task(name, "arn:aws:states:::lambda:invoke", t => t
                        .Parameters(new Dictionary<string, object?> { ["FunctionName"] = "f", ["Payload.$"] = "States.Format('{}', $.v)" })
                        .Retry([ErrorNames.All], intervalSeconds: random.Next(1, 9), maxAttempts: random.Next(0, 5), backoffRate: 1.5m + random.Next(3))
                        .CatchAll(names[random.Next(i + 1, count)]));
                    break;
                default:
                    var target = names[random.Next(i + 1, count)];
                    builder.Choice(name, c => c
                        .When(Condition.And(Condition.IsPresent("$.v"), Condition.NumericLessThan("$.v", random.Next(-50, 50))), target)
                        .Otherwise(names[i + 1]));
                    break;
            }
        }

        return builder.BuildUnvalidated() is var machine && AslValidator.Validate(machine, new ValidationOptions { Lints = false }).IsValid
            ? machine
            : new StateMachineBuilder().Succeed("Fallback").Build();
    }
}
