using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Airline.Pipeline.Aws.DependencyInjection.Internal;

/// <summary>Checks every setting at start and reports all problems at once, each with its value and the fix.</summary>
internal sealed partial class AirlineAwsOptionsValidator : IValidateOptions<AirlineAwsOptions>
{
    private const string P = AirlineAwsOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, AirlineAwsOptions options)
    {
        var problems = new List<string>();
        if (options.Region is { } region && !RegionPattern().IsMatch(region))
        {
            problems.Add($"{P}Region is '{region}'; use a region name like 'eu-west-1'.");
        }

        CheckUrl(problems, "S3:ServiceUrl", options.S3.ServiceUrl);
        CheckUrl(problems, "Glue:ServiceUrl", options.Glue.ServiceUrl);
        CheckUrl(problems, "Sns:ServiceUrl", options.Sns.ServiceUrl);
        CheckUrl(problems, "DynamoDb:ServiceUrl", options.DynamoDb.ServiceUrl);

        if (options.S3.PartSizeBytes < Storage.ObjectWriteOptions.MinimumPartSize)
        {
            problems.Add($"{P}S3:PartSizeBytes is {options.S3.PartSizeBytes}; S3 parts are at least {Storage.ObjectWriteOptions.MinimumPartSize} bytes (5 MiB).");
        }

        var prefixes = new[]
        {
            ("Router:IncomingPrefix", options.Router.IncomingPrefix),
            ("Router:ArchivePrefix", options.Router.ArchivePrefix),
            ("Router:FailedPrefix", options.Router.FailedPrefix),
        };
        foreach (var (key, prefix) in prefixes)
        {
            if (string.IsNullOrEmpty(prefix) || !prefix.EndsWith('/') || prefix.StartsWith('/'))
            {
                problems.Add($"{P}{key} is '{prefix}'; use a folder prefix like 'incoming/' (ending with '/', not starting with one).");
            }
        }

        if (prefixes.Select(p => p.Item2).Distinct(StringComparer.Ordinal).Count() < prefixes.Length)
        {
            problems.Add($"{P}Router prefixes '{options.Router.IncomingPrefix}', '{options.Router.ArchivePrefix}' and '{options.Router.FailedPrefix}' must all differ.");
        }

        var glue = options.Glue;
        if (string.IsNullOrWhiteSpace(glue.CrawlerName) != string.IsNullOrWhiteSpace(glue.JobName))
        {
            problems.Add($"{P}Glue:CrawlerName is '{glue.CrawlerName}' and Glue:JobName is '{glue.JobName}'; the workflow needs both (or neither).");
        }

        if (glue.NumberOfWorkers is not null != glue.WorkerType is not null)
        {
            problems.Add($"{P}Glue:WorkerType is '{glue.WorkerType}' and Glue:NumberOfWorkers is '{glue.NumberOfWorkers}'; set both or neither.");
        }

        if (glue.NumberOfWorkers is <= 0)
        {
            problems.Add($"{P}Glue:NumberOfWorkers is {glue.NumberOfWorkers}; use a positive number.");
        }

        if (glue.JobTimeoutMinutes is <= 0)
        {
            problems.Add($"{P}Glue:JobTimeoutMinutes is {glue.JobTimeoutMinutes}; use a positive number of minutes.");
        }

        CheckPositive(problems, "Glue:CrawlerPollInterval", glue.CrawlerPollInterval);
        CheckPositive(problems, "Glue:JobPollInterval", glue.JobPollInterval);
        CheckPositive(problems, "Glue:OverallTimeout", glue.OverallTimeout);

        foreach (var (topic, arn) in options.Sns.Topics)
        {
            if (!SnsTopicArn().IsMatch(arn ?? string.Empty))
            {
                problems.Add($"{P}Sns:Topics:{topic} is '{arn}'; use a topic ARN like 'arn:aws:sns:eu-west-1:123456789012:{topic}'.");
            }
        }

        CheckTable(problems, "DynamoDb:AuditTableName", options.DynamoDb.AuditTableName);
        CheckTable(problems, "DynamoDb:LedgerTableName", options.DynamoDb.LedgerTableName);
        if (options.DynamoDb.TimeToLive is { } ttl && ttl <= TimeSpan.Zero)
        {
            problems.Add($"{P}DynamoDb:TimeToLive is {ttl}; use a positive duration or leave it unset.");
        }

        if (options.Retry.MaxAttempts is < 1 or > 20)
        {
            problems.Add($"{P}Retry:MaxAttempts is {options.Retry.MaxAttempts}; use 1 (no retries) to 20.");
        }

        CheckPositive(problems, "Retry:BaseDelay", options.Retry.BaseDelay);
        CheckPositive(problems, "Retry:AttemptTimeout", options.Retry.AttemptTimeout);
        if (options.Retry.MaxDelay < options.Retry.BaseDelay)
        {
            problems.Add($"{P}Retry:MaxDelay is {options.Retry.MaxDelay}, below Retry:BaseDelay {options.Retry.BaseDelay}; raise MaxDelay.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckUrl(List<string> problems, string key, Uri? url)
    {
        if (url is not null && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            problems.Add($"{P}{key} is '{url}'; use an absolute http(s) URL like 'http://127.0.0.1:4569'.");
        }
    }

    private static void CheckPositive(List<string> problems, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{P}{key} is {value}; use a positive duration like '00:00:30'.");
        }
    }

    private static void CheckTable(List<string> problems, string key, string? table)
    {
        if (table is not null && !TableName().IsMatch(table))
        {
            problems.Add($"{P}{key} is '{table}'; DynamoDB table names are 3-255 of a-z A-Z 0-9 _ - .");
        }
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$")]
    private static partial Regex SnsTopicArn();

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,255}$")]
    private static partial Regex TableName();
}
