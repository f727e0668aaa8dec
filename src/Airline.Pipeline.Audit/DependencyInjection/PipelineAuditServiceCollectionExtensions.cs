using Airline.Pipeline.Audit;
using Airline.Pipeline.Audit.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the pipeline audit.</summary>
public static class PipelineAuditServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PipelineAuditOptions"/> (validated at start), the <see cref="AuditPlan"/> they describe,
    /// <see cref="AuditReconciler"/>, <see cref="AuditRecorder"/>, <see cref="AuditStreamHandler"/> and
    /// <see cref="RunIdGenerator"/>, plus defaults that only apply when nothing else is registered:
    /// <see cref="TimeProvider.System"/>, <see cref="InMemoryAuditStore"/> as <see cref="IAuditStore"/>, and as
    /// <see cref="INotificationPublisher"/> a <see cref="FileNotificationPublisher"/> when
    /// <see cref="PipelineAuditOptions.NotificationDirectory"/> is set, else <see cref="InMemoryNotificationPublisher"/>.
    /// Calling it again only adds another <paramref name="configure"/>. Adapters (DynamoDB, SNS) replace the store and
    /// publisher by registering them with <c>AddSingleton</c> (after) or <c>TryAdd</c> (before) this call.
    /// </summary>
    public static IServiceCollection AddPipelineAudit(
        this IServiceCollection services, Action<PipelineAuditOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PipelineAuditOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineAuditOptions>, PipelineAuditOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditStore, InMemoryAuditStore>();
        services.TryAddSingleton<INotificationPublisher>(sp =>
            sp.GetRequiredService<IOptions<PipelineAuditOptions>>().Value.NotificationDirectory is { } directory
                ? new FileNotificationPublisher(directory)
                : new InMemoryNotificationPublisher());
        services.TryAddSingleton(sp =>
        {
            var value = sp.GetRequiredService<IOptions<PipelineAuditOptions>>().Value;
            return value.TryBuildPlan(out var plan, out var problems)
                ? plan
                : throw new OptionsValidationException(nameof(PipelineAuditOptions), typeof(PipelineAuditOptions), problems);
        });
        services.TryAddSingleton(sp => new AuditReconciler(
            sp.GetRequiredService<AuditPlan>(),
            sp.GetRequiredService<IAuditStore>(),
            sp.GetRequiredService<INotificationPublisher>(),
            sp.GetRequiredService<IOptions<PipelineAuditOptions>>().Value.Topics,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton(sp => new AuditRecorder(sp.GetRequiredService<IAuditStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new AuditStreamHandler(sp.GetRequiredService<AuditReconciler>(), sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton(sp => new RunIdGenerator(sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
