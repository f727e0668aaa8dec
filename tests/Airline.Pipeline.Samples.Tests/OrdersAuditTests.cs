using Airline.Pipeline.Samples.OrdersAudit;

namespace Airline.Pipeline.Samples.Tests;

/// <summary>The orders sample: 7/7/7/7 sends one SUCCEEDED notice; --drop-one sends one FAILED notice naming the layer.</summary>
public sealed class OrdersAuditTests : IDisposable
{
    private readonly SampleFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Default_run_counts_seven_products_in_every_layer_and_sends_one_success_notice()
    {
        var run = await RunAsync("--out", _folder.Root);

        run.ExitCode.Should().Be(0, run.ToString());
        var notice = _folder.Notifications().Should().ContainSingle().Subject;
        notice["status"]!.GetValue<string>().Should().Be("SUCCEEDED");
        notice["pipeline"]!.GetValue<string>().Should().Be("orders");
        notice["layers"]!.AsArray().Select(l => $"{l!["layer"]}={l["count"]}")
            .Should().Equal("s3_landing=7", "s3_staging=7", "redshift_staging=7", "redshift_final=7");
        run.Output.Should().Contain("(3 orders, 7 products)").And.Contain("orders-success");
        var warehouse = Path.Combine(_folder.Root, "warehouse.db");
        SampleFolder.Query(warehouse, "SELECT COUNT(*) FROM order_items").Should().Equal("7");
        SampleFolder.Query(warehouse, "SELECT product_code || ':' || product_name FROM order_items WHERE product_code = 'P-320'").Should().Equal("P-320:Burr grinder");
        File.ReadAllText(_folder.Files("landing/orders").Select(f => Path.Combine(_folder.Root, "landing", "orders", f)).Single())
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3);
    }

    [Fact]
    public async Task Drop_one_loses_a_row_in_the_final_layer_and_sends_one_failure_notice_naming_it()
    {
        var run = await RunAsync("--out", _folder.Root, "--drop-one");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain("redshift_final");
        var notice = _folder.Notifications().Should().ContainSingle("the replayed reconcile sends nothing more").Subject;
        notice["status"]!.GetValue<string>().Should().Be("FAILED");
        notice["error"]!.GetValue<string>().Should().Be("layer 'redshift_final' has 6 records, expected 7 (reference 's3_landing' has 7)");
        notice["output_rows"]!.GetValue<long>().Should().Be(6);
        _folder.Files("notifications").Single().Should().EndWith(".failed.json");
        run.Output.Should().Contain("orders-failure");
    }

    [Fact]
    public async Task Help_and_bad_options()
    {
        (await RunAsync("--help")).Output.Should().Contain("--drop-one").And.Contain("--out");
        var bad = await RunAsync("--nope");
        bad.ExitCode.Should().Be(2);
        bad.Error.Should().Contain("unknown option '--nope'");
    }

    private static async Task<SampleRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await OrdersApp.RunAsync(args, stdout, stderr);
        return new SampleRun(exit, stdout.ToString(), stderr.ToString());
    }
}
