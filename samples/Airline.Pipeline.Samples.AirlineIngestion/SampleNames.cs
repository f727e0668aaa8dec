namespace Airline.Pipeline.Samples.AirlineIngestion;

/// <summary>The names the seeds use for the airline pipeline's AWS resources (local stand-ins use the same).</summary>
internal static class SampleNames
{
    public const string Bucket = "airline-dataset-gds";
    public const string IncomingPrefix = "incoming/";
    public const string AirportsKey = "dims/airports.csv";
    public const string ProcessedPrefix = "processed/";
    public const string RejectedPrefix = "rejected/";
    public const string RuleName = "airline-flights-landed";
    public const string StateMachineName = "FlightETLStateMachine";
    public const string CrawlerName = "raw_daily_file_crawler";
    public const string JobName = "flight-data-etl";
    public const string Region = "us-east-1";
    public const string Account = "123456789012";
    public const string PipelineName = "airline";
    public const string SuccessTopicArn = "arn:aws:sns:us-east-1:123456789012:airline-pipeline-success";
    public const string FailureTopicArn = "arn:aws:sns:us-east-1:123456789012:airline-pipeline-failure";
    public const string RedshiftRoleArn = "arn:aws:iam::123456789012:role/RedshiftLoadRole";
    public const string StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:" + StateMachineName;
    public const string EventsRoleArn = "arn:aws:iam::123456789012:role/EventBridgeStartExecutionRole";

    /// <summary>The audit layers of one run, in pipeline order.</summary>
    public static class Layers
    {
        /// <summary>Data rows of the file as it landed (the reference).</summary>
        public const string Landing = "s3_landing";

        /// <summary>Rows the Flights transform kept (delayed over 60 minutes, both airports known): at most the landing count.</summary>
        public const string Transformed = "glue_transform";

        /// <summary>Rows loaded into the warehouse's staging table.</summary>
        public const string Staged = "redshift_staging";

        /// <summary>Rows of daily_flights_fact for the run's flight dates after the upsert.</summary>
        public const string Final = "redshift_final";
    }
}
