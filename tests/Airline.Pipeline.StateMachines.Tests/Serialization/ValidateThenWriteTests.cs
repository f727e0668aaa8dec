using System.Text;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Validation;

namespace Airline.Pipeline.StateMachines.Tests.Serialization;

/// <summary>The validator keeps the bytes it wrote for the next write of a large machine: that write must not differ.</summary>
public sealed class ValidateThenWriteTests
{
    private static string Definition(int states)
    {
        var builder = new StringBuilder("{\"StartAt\":\"S0\",\"States\":{");
        for (var i = 0; i < states; i++)
        {
            builder.Append(i > 0 ? "," : string.Empty).Append("\"S").Append(i).Append("\":{\"Type\":\"Pass\",")
                .Append(i + 1 < states ? "\"Next\":\"S" + (i + 1) + "\"}" : "\"End\":true}");
        }

        return builder.Append("}}").ToString();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(250)]
    public void Writes_after_validation_are_equal_and_independent(int states)
    {
        var machine = StateMachine.Parse(Definition(states));
        var expected = StateMachine.Parse(Definition(states)).ToUtf8Json();

        AslValidator.Validate(machine).Problems.Should().BeEmpty();
        var first = machine.ToUtf8Json();
        var second = machine.ToUtf8Json();

        first.Should().Equal(expected);
        second.Should().Equal(expected);
        second.Should().NotBeSameAs(first);
        first[0] = (byte)'X';
        machine.ToUtf8Json().Should().Equal(expected);
    }

    [Fact]
    public void A_with_copy_is_written_from_its_own_fields()
    {
        var machine = StateMachine.Parse(Definition(250));
        AslValidator.Validate(machine);
        var copy = machine with { Comment = "changed" };

        Encoding.UTF8.GetString(copy.ToUtf8Json()).Should().Contain("\"Comment\":\"changed\"");
        Encoding.UTF8.GetString(machine.ToUtf8Json()).Should().NotContain("changed");
    }
}
