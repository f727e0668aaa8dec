namespace Airline.Pipeline.Aws.Tests.Glue;

/// <summary>Reply bodies shaped as botocore's glue/2017-03-31 service model defines them.</summary>
internal static class GlueReplies
{
    public static string Crawler(string state, string? lastStatus = "SUCCEEDED", string? error = null) =>
        "{\"Crawler\":{\"Name\":\"flights-crawler\",\"Role\":\"arn:aws:iam::123456789012:role/AWSGlueServiceRole-airline\"," +
        "\"Targets\":{\"S3Targets\":[{\"Path\":\"s3://airline-landing/incoming/\",\"Exclusions\":[]}]}," +
        "\"DatabaseName\":\"airline\",\"Classifiers\":[],\"RecrawlPolicy\":{\"RecrawlBehavior\":\"CRAWL_EVERYTHING\"}," +
        "\"SchemaChangePolicy\":{\"UpdateBehavior\":\"UPDATE_IN_DATABASE\",\"DeleteBehavior\":\"DEPRECATE_IN_DATABASE\"}," +
        $"\"State\":\"{state}\",\"CrawlElapsedTime\":0,\"CreationTime\":1.700000000123E9,\"LastUpdated\":1.7000001E9," +
        (lastStatus is null ? string.Empty :
            $"\"LastCrawl\":{{\"Status\":\"{lastStatus}\"," + (error is null ? string.Empty : $"\"ErrorMessage\":\"{error}\",") +
            "\"LogGroup\":\"/aws-glue/crawlers\",\"LogStream\":\"flights-crawler\",\"MessagePrefix\":\"4f2e\",\"StartTime\":1.7400672E9},") +
        "\"Version\":3}}";

    public static string JobRun(string state, string? error = null) =>
        "{\"JobRun\":{\"Id\":\"jr_0123456789abcdef\",\"Attempt\":0,\"TriggerName\":null,\"JobName\":\"flights-job\"," +
        "\"JobMode\":\"SCRIPT\",\"StartedOn\":1.7400672E9,\"LastModifiedOn\":1.74006726E9," +
        (GlueStates.Terminal(state) ? "\"CompletedOn\":1.7400673E9," : string.Empty) +
        $"\"JobRunState\":\"{state}\",\"Arguments\":{{\"--job-bookmark-option\":\"job-bookmark-enable\"}}," +
        (error is null ? string.Empty : $"\"ErrorMessage\":\"{error}\",") +
        "\"PredecessorRuns\":[],\"AllocatedCapacity\":2,\"ExecutionTime\":42,\"Timeout\":60,\"MaxCapacity\":2.0," +
        "\"WorkerType\":\"G.1X\",\"NumberOfWorkers\":2,\"LogGroupName\":\"/aws-glue/jobs\",\"GlueVersion\":\"4.0\"}}";

    public static string Error(string type, string message) =>
        $"{{\"__type\":\"{type}\",\"Message\":\"{message}\"}}";

    private static class GlueStates
    {
        public static bool Terminal(string state) => state is "SUCCEEDED" or "FAILED" or "TIMEOUT" or "ERROR" or "STOPPED" or "EXPIRED";
    }
}
