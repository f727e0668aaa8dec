namespace Airline.Pipeline.Cli.Tests;

/// <summary>Small inputs the tests write to temporary files.</summary>
internal static class Samples
{
    /// <summary>The seeds' crawler loop: start, poll until READY (waiting 30 s between polls), then succeed; failures are caught.</summary>
    public const string CrawlerMachine = """
        {
          "Comment": "Crawl the landed file, then succeed",
          "StartAt": "StartCrawler",
          "States": {
            "StartCrawler": {
              "Type": "Task",
              "Resource": "arn:aws:states:::aws-sdk:glue:startCrawler",
              "Parameters": { "Name": "flights-crawler" },
              "ResultPath": null,
              "Catch": [ { "ErrorEquals": [ "States.ALL" ], "ResultPath": "$.error", "Next": "NotifyFailure" } ],
              "Next": "GetCrawler"
            },
            "GetCrawler": {
              "Type": "Task",
              "Resource": "arn:aws:states:::aws-sdk:glue:getCrawler",
              "Parameters": { "Name": "flights-crawler" },
              "ResultSelector": { "State.$": "$.Crawler.State" },
              "ResultPath": "$.crawler",
              "Next": "IsReady"
            },
            "IsReady": {
              "Type": "Choice",
              "Choices": [ { "Variable": "$.crawler.State", "StringEquals": "READY", "Next": "Done" } ],
              "Default": "WaitForCrawler"
            },
            "WaitForCrawler": { "Type": "Wait", "Seconds": 30, "Next": "GetCrawler" },
            "NotifyFailure": { "Type": "Fail", "Error": "CrawlerFailed", "Cause": "The crawler could not start" },
            "Done": { "Type": "Succeed" }
          }
        }
        """;

    /// <summary>Two mistakes: a Next to a state that does not exist, and a Wait without a duration.</summary>
    public const string BrokenMachine = """
        {
          "StartAt": "First",
          "States": {
            "First": { "Type": "Pass", "Next": "Nowhere" },
            "Second": { "Type": "Wait", "End": true }
          }
        }
        """;

    public const string RunningResult = """{ "Crawler": { "State": "RUNNING" } }""";

    public const string ReadyResult = """{ "Crawler": { "State": "READY" } }""";

    /// <summary>The airline seed's rule: a CSV lands under incoming/ of the flights bucket.</summary>
    public const string S3Pattern = """
        { "source": ["aws.s3"], "detail-type": ["Object Created"],
          "detail": { "bucket": { "name": ["DOC-EXAMPLE-BUCKET1"] }, "object": { "key": [{ "prefix": "example" }] } } }
        """;

    /// <summary>A table spec for daily_flights_fact, as the README documents it.</summary>
    public const string FlightsTableSpec = """
        {
          "schema": "airlines",
          "name": "daily_flights_fact",
          "columns": [
            { "name": "carrier", "type": "VARCHAR(10)", "encoding": "zstd" },
            { "name": "dep_airport", "type": "VARCHAR(200)" },
            { "name": "arr_airport", "type": "VARCHAR(200)" },
            { "name": "dep_delay", "type": "BIGINT" },
            { "name": "arr_delay", "type": "bigint" },
            { "name": "flight_date", "type": "DATE", "nullable": false },
            { "name": "flight_id", "type": "VARCHAR(20)" }
          ],
          "key": ["flight_date", "flight_id"],
          "partitionColumns": ["flight_date"],
          "distStyle": "key",
          "distKey": "carrier",
          "sortStyle": "compound",
          "sortKey": ["flight_date", "carrier"]
        }
        """;
}
