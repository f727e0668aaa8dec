using System.Text;
using System.Text.Json;

namespace Airline.Pipeline.Audit.Tests;

public sealed class AuditCountsTests
{
    [Fact]
    public void Exploded_JsonLines_SumsCardinalities_NullsCountZero()
    {
        const string lines = """
            {"products":[1,2]}

            {"products":[]}
            {"products":null}
            {"other":1}
            {"products":[{"a":1},{"a":2},{"a":3}]}
            """;

        AuditCounts.Exploded(Encoding.UTF8.GetBytes(lines), "products").Should().Be(new ExplodedCount(5, 5));
    }

    [Fact]
    public void Exploded_JsonArrayDocument()
    {
        AuditCounts.Exploded("""  [{"p":[1]},{"p":[1,2,3,4]}]"""u8, "p").Should().Be(new ExplodedCount(2, 5));
    }

    [Fact]
    public void Exploded_NestedPath_ContinuesIntoArraysOfObjects()
    {
        using var doc = JsonDocument.Parse("""{"customer":{"orders":[{"products":[1,2]},{"products":[3]},{"products":null}]}}""");
        AuditCounts.Exploded(doc.RootElement, "customer.orders.products").Should().Be(3);
        AuditCounts.Exploded(doc.RootElement, "customer.orders").Should().Be(3);
        AuditCounts.Exploded(doc.RootElement, "customer.missing.products").Should().Be(0);
    }

    [Fact]
    public void Exploded_NotAnArray_NamesTheLineAndPath()
    {
        ((Action)(() => AuditCounts.Exploded("{\"products\":[1]}\n{\"products\":\"x\"}"u8, "products")))
            .Should().Throw<FormatException>().WithMessage("line 2: 'products' is a String, not an array*");
        ((Action)(() => AuditCounts.Exploded("{\"a\":[1]}\n{oops}"u8, "a")))
            .Should().Throw<FormatException>().WithMessage("line 2: not valid JSON*");
        ((Action)(() => AuditCounts.Exploded("{\"a\":5}"u8, "a.b")))
            .Should().Throw<FormatException>().WithMessage("*'a' is a Number, so 'a.b' cannot be followed*");
        ((Action)(() => AuditCounts.Exploded("{}"u8, "a..b"))).Should().Throw<ArgumentException>().WithMessage("*empty segment*");
    }

    [Fact]
    public async Task ExplodedJsonLinesAsync_MatchesTheSpanVersion()
    {
        var text = string.Join("\r\n", Enumerable.Range(0, 500).Select(i => $$"""{"id":{{i}},"products":[{{string.Join(',', Enumerable.Repeat(1, i % 5))}}]}"""));
        var bytes = Encoding.UTF8.GetBytes(text);
        using var stream = new MemoryStream(bytes);

        var fromStream = await AuditCounts.ExplodedJsonLinesAsync(stream, "products");

        fromStream.Should().Be(AuditCounts.Exploded(bytes, "products"));
        fromStream.Should().Be(new ExplodedCount(500, Enumerable.Range(0, 500).Sum(i => (long)(i % 5))));
    }

    [Fact]
    public void StatementRows_IgnoresNegativeCounts()
    {
        AuditCounts.StatementRows(new long[] { -1, 5, 0, 2 }).Should().Be(7);
        AuditCounts.StatementRows(new[] { -1, -1 }).Should().Be(0);
    }
}
