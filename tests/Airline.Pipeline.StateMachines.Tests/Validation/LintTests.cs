using Airline.Pipeline.StateMachines.Validation;
using Airline.Pipeline.StateMachines.Workflows;

namespace Airline.Pipeline.StateMachines.Tests.Validation;

public sealed class LintTests
{
    /// <summary>The seeds' state machine (../shared/seeds/002, "Step Function Diagram"), as written there.</summary>
    private const string SeedsDefinition = """
        {
          "StartAt": "StartCrawler",
          "States": {
            "StartCrawler": { "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:glue:startCrawler", "Next": "GetCrawler" },
            "GetCrawler": { "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:glue:getCrawler", "Next": "CrawlerStatusCheck" },
            "CrawlerStatusCheck": {
              "Type": "Choice",
              "Choices": [{ "Variable": "$.Crawler.State", "StringEquals": "RUNNING", "Next": "Wait" }],
              "Default": "StartJobRun"
            },
            "Wait": { "Type": "Wait", "Seconds": 30, "Next": "GetCrawler" },
            "StartJobRun": { "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:glue:startJobRun", "Next": "JobStatusCheck" },
            "JobStatusCheck": {
              "Type": "Choice",
              "Choices": [{ "Variable": "$.JobRun.JobRunState", "StringEquals": "SUCCEEDED", "Next": "SuccessNotification" }],
              "Default": "FailedNotification"
            },
            "SuccessNotification": { "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sns:publish", "End": true },
            "FailedNotification": { "Type": "Task", "Resource": "arn:aws:states:::aws-sdk:sns:publish", "End": true }
          }
        }
        """;

    [Fact]
    public void The_seeds_definition_is_valid_but_gets_all_three_lints()
    {
        var result = AslValidator.Validate(SeedsDefinition);
        result.IsValid.Should().BeTrue(result.ToString());
        result.Warnings.Should().Contain(p => p.Code == ProblemCodes.LintChoiceAfterSync && p.Pointer == "/States/JobStatusCheck");
        result.Warnings.Should().Contain(p => p.Code == ProblemCodes.LintPollLoopWithoutFailureExit && p.Pointer == "/States/CrawlerStatusCheck");
        result.Warnings.Where(p => p.Code == ProblemCodes.LintTaskWithoutRetry).Select(p => p.Pointer).Should().BeEquivalentTo(
            ["/States/StartCrawler", "/States/GetCrawler", "/States/StartJobRun", "/States/SuccessNotification", "/States/FailedNotification"]);
    }

    [Fact]
    public void A_choice_on_JobRunState_after_a_sync_glue_task_is_flagged()
    {
        const string json = """
            {"StartAt":"Run","States":{
              "Run":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun.sync","Parameters":{"JobName":"j"},"Retry":[{"ErrorEquals":["States.ALL"]}],"Next":"Check"},
              "Check":{"Type":"Choice","Choices":[{"Variable":"$.JobRunState","StringEquals":"SUCCEEDED","Next":"Ok"}],"Default":"Bad"},
              "Ok":{"Type":"Succeed"},"Bad":{"Type":"Fail"}}}
            """;
        var warning = AslValidator.Validate(json).Warnings.Should().ContainSingle().Subject;
        warning.Code.Should().Be(ProblemCodes.LintChoiceAfterSync);
        warning.Message.Should().Contain("Catch");
    }

    [Fact]
    public void Lints_can_be_turned_off_and_never_make_a_definition_invalid()
    {
        AslValidator.Validate(SeedsDefinition, new ValidationOptions { Lints = false }).Problems.Should().BeEmpty();
    }

    [Fact]
    public void The_ready_made_workflow_has_no_warning()
    {
        var machine = GlueWorkflows.CrawlThenRunJob(new CrawlThenRunJobOptions { CrawlerName = "c", JobName = "j", TopicArn = "arn:aws:sns:us-east-1:123456789012:t" });
        AslValidator.Validate(machine).Problems.Should().BeEmpty();
    }
}
