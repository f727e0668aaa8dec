using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Airline.Pipeline.Audit.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddPipelineAudit_ResolvesAWorkingReconciler()
    {
        var clock = new ManualTimeProvider();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddPipelineAudit(o =>
            {
                o.PipelineName = "orders";
                o.SuccessTopic = "arn:aws:sns:eu-west-1:123456789012:orders-success";
                o.FailureTopic = "arn:aws:sns:eu-west-1:123456789012:orders-failure";
            });
        using var provider = services.BuildServiceProvider(validateScopes: true);
        provider.GetRequiredService<IStartupValidator>().Validate();

        var reconciler = provider.GetRequiredService<AuditReconciler>();
        var recorder = provider.GetRequiredService<AuditRecorder>();
        var run = provider.GetRequiredService<RunIdGenerator>().Next();
        foreach (var layer in AuditLayers.SeedLayers)
        {
            await recorder.RecordAsync(run, layer, 7);
        }

        var result = await reconciler.ReconcileAsync(run);

        result.Status.Should().Be(AuditStatus.Succeeded);
        reconciler.Plan.Name.Should().Be("orders");
        var publisher = (InMemoryNotificationPublisher)provider.GetRequiredService<INotificationPublisher>();
        publisher.PublishedTo("arn:aws:sns:eu-west-1:123456789012:orders-success").Should().ContainSingle();
        provider.GetRequiredService<AuditStreamHandler>().Should().NotBeNull();
    }

    [Fact]
    public void BadOptions_FailAtStart_WithEveryValue()
    {
        var services = new ServiceCollection().AddPipelineAudit(o =>
        {
            o.PipelineName = "orders";
            o.Layers.Add("landing");
            o.Layers.Add("final");
            o.ReferenceLayer = "lnding";
            o.CompletionTimeout = TimeSpan.FromMinutes(-5);
            o.SuccessTopic = " ";
            o.Expectations["final"] = new LayerExpectationOptions { Kind = ExpectationKind.Ratio, WarnTolerance = 0.2, FailTolerance = 0.1 };
            o.Expectations["stagin"] = new LayerExpectationOptions();
        });
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        var failures = act.Should().Throw<OptionsValidationException>().Which.Failures.ToList();
        failures.Should().HaveCount(5);
        failures.Should().Contain(f => f.Contains("reference layer 'lnding' is not one of the layers (landing, final)", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("completion timeout -00:05:00", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("SuccessTopic is ' '", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Expectations:final: the warn level 0.2 exceeds the fail level 0.1", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Expectations:stagin: 'stagin' is not one of the layers", StringComparison.Ordinal));
        failures.Should().AllSatisfy(f => f.Should().StartWith("PipelineAudit: "));
    }

    [Fact]
    public void CalledTwice_RegistersOnce_AndKeepsEveryConfigure()
    {
        var services = new ServiceCollection()
            .AddPipelineAudit(o => o.PipelineName = "a")
            .AddPipelineAudit(o => o.SuccessTopic = "b");

        services.Count(d => d.ServiceType == typeof(AuditReconciler)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IValidateOptions<PipelineAuditOptions>)).Should().Be(1);
        using var provider = services.BuildServiceProvider();
        var reconciler = provider.GetRequiredService<AuditReconciler>();
        reconciler.Plan.Name.Should().Be("a");
        reconciler.Topics.Should().Be(NotificationTopics.Single("b"));
    }

    [Fact]
    public void AdapterRegistrations_WinOverTheDefaults_BeforeOrAfter()
    {
        var store = new InMemoryAuditStore();
        var publisher = new InMemoryNotificationPublisher();
        var before = new ServiceCollection().AddSingleton<IAuditStore>(store).AddPipelineAudit();
        var after = new ServiceCollection().AddPipelineAudit().AddSingleton<INotificationPublisher>(publisher);

        using var p1 = before.BuildServiceProvider();
        using var p2 = after.BuildServiceProvider();

        p1.GetRequiredService<IAuditStore>().Should().BeSameAs(store);
        p2.GetRequiredService<INotificationPublisher>().Should().BeSameAs(publisher);
    }

    [Fact]
    public void NotificationDirectory_SelectsTheFilePublisher()
    {
        using var provider = new ServiceCollection()
            .AddPipelineAudit(o => o.NotificationDirectory = Path.Combine(Path.GetTempPath(), "n"))
            .BuildServiceProvider();

        provider.GetRequiredService<INotificationPublisher>().Should().BeOfType<FileNotificationPublisher>();
    }

    [Fact]
    public void Options_WithExpectations_BuildThePlan()
    {
        var options = new PipelineAuditOptions { PipelineName = "flights" };
        options.Layers.Add("raw");
        options.Layers.Add("delayed");
        options.Expectations["delayed"] = new LayerExpectationOptions { Kind = ExpectationKind.AtMost };

        options.TryBuildPlan(out var plan, out var problems).Should().BeTrue();
        problems.Should().BeEmpty();
        plan!.Layers[1].Expectation.Should().Be(LayerExpectation.AtMost());
    }
}
