namespace Airline.Pipeline.StateMachines.Local.Tests.Workflows;

/// <summary>The seeds' crawler/job/notify workflow as Step Functions runs it (JSON text).</summary>
internal static class GlueWorkflow
{
    public const string Definition = """
    {
      "Comment": "Crawl the landed file, run the Glue job, tell people how it went.",
      "StartAt": "StartCrawler",
      "States": {
        "StartCrawler": {
          "Type": "Task",
          "Resource": "arn:aws:states:::aws-sdk:glue:startCrawler",
          "Parameters": { "Name": "flights-crawler" },
          "ResultPath": null,
          "Next": "GetCrawler"
        },
        "GetCrawler": {
          "Type": "Task",
          "Resource": "arn:aws:states:::aws-sdk:glue:getCrawler",
          "Parameters": { "Name": "flights-crawler" },
          "ResultSelector": { "State.$": "$.Crawler.State", "LastCrawl.$": "$.Crawler.LastCrawl" },
          "ResultPath": "$.Crawler",
          "Next": "CrawlerStatusCheck"
        },
        "CrawlerStatusCheck": {
          "Type": "Choice",
          "Choices": [
            { "Variable": "$.Crawler.State", "StringEquals": "RUNNING", "Next": "WaitForCrawler" },
            {
              "And": [
                { "Variable": "$.Crawler.State", "StringEquals": "READY" },
                { "Variable": "$.Crawler.LastCrawl.Status", "StringEquals": "FAILED" }
              ],
              "Next": "FailureNotification"
            }
          ],
          "Default": "StartJobRun"
        },
        "WaitForCrawler": { "Type": "Wait", "Seconds": 30, "Next": "GetCrawler" },
        "StartJobRun": {
          "Type": "Task",
          "Resource": "arn:aws:states:::glue:startJobRun.sync",
          "Parameters": { "JobName": "flights-enrich", "Arguments": { "--file.$": "$.file" } },
          "ResultSelector": { "JobRunState.$": "$.JobRunState" },
          "ResultPath": "$.JobRun",
          "Catch": [ { "ErrorEquals": [ "States.ALL" ], "ResultPath": "$.Error", "Next": "FailureNotification" } ],
          "Next": "SuccessNotification"
        },
        "SuccessNotification": {
          "Type": "Task",
          "Resource": "arn:aws:states:::sns:publish",
          "Parameters": { "TopicArn": "arn:aws:sns:us-east-1:123456789012:flights", "Message.$": "States.Format('Loaded {}', $.file)" },
          "ResultPath": null,
          "End": true
        },
        "FailureNotification": {
          "Type": "Task",
          "Resource": "arn:aws:states:::sns:publish",
          "Parameters": { "TopicArn": "arn:aws:sns:us-east-1:123456789012:flights", "Message.$": "States.Format('Failed {}', $.file)" },
          "ResultPath": null,
          "Next": "Failed"
        },
        "Failed": { "Type": "Fail", "Error": "Pipeline.Failed", "Cause": "The crawler or the job failed." }
      }
    }
    """;

    public const string Running = """{"Crawler":{"State":"RUNNING","LastCrawl":{"Status":"SUCCEEDED"}}}""";
    public const string Ready = """{"Crawler":{"State":"READY","LastCrawl":{"Status":"SUCCEEDED"}}}""";
    public const string ReadyFailed = """{"Crawler":{"State":"READY","LastCrawl":{"Status":"FAILED"}}}""";
}
