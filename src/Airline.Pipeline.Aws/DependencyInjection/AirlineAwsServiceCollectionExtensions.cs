using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Airline.Pipeline.Audit;
using Airline.Pipeline.Aws;
using Airline.Pipeline.Aws.DependencyInjection;
using Airline.Pipeline.Aws.DependencyInjection.Internal;
using Airline.Pipeline.Aws.Glue;
using Airline.Pipeline.Aws.Http;
using Airline.Pipeline.Aws.Ledger;
using Airline.Pipeline.Aws.Sns;
using Airline.Pipeline.Aws.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the AWS adapters against their ports.</summary>
public static class AirlineAwsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the AWS adapters configured from <paramref name="configuration"/> (the <c>Airline:Aws</c> section when it
    /// exists, else the given section itself). See <see cref="AddAirlinePipelineAws(IServiceCollection, Action{AirlineAwsOptions})"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration root or the <c>Airline:Aws</c> section.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddAirlinePipelineAws(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(AirlineAwsOptions.SectionName);
        var source = section.Exists() ? section : configuration;
        services.AddOptions<AirlineAwsOptions>().Bind(source).ValidateOnStart();
        var snapshot = new AirlineAwsOptions();
        source.Bind(snapshot);
        return AddCore(services, snapshot);
    }

    /// <summary>
    /// Adds the AWS adapters: <see cref="IObjectStore"/> (S3, or the local folder twin when <c>S3:LocalRootDirectory</c>
    /// is set), <see cref="FileRouter"/>, <see cref="IProcessedFilesLedger"/> (DynamoDB when <c>DynamoDb:LedgerTableName</c>
    /// is set, else a JSON Lines file when <c>DynamoDb:LedgerFilePath</c> is set, else in memory), <see cref="IGlueClient"/>,
    /// <see cref="GlueWorkflowRunner"/> (when the crawler and job are named), <see cref="SnsClient"/>, the Audit
    /// package's <see cref="INotificationPublisher"/> (SNS) and <see cref="IAuditStore"/> (DynamoDB, when
    /// <c>DynamoDb:AuditTableName</c> is set), plus <see cref="IAmazonS3"/> and <see cref="IAmazonDynamoDB"/> unless the host
    /// registered its own. Options are validated at start; messages name the setting and its value. Credentials: an
    /// <see cref="AWSCredentials"/> registered by the host, else the profile, else the SDK's default chain.
    /// Calling this before or after <c>AddPipelineAudit</c> both work: the Audit ports are replaced, not duplicated.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddAirlinePipelineAws(this IServiceCollection services, Action<AirlineAwsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AirlineAwsOptions>().Configure(configure).ValidateOnStart();
        var snapshot = new AirlineAwsOptions();
        configure(snapshot);
        return AddCore(services, snapshot);
    }

    private static IServiceCollection AddCore(IServiceCollection services, AirlineAwsOptions snapshot)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AirlineAwsOptions>, AirlineAwsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AwsEnvironment>();
        services.TryAddSingleton(sp => sp.GetRequiredService<AwsEnvironment>().Credentials);

        services.TryAddSingleton<IAmazonS3>(sp =>
        {
            var options = Options(sp);
            var config = new AmazonS3Config { ForcePathStyle = options.S3.ForcePathStyle };
            ApplyEndpoint(config, options.S3.ServiceUrl, sp.GetRequiredService<AwsEnvironment>().Region);
            return new AmazonS3Client(sp.GetRequiredService<AWSCredentials>(), config);
        });
        services.TryAddSingleton<IAmazonDynamoDB>(sp =>
        {
            var options = Options(sp);
            var config = new AmazonDynamoDBConfig();
            ApplyEndpoint(config, options.DynamoDb.ServiceUrl, sp.GetRequiredService<AwsEnvironment>().Region);
            return new AmazonDynamoDBClient(sp.GetRequiredService<AWSCredentials>(), config);
        });

        services.TryAddSingleton<IObjectStore>(sp => Options(sp).S3.LocalRootDirectory is { Length: > 0 } root
            ? new LocalFolderObjectStore(root)
            : new S3ObjectStore(sp.GetRequiredService<IAmazonS3>()));
        services.TryAddSingleton(sp =>
        {
            var router = Options(sp).Router;
            return new FileRouter(
                sp.GetRequiredService<IObjectStore>(),
                new FileRouterOptions { IncomingPrefix = router.IncomingPrefix, ArchivePrefix = router.ArchivePrefix, FailedPrefix = router.FailedPrefix },
                sp.GetService<ILoggerFactory>());
        });
        services.TryAddSingleton<IProcessedFilesLedger>(sp =>
        {
            var dynamo = Options(sp).DynamoDb;
            if (dynamo.LedgerTableName is { } table)
            {
                return new DynamoDbProcessedFilesLedger(sp.GetRequiredService<IAmazonDynamoDB>(), table, dynamo.TimeToLive);
            }

            return dynamo.LedgerFilePath is { Length: > 0 } path
                ? new JsonLinesProcessedFilesLedger(path)
                : new InMemoryProcessedFilesLedger();
        });

        services.TryAddSingleton<IGlueClient>(sp =>
        {
            var options = Options(sp);
            var environment = sp.GetRequiredService<AwsEnvironment>();
            return new GlueClient(environment.HttpClient, ClientOptions(environment.Region, options.Glue.ServiceUrl, options.Retry),
                sp.GetRequiredService<AWSCredentials>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>());
        });
        if (!string.IsNullOrWhiteSpace(snapshot.Glue.CrawlerName) && !string.IsNullOrWhiteSpace(snapshot.Glue.JobName))
        {
            services.TryAddSingleton(sp =>
            {
                var glue = Options(sp).Glue;
                return new GlueWorkflowRunner(
                    sp.GetRequiredService<IGlueClient>(),
                    new GlueWorkflowOptions
                    {
                        CrawlerName = glue.CrawlerName!,
                        JobName = glue.JobName!,
                        JobArguments = new Dictionary<string, string>(glue.JobArguments, StringComparer.Ordinal),
                        JobTimeoutMinutes = glue.JobTimeoutMinutes,
                        WorkerType = glue.WorkerType,
                        NumberOfWorkers = glue.NumberOfWorkers,
                        CrawlerPollInterval = glue.CrawlerPollInterval,
                        JobPollInterval = glue.JobPollInterval,
                        OverallTimeout = glue.OverallTimeout,
                    },
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetService<ILoggerFactory>());
            });
        }

        services.TryAddSingleton(sp =>
        {
            var options = Options(sp);
            var environment = sp.GetRequiredService<AwsEnvironment>();
            return new SnsClient(environment.HttpClient, ClientOptions(environment.Region, options.Sns.ServiceUrl, options.Retry),
                sp.GetRequiredService<AWSCredentials>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>());
        });
        services.TryAddSingleton(sp => new SnsNotificationPublisher(
            sp.GetRequiredService<SnsClient>(),
            new Dictionary<string, string>(Options(sp).Sns.Topics, StringComparer.Ordinal)));
        if (snapshot.Sns.UseForAuditNotifications)
        {
            services.Replace(ServiceDescriptor.Singleton<INotificationPublisher>(sp => sp.GetRequiredService<SnsNotificationPublisher>()));
        }

        if (!string.IsNullOrWhiteSpace(snapshot.DynamoDb.AuditTableName))
        {
            services.Replace(ServiceDescriptor.Singleton<IAuditStore>(sp =>
            {
                var dynamo = Options(sp).DynamoDb;
                return new DynamoDbAuditStore(sp.GetRequiredService<IAmazonDynamoDB>(), dynamo.AuditTableName!, dynamo.TimeToLive);
            }));
        }

        return services;
    }

    private static AirlineAwsOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AirlineAwsOptions>>().Value;

    private static AwsServiceClientOptions ClientOptions(string region, Uri? serviceUrl, AirlineAwsOptions.RetrySettings retry) => new()
    {
        Region = region,
        ServiceUrl = serviceUrl,
        Retry = new AwsRetryOptions
        {
            MaxAttempts = retry.MaxAttempts,
            BaseDelay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            AttemptTimeout = retry.AttemptTimeout,
        },
    };

    private static void ApplyEndpoint(ClientConfig config, Uri? serviceUrl, string region)
    {
        if (serviceUrl is null)
        {
            config.RegionEndpoint = AwsCredentialResolver.RegionEndpointFor(region);
        }
        else
        {
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = region;
        }
    }
}
