using System.Globalization;
using System.Text;
using Airline.Pipeline.Flights.Internal;

namespace Airline.Pipeline.Flights.Tests;

public sealed class ShortIntegersTests
{
    [Fact]
    public void Every_integer_up_to_seven_digits_parses_with_any_padding_after_it()
    {
        foreach (var value in Enumerable.Range(-12_000, 24_001).Concat([9_999_999, -9_999_999, 1_000_000, 100_000, -1_000_000]))
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            foreach (var padding in new[] { "", ",", ",0,1641,23,1,0\n" })
            {
                var bytes = Encoding.ASCII.GetBytes(text + padding);
                ShortIntegers.TryParse(bytes, 0, text.Length, out var parsed).Should().BeTrue(text);
                parsed.Should().Be(value);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("1.0")]
    [InlineData("-3.00")]
    [InlineData("12345678")]
    [InlineData("-12345678")]
    [InlineData("1e3")]
    [InlineData("\"5\"")]
    [InlineData("5-")]
    [InlineData("--5")]
    [InlineData(":9")]
    [InlineData("/0")]
    public void Anything_else_is_left_to_the_general_parser(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text + ",0,1641,23,1,0\n");
        ShortIntegers.TryParse(bytes, 0, text.Length, out _).Should().BeFalse(text);
        ShortIntegers.TryParse(Encoding.ASCII.GetBytes(text), 0, text.Length, out _).Should().BeFalse($"{text} at the end of the data");
    }

    [Fact]
    public void Random_short_fields_agree_with_a_plain_reference_wherever_they_sit()
    {
        var random = new Random(7);
        const string alphabet = "0123456789-+. x";
        for (var i = 0; i < 200_000; i++)
        {
            var field = new string(Enumerable.Range(0, random.Next(0, 10)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var prefix = new string('9', random.Next(0, 5));
            var suffix = random.Next(3) == 0 ? "" : ",1,0\n";
            var bytes = Encoding.ASCII.GetBytes(prefix + field + suffix);

            var parsed = ShortIntegers.TryParse(bytes, prefix.Length, prefix.Length + field.Length, out var value);

            var expected = Reference(field);
            parsed.Should().Be(expected.HasValue, $"'{field}'");
            if (expected is { } v)
            {
                value.Should().Be(v, $"'{field}'");
            }
        }
    }

    private static long? Reference(string field)
    {
        var digits = field.StartsWith('-') ? field[1..] : field;
        return digits.Length is >= 1 and <= 7 && digits.All(char.IsAsciiDigit)
            ? long.Parse(field, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            : null;
    }
}
