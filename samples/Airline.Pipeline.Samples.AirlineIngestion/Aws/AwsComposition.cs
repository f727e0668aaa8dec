using Airline.Pipeline.Audit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Airline.Pipeline.Samples.AirlineIngestion.Aws;

/// <summary>
/// The same composition pointed at AWS: configuration, not new code. <c>AddAirlinePipelineAws</c> puts S3 behind the
/// object store, DynamoDB behind the ledger and the audit store (when their tables are named), Glue behind the
/// workflow runner and SNS behind Audit's publisher; Redshift is reached through Npgsql.
/// </summary>
internal static class AwsComposition
{
    /// <summary>Reads the settings: an optional JSON file, then environment variables (<c>AIRLINE__SAMPLE__AWS__BUCKET</c>).</summary>
    public static IConfiguration LoadConfiguration(string? settingsPath)
    {
        var builder = new ConfigurationBuilder();
        if (settingsPath is not null)
        {
            if (!File.Exists(settingsPath))
            {
                throw new SampleInputException($"--settings '{settingsPath}' does not exist; give a JSON file with the Airline:Sample:Aws section.");
            }

            builder.AddJsonFile(settingsPath, optional: false);
        }

        return builder.AddEnvironmentVariables().Build();
    }

    public static IServiceCollection AddAirlineSampleAws(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AwsSampleSettings.SectionName);
        services.AddOptions<AwsSampleSettings>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsSampleSettings>, AwsSampleSettingsValidator>());
        var settings = section.Get<AwsSampleSettings>() ?? new AwsSampleSettings();

        services.AddPipelineAudit(o =>
        {
            o.PipelineName = SampleNames.PipelineName;
            o.Layers.Add(SampleNames.Layers.Landing);
            o.Layers.Add(SampleNames.Layers.Final);
            o.ReferenceLayer = SampleNames.Layers.Landing;
            o.Expectations[SampleNames.Layers.Final] = new LayerExpectationOptions { Kind = ExpectationKind.AtMost };
            o.SuccessTopic = settings.TopicArn ?? "";
            o.FailureTopic = settings.FailureTopicArn ?? settings.TopicArn;
        });
        services.AddAirlinePipelineAws(o =>
        {
            configuration.GetSection("Airline:Aws").Bind(o);
            o.Glue.CrawlerName = settings.CrawlerName ?? o.Glue.CrawlerName;
            o.Glue.JobName = settings.JobName ?? o.Glue.JobName;
        });
        services.TryAddSingleton(_ => NpgsqlDataSource.Create(settings.RedshiftConnectionString ?? "Host=unset"));
        return services;
    }

    /// <summary>Builds the provider and runs every options validator now (what a host does at start).</summary>
    public static ServiceProvider BuildAndValidate(IServiceCollection services)
    {
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return provider;
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            // Several option types failed: report them all as one list.
            provider.Dispose();
            throw new OptionsValidationException(
                AwsSampleSettings.SectionName, typeof(AwsSampleSettings), [.. e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures)]);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }
}
