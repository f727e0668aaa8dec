using Airline.Pipeline.Audit;
using Airline.Pipeline.Aws;
using Airline.Pipeline.Aws.Glue;
using Airline.Pipeline.Aws.Ledger;
using Airline.Pipeline.Aws.Storage;
using Airline.Pipeline.Samples.AirlineIngestion.Aws;
using Amazon.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Airline.Pipeline.Samples.Tests;

/// <summary>
/// <c>--target aws</c> cannot reach AWS here, so its wiring is checked: the documented settings build a service
/// provider whose ports are the AWS adapters, and missing or malformed settings are all reported at once.
/// </summary>
public sealed class AwsTargetWiringTests
{
    private static readonly Dictionary<string, string?> Documented = new()
    {
        ["Airline:Sample:Aws:Bucket"] = "airline-dataset-gds",
        ["Airline:Sample:Aws:CrawlerName"] = "raw_daily_file_crawler",
        ["Airline:Sample:Aws:JobName"] = "flight-data-etl",
        ["Airline:Sample:Aws:TopicArn"] = "arn:aws:sns:eu-west-1:123456789012:airline-pipeline-success",
        ["Airline:Sample:Aws:FailureTopicArn"] = "arn:aws:sns:eu-west-1:123456789012:airline-pipeline-failure",
        ["Airline:Sample:Aws:RedshiftConnectionString"] = "Host=example.abc123.eu-west-1.redshift.amazonaws.com;Port=5439;Database=dev;Username=etl;Password=secret;SSL Mode=Require",
        ["Airline:Aws:Region"] = "eu-west-1",
        ["Airline:Aws:DynamoDb:AuditTableName"] = "airline-pipeline-audit",
        ["Airline:Aws:DynamoDb:LedgerTableName"] = "airline-processed-files",
    };

    [Fact]
    public void The_documented_settings_wire_every_port_to_its_AWS_adapter()
    {
        using var provider = AwsComposition.BuildAndValidate(Services(Documented));

        provider.GetRequiredService<IObjectStore>().Should().BeOfType<S3ObjectStore>();
        provider.GetRequiredService<FileRouter>().Options.IncomingPrefix.Should().Be("incoming/");
        provider.GetRequiredService<IProcessedFilesLedger>().Should().BeOfType<DynamoDbProcessedFilesLedger>();
        provider.GetRequiredService<IAuditStore>().Should().BeOfType<DynamoDbAuditStore>();
        provider.GetRequiredService<INotificationPublisher>().Should().BeOfType<SnsNotificationPublisher>();
        provider.GetRequiredService<GlueWorkflowRunner>().Should().NotBeNull();
        new NpgsqlConnectionStringBuilder(provider.GetRequiredService<NpgsqlDataSource>().ConnectionString).Host
            .Should().Be("example.abc123.eu-west-1.redshift.amazonaws.com");
        var reconciler = provider.GetRequiredService<AuditReconciler>();
        reconciler.Topics.Should().Be(new NotificationTopics(
            "arn:aws:sns:eu-west-1:123456789012:airline-pipeline-success", "arn:aws:sns:eu-west-1:123456789012:airline-pipeline-failure"));
        reconciler.Plan.Layers.Select(l => $"{l.Name}:{l.Expectation.Kind}").Should().Equal("s3_landing:Equal", "redshift_final:AtMost");
        reconciler.Plan.ReferenceLayer.Should().Be("s3_landing");
    }

    [Fact]
    public void Missing_and_malformed_settings_are_all_reported_with_their_values()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Airline:Sample:Aws:Bucket"] = "Airline_Data",
            ["Airline:Sample:Aws:TopicArn"] = "airline-topic",
        };

        var build = () => AwsComposition.BuildAndValidate(Services(settings));

        var failures = build.Should().Throw<OptionsValidationException>().Which.Failures.ToList();
        failures.Should().Contain(f => f.Contains("Airline:Sample:Aws:Bucket is 'Airline_Data'", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Airline:Sample:Aws:TopicArn is 'airline-topic'", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Airline:Sample:Aws:CrawlerName is not set", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Airline:Sample:Aws:JobName is not set", StringComparison.Ordinal));
        failures.Should().Contain(f => f.Contains("Airline:Sample:Aws:RedshiftConnectionString is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Target_aws_without_settings_exits_2_and_lists_what_is_missing()
    {
        var settings = Path.Combine(Path.GetTempPath(), $"airline-sample-settings-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(settings, """{ "Airline": { "Sample": { "Aws": { "Bucket": "airline-dataset-gds" } } } }""");
        try
        {
            var run = await AirlineSample.RunAsync("--target", "aws", "--settings", settings);

            run.ExitCode.Should().Be(2, run.ToString());
            run.Error.Should().Contain("the AWS settings are incomplete").And.Contain("TopicArn is not set").And.Contain("RedshiftConnectionString is not set");
            run.Error.Should().NotContain("Bucket is not set");
        }
        finally
        {
            File.Delete(settings);
        }
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        // Credentials are never settings: a host registers them (here, dummy keys; nothing is called).
        services.AddSingleton<AWSCredentials>(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
        services.AddAirlineSampleAws(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }
}
