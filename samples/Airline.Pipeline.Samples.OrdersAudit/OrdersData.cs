using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Airline.Pipeline.Samples.OrdersAudit;

/// <summary>One product line of an order, as staging holds it after the explode.</summary>
internal sealed record OrderItem(string OrderId, string ProductCode, long Quantity, decimal Price);

/// <summary>
/// The orders seed's data: orders land as JSON Lines with a <c>products</c> array (the Firehose output, stamped with a
/// run_id); staging explodes them to one row per product.
/// </summary>
internal static class OrdersData
{
    /// <summary>The products dimension the final load joins with: code, name, category.</summary>
    public static IReadOnlyList<(string Code, string Name, string Category)> Products { get; } =
    [
        ("P-100", "Espresso beans 1 kg", "coffee"),
        ("P-200", "Ceramic mug", "kitchen"),
        ("P-210", "Milk frother", "kitchen"),
        ("P-300", "Pour-over kettle", "kitchen"),
        ("P-310", "Paper filters (100)", "coffee"),
        ("P-320", "Burr grinder", "kitchen"),
        ("P-330", "Decaf beans 500 g", "coffee"),
    ];

    /// <summary>Three orders with 1, 2 and 4 products (7 product lines), as JSON Lines.</summary>
    public static string LandingJsonLines(string runId, DateTimeOffset time)
    {
        (string Order, string Customer, (string Code, int Quantity, decimal Price)[] Products)[] orders =
        [
            ("bee482f1-833c-4395-9d85-0ca6b963d6e7", "C-001", [("P-100", 2, 18.50m)]),
            ("4f1c6a2e-7d0b-4c3e-9a51-2b8e0d4c7f10", "C-002", [("P-200", 1, 9.90m), ("P-210", 1, 24.00m)]),
            ("9a7d3e55-1c2b-4f8a-b6e0-5d4c3b2a1f09", "C-003", [("P-300", 1, 39.00m), ("P-310", 3, 4.20m), ("P-320", 1, 89.00m), ("P-330", 2, 12.75m)]),
        ];
        var text = new StringBuilder();
        foreach (var (order, customer, products) in orders)
        {
            var line = new JsonObject
            {
                ["order_id"] = order,
                ["customer_id"] = customer,
                ["processing_ts"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["run_id"] = runId,
                ["products"] = new JsonArray([.. products.Select(p => (JsonNode)new JsonObject
                {
                    ["PRODUCT_CODE"] = p.Code,
                    ["QUANTITY"] = p.Quantity,
                    ["PRICE"] = p.Price,
                })]),
            };
            text.Append(line.ToJsonString()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The explode: one item per element of each order's products array.</summary>
    public static List<OrderItem> Explode(string jsonLines)
    {
        var items = new List<OrderItem>();
        foreach (var line in jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var order = JsonDocument.Parse(line);
            var id = order.RootElement.GetProperty("order_id").GetString()!;
            foreach (var product in order.RootElement.GetProperty("products").EnumerateArray())
            {
                items.Add(new OrderItem(
                    id,
                    product.GetProperty("PRODUCT_CODE").GetString()!,
                    product.GetProperty("QUANTITY").GetInt64(),
                    product.GetProperty("PRICE").GetDecimal()));
            }
        }

        return items;
    }

    /// <summary>The staging file's CSV (the S3 staging area).</summary>
    public static string ToCsv(IEnumerable<OrderItem> items, string runId) =>
        "run_id,order_id,product_code,quantity,price\n" + string.Concat(items.Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"{runId},{i.OrderId},{i.ProductCode},{i.Quantity},{i.Price}\n")));
}
