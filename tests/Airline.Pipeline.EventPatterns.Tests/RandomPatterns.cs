using System.Globalization;
using System.Text;
using Airline.Pipeline.EventPatterns.Building;
using Airline.Pipeline.EventPatterns.Model;

namespace Airline.Pipeline.EventPatterns.Tests;

/// <summary>Builds random patterns through the public builder, using every operator.</summary>
internal sealed class RandomPatterns(int seed)
{
    private static readonly string[] Names = ["source", "detail-type", "detail", "state", "a.b", "key", "size", "x~y", "p/q", "ünï", "$weird", "n"];
    private readonly Random _random = new(seed);

    public EventPattern Next()
    {
        var builder = EventPattern.Builder();
        Fill(builder, depth: 0, allowOr: true);
        return builder.Build();
    }

    private void Fill<T>(PatternObjectBuilderBase<T> builder, int depth, bool allowOr)
        where T : PatternObjectBuilderBase<T>
    {
        var members = _random.Next(1, 4);
        for (var i = 0; i < members; i++)
        {
            var name = Names[_random.Next(Names.Length)] + (depth > 0 ? string.Empty : i.ToString(CultureInfo.InvariantCulture));
            var roll = _random.Next(10);
            if (roll < 2 && depth < 3)
            {
                builder.Object(name, o => Fill(o, depth + 1, allowOr));
            }
            else if (roll == 2 && allowOr)
            {
                builder.Or(a => Fill(a, depth + 1, allowOr: false), b => Fill(b, depth + 1, allowOr: false));
            }
            else
            {
                builder.Field(name, [.. Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Matcher())]);
            }
        }
    }

    private ValueMatcher Matcher() => _random.Next(19) switch
    {
        0 => Match.Exact(Text()),
        1 => Match.Exact(_random.NextInt64(-5_000_000_000, 5_000_000_000)),
        2 => Match.Exact(Math.Round((decimal)_random.NextDouble() * 1000, 3)),
        3 => Match.Exact(_random.Next(2) == 0),
        4 => Match.Null(),
        5 => Match.Prefix(Text()),
        6 => Match.SuffixIgnoreCase(Text()),
        7 => Match.EqualsIgnoreCase(Text()),
        8 => Match.Wildcard(Unique() + "*" + Text().Replace("*", "\\*", StringComparison.Ordinal).Replace("\\", "\\\\", StringComparison.Ordinal)),
        9 => Match.Cidr(_random.Next(2) == 0 ? $"10.{_random.Next(256)}.0.0/{_random.Next(8, 33)}" : $"2001:db8:{_random.Next(65536):x}::/{_random.Next(16, 129)}"),
        10 => _random.Next(2) == 0 ? Match.Exists() : Match.DoesNotExist(),
        11 => Match.AnythingBut([.. Enumerable.Range(0, _random.Next(1, 3)).Select(_ => Text())]),
        12 => Match.AnythingBut(_random.Next(1000), _random.Next(1000, 2000)),
        13 => Match.AnythingButPrefix(Unique()),
        14 => Match.AnythingButSuffix(Unique(), Unique()),
        15 => Match.AnythingButEqualsIgnoreCase(Text()),
        16 => Match.AnythingButWildcard(Unique() + "*"),
        17 => Match.Numeric(NumericOperator.GreaterThan, -_random.Next(1000), NumericOperator.LessThanOrEqual, _random.Next(1, 1000) + 0.5m),
        _ => Match.LessThan(_random.Next(-100, 100)),
    };

    private string Text()
    {
        string[] pieces = ["a", "b", "c", "X", "Y", "Z", "0", "9", " ", "-", "_", ".", "/", "*", "\\", "\"", "é", "ß", "🚀", "<", ">", "&"];
        var text = new StringBuilder();
        for (var i = _random.Next(0, 8); i > 0; i--)
        {
            text.Append(pieces[_random.Next(pieces.Length)]);
        }

        return text.ToString();
    }

    private string Unique() => "u" + _random.Next(100_000).ToString(CultureInfo.InvariantCulture);
}
