using Microsoft.Extensions.Options;

namespace Airline.Pipeline.Samples.AirlineIngestion.Aws;

/// <summary>
/// What <c>--target aws</c> needs, from the <c>Airline:Sample:Aws</c> section (a JSON file given with
/// <c>--settings</c>, overridden by environment variables such as <c>AIRLINE__SAMPLE__AWS__BUCKET</c>). The rest of
/// the AWS adapters' settings (region, endpoints, retries, DynamoDB tables) come from the <c>Airline:Aws</c> section.
/// </summary>
internal sealed class AwsSampleSettings
{
    public const string SectionName = "Airline:Sample:Aws";

    /// <summary>The landing bucket: files go to <c>incoming/</c>, then <c>archive/</c> or <c>failed/</c>.</summary>
    public string? Bucket { get; set; }

    /// <summary>The Glue crawler over <c>incoming/</c> (the seeds' <c>raw_daily_file_crawler</c>).</summary>
    public string? CrawlerName { get; set; }

    /// <summary>The Glue job that enriches and loads (deployed with <c>redshift/04-glue-connection-options.json</c>).</summary>
    public string? JobName { get; set; }

    /// <summary>The SNS topic ARN for the success notice (and the failure notice unless <see cref="FailureTopicArn"/> is set).</summary>
    public string? TopicArn { get; set; }

    /// <summary>An SNS topic ARN for failure notices, when they go elsewhere.</summary>
    public string? FailureTopicArn { get; set; }

    /// <summary>The Redshift connection, an Npgsql connection string (Host=...;Port=5439;Database=...;Username=...;Password=...;SSL Mode=Require).</summary>
    public string? RedshiftConnectionString { get; set; }
}

/// <summary>Checks every setting at once; messages name the setting, its value and the fix.</summary>
internal sealed class AwsSampleSettingsValidator : IValidateOptions<AwsSampleSettings>
{
    public ValidateOptionsResult Validate(string? name, AwsSampleSettings options)
    {
        var problems = new List<string>();
        void Required(string? value, string setting, string example)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{AwsSampleSettings.SectionName}:{setting} is not set; set it, e.g. \"{example}\".");
            }
        }

        Required(options.Bucket, nameof(options.Bucket), "airline-dataset-gds");
        Required(options.CrawlerName, nameof(options.CrawlerName), SampleNames.CrawlerName);
        Required(options.JobName, nameof(options.JobName), SampleNames.JobName);
        Required(options.TopicArn, nameof(options.TopicArn), SampleNames.SuccessTopicArn);
        Required(options.RedshiftConnectionString, nameof(options.RedshiftConnectionString), "Host=example.abc123.eu-west-1.redshift.amazonaws.com;Port=5439;Database=dev;Username=etl;Password=...;SSL Mode=Require");
        if (options.Bucket is { Length: > 0 } bucket && (bucket.Length is < 3 or > 63 || bucket.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))))
        {
            problems.Add($"{AwsSampleSettings.SectionName}:Bucket is '{bucket}'; an S3 bucket name is 3 to 63 lower-case letters, digits, '-' or '.'.");
        }

        foreach (var (setting, arn) in new[] { (nameof(options.TopicArn), options.TopicArn), (nameof(options.FailureTopicArn), options.FailureTopicArn) })
        {
            if (arn is { Length: > 0 } && !(arn.StartsWith("arn:aws", StringComparison.Ordinal) && arn.Split(':').Length == 6 && arn.Split(':')[2] == "sns"))
            {
                problems.Add($"{AwsSampleSettings.SectionName}:{setting} is '{arn}'; give an SNS topic ARN, e.g. \"{SampleNames.SuccessTopicArn}\".");
            }
        }

        if (options.RedshiftConnectionString is { Length: > 0 } connection)
        {
            try
            {
                var builder = new Npgsql.NpgsqlConnectionStringBuilder(connection);
                if (string.IsNullOrWhiteSpace(builder.Host))
                {
                    problems.Add($"{AwsSampleSettings.SectionName}:RedshiftConnectionString has no Host; add Host=<cluster endpoint>.");
                }
            }
            catch (ArgumentException e)
            {
                // The message names the bad keyword; the string itself may hold a password, so it is not repeated.
                problems.Add($"{AwsSampleSettings.SectionName}:RedshiftConnectionString is not an Npgsql connection string: {e.Message}");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
