using Airline.Pipeline.StateMachines.Building;
using Airline.Pipeline.StateMachines.Integrations;
using Airline.Pipeline.StateMachines.Model;
using Airline.Pipeline.StateMachines.Workflows;

namespace Airline.Pipeline.StateMachines.Tests.Building;

/// <summary>One definition built with the builder, covering some features.</summary>
/// <param name="Name">File-friendly name.</param>
/// <param name="Build">Builds it (Build() validates).</param>
/// <param name="StateLintGap">Why @wmfs/statelint 1.30.0 cannot judge it (a feature newer than statelint), or null.</param>
internal sealed record BuiltDefinition(string Name, Func<StateMachine> Build, string? StateLintGap = null)
{
    public override string ToString() => Name;
}

/// <summary>The definitions our tests build: every state type, field, operator, intrinsic and integration.</summary>
internal static class BuiltDefinitions
{
    private const string Function = "arn:aws:lambda:us-east-1:123456789012:function:process-flights";
    private const string NoJsonata = "statelint knows no JSONata (QueryLanguage, Arguments, Output, Condition, Items)";
    private const string NoDistributedMap = "statelint predates the distributed Map (ItemReader, ItemBatcher, ResultWriter, ToleratedFailure*, Label)";
    private const string NoVariables = "statelint predates variables (Assign)";
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:pipeline-notices";

    public static IReadOnlyList<BuiltDefinition> All { get; } =
    [
        new("seeds-crawl-then-run-job", () => GlueWorkflows.CrawlThenRunJob(new CrawlThenRunJobOptions
        {
            CrawlerName = "flights-raw-crawler",
            JobName = "flights-enrich",
            TopicArn = Topic,
            JobArguments = new Dictionary<string, string> { ["--job-bookmark-option"] = "job-bookmark-enable" },
        })),
        new("hello-pass-succeed", () => new StateMachineBuilder()
            .Comment("hello").Version("1.0").Timeout(TimeSpan.FromMinutes(5))
            .Pass("Hello", p => p.Result(new { greeting = "hello" }).ResultPath("$.result"))
            .Succeed("Done")
            .Build()),
        new("task-lambda-arn-timeouts-retry-catch", () => new StateMachineBuilder()
            .Task("Process", Function, t => t
                .Timeout(TimeSpan.FromMinutes(5)).Heartbeat(TimeSpan.FromSeconds(60))
                .InputPath("$.detail").ResultPath("$.processed").OutputPath("$")
                .Retry(["Lambda.TooManyRequestsException", "Lambda.ServiceException"], intervalSeconds: 2, maxAttempts: 6, backoffRate: 2.0m, maxDelaySeconds: 60, jitter: JitterStrategy.Full)
                .Retry([ErrorNames.All], maxAttempts: 1, jitter: JitterStrategy.None)
                .Catch([ErrorNames.Timeout], "TimedOut")
                .CatchAll("Broken", resultPath: "$.error")
                .Next("Done"))
            .Fail("TimedOut", "Flights.Timeout", "the function timed out")
            .Fail("Broken", "Flights.Failed", "the function failed")
            .Succeed("Done")
            .Build()),
        new("task-lambda-invoke-result-selector", () => new StateMachineBuilder()
            .Task("Invoke", Lambda.Invoke(Function), t => t
                .ResultSelector(new Dictionary<string, object?> { ["body.$"] = "$.Payload", ["status.$"] = "$.StatusCode" })
                .Retry(["Lambda.TooManyRequestsException"], intervalSeconds: 1, maxAttempts: 3, backoffRate: 2)
                .End())
            .Build()),
        new("task-dynamic-timeouts-credentials", () => new StateMachineBuilder()
            .Task("Dynamic", Lambda.Invoke(Function, new { fixedInput = 1 }), t => t
                .TimeoutPath("$.timeout").HeartbeatPath("$.heartbeat")
                .Credentials(new { RoleArn = "arn:aws:iam::123456789012:role/cross-account" })
                .End())
            .Build()),
        new("task-callbacks-and-child-executions", () => new StateMachineBuilder()
            .Task("AskApproval", Sns.Publish(Topic, "approve?", "approval", IntegrationPattern.WaitForTaskToken), t => t
                .Parameters(new Dictionary<string, object?> { ["TopicArn"] = Topic, ["Message.$"] = "States.Format('Approve {} with token {}', $.file, $$.Task.Token)" })
                .Timeout(TimeSpan.FromHours(1)))
            .Task("ChildJson", StepFunctions.StartExecution("arn:aws:states:us-east-1:123456789012:stateMachine:child"), t => t.ResultPath("$.child"))
            .Task("ChildString", StepFunctions.StartExecution("arn:aws:states:us-east-1:123456789012:stateMachine:child", new { from = "parent" }, IntegrationPattern.RunJob), t => t.ResultPath(null))
            .Task("ChildFireAndForget", StepFunctions.StartExecution("arn:aws:states:us-east-1:123456789012:stateMachine:child", pattern: IntegrationPattern.RequestResponse), t => t.ResultPath(null))
            .Task("InvokeWithToken", Lambda.Invoke(Function, pattern: IntegrationPattern.WaitForTaskToken), t => t
                .Parameters(new Dictionary<string, object?> { ["FunctionName"] = Function, ["Payload"] = new Dictionary<string, object?> { ["token.$"] = "$$.Task.Token" } })
                .End())
            .Build()),
        new("task-glue-and-aws-sdk", () => new StateMachineBuilder()
            .Task("StartRun", Glue.StartJobRun("flights-enrich", pattern: IntegrationPattern.RequestResponse), t => t.ResultPath("$.run"))
            .Task("GetRun", Glue.GetJobRun("flights-enrich", "$.run.JobRunId"), t => t.ResultPath("$.status"))
            .Task("ListObjects", AwsSdk.Call("s3", "ListObjectsV2", new { bucket = "airline-landing", prefix = "incoming/" }), t => t.ResultPath("$.objects"))
            .Task("GetItem", AwsSdk.Call("dynamodb", "getItem", new Dictionary<string, object?> { ["TableName"] = "audit", ["Key"] = new { runId = new { S = "r1" } } }), t => t.End())
            .Build()),
        new("choice-every-operator", ChoiceEveryOperator),
        new("wait-four-ways", () => new StateMachineBuilder()
            .Wait("Seconds", w => w.Seconds(10))
            .Wait("SecondsPath", w => w.SecondsPath("$.delay"))
            .Wait("Timestamp", w => w.Until(new DateTimeOffset(2026, 12, 31, 23, 59, 0, TimeSpan.Zero)))
            .Wait("TimestampPath", w => w.TimestampPath("$.until").End())
            .Build()),
        new("fail-paths-and-intrinsics", () => new StateMachineBuilder()
            .Choice("Which", c => c.When(Condition.IsPresent("$.error"), "FailFromPaths").Otherwise("FailFromIntrinsic"))
            .State(new FailState { Name = "FailFromPaths", ErrorPath = "$.error.Error", CausePath = "$.error.Cause" })
            .State(new FailState { Name = "FailFromIntrinsic", ErrorPath = "States.Format('{}.Failed', $.stage)", CausePath = "States.JsonToString($)" })
            .Build()),
        new("parallel-branches-retry-catch", () => new StateMachineBuilder()
            .Parallel("Both", p => p
                .Branch(b => b.Task("Left", Lambda.Invoke(Function), t => t.OutputPath("$.Payload").End()))
                .Branch(b => b.Pass("Right", r => r.Result(42)).Succeed("RightDone"))
                .Parameters(new Dictionary<string, object?> { ["input.$"] = "$" })
                .ResultSelector(new Dictionary<string, object?> { ["left.$"] = "$[0]", ["right.$"] = "$[1]" })
                .ResultPath("$.both")
                .Retry([ErrorNames.BranchFailed], maxAttempts: 2)
                .CatchAll("Recover"))
            .Succeed("Done")
            .Pass("Recover", p => p.End())
            .Build()),
        new("map-inline", () => new StateMachineBuilder()
            .Map("EachFile", m => m
                .ItemsPath("$.files")
                .ItemSelector(new Dictionary<string, object?> { ["file.$"] = "$$.Map.Item.Value", ["index.$"] = "$$.Map.Item.Index" })
                .MaxConcurrency(5)
                .ItemProcessor(p => p.Task("Handle", Lambda.Invoke(Function), t => t.End()))
                .ResultSelector(new Dictionary<string, object?> { ["count.$"] = "States.ArrayLength($)" })
                .ResultPath("$.handled")
                .Retry([ErrorNames.All], maxAttempts: 1)
                .CatchAll("Failed"))
            .Succeed("Done")
            .Fail("Failed", "Map.Failed")
            .Build()),
        new("map-distributed-csv", () => new StateMachineBuilder()
            .Map("EachRow", m => m
                .Distributed(MapExecutionType.Express)
                .ItemReader(new ItemReader
                {
                    Resource = "arn:aws:states:::s3:getObject",
                    ReaderConfig = Json.From(new { InputType = "CSV", CSVHeaderLocation = "FIRST_ROW", MaxItems = 1000 }),
                    Parameters = Json.From(new { Bucket = "airline-landing", Key = "incoming/flights.csv" }),
                })
                .ItemBatcher(new { MaxItemsPerBatch = 100, BatchInput = new { source = "flights" } })
                .ItemProcessor(p => p.Task("Batch", Lambda.Invoke(Function), t => t.End()))
                .ResultWriter(new { Resource = "arn:aws:states:::s3:putObject", Parameters = new { Bucket = "airline-results", Prefix = "runs" } })
                .MaxConcurrency(100)
                .ToleratedFailurePercentage(5)
                .Label("FlightRows")
                .End())
            .Build(), StateLintGap: NoDistributedMap),
        new("map-distributed-listing-paths", () => new StateMachineBuilder()
            .Map("EachObject", m => m
                .ItemReader(new ItemReader
                {
                    Resource = "arn:aws:states:::s3:listObjectsV2",
                    Parameters = Json.From(new Dictionary<string, object?> { ["Bucket"] = "airline-landing", ["Prefix.$"] = "$.prefix" }),
                })
                .ItemProcessor(p => p.Pass("Noop", x => x.End()))
                .Distributed()
                .MaxConcurrencyPath("$.concurrency")
                .ToleratedFailureCountPath("$.tolerated")
                .End())
            .Build(), StateLintGap: NoDistributedMap),
        new("map-legacy-iterator", () => new StateMachineBuilder()
            .Map("Legacy", m => m
                .ItemsPath("$.items")
                .Parameters(new Dictionary<string, object?> { ["item.$"] = "$$.Map.Item.Value" })
                .LegacyIterator(p => p.Wait("Pause", w => w.Seconds(1).End()))
                .End())
            .Build()),
        new("intrinsic-functions-every-one", () => new StateMachineBuilder()
            .Pass("Intrinsics", p => p.Parameters(new Dictionary<string, object?>
            {
                ["format.$"] = "States.Format('Hello {} \\{literal\\} it\\'s {}', $.name, $.count)",
                ["json.$"] = "States.StringToJson($.text)",
                ["text.$"] = "States.JsonToString($.object)",
                ["array.$"] = "States.Array('a', 1, true, null, $.x)",
                ["partition.$"] = "States.ArrayPartition($.numbers, 2)",
                ["contains.$"] = "States.ArrayContains($.numbers, 3)",
                ["range.$"] = "States.ArrayRange(1, 9, 2)",
                ["item.$"] = "States.ArrayGetItem($.numbers, 0)",
                ["length.$"] = "States.ArrayLength($.numbers)",
                ["unique.$"] = "States.ArrayUnique($.numbers)",
                ["b64.$"] = "States.Base64Encode($.text)",
                ["plain.$"] = "States.Base64Decode($.encoded)",
                ["hash.$"] = "States.Hash($.text, 'SHA-256')",
                ["merged.$"] = "States.JsonMerge($.a, $.b, false)",
                ["random.$"] = "States.MathRandom(1, 100)",
                ["sum.$"] = "States.MathAdd($.count, -1)",
                ["split.$"] = "States.StringSplit($.csv, ',')",
                ["uuid.$"] = "States.UUID()",
                ["nested.$"] = "States.ArrayLength(States.StringSplit($.csv, ','))",
                ["context.$"] = "$$.Execution.Id",
            }).End())
            .Build()),
        new("variables-jsonpath", () => new StateMachineBuilder()
            .Pass("Remember", p => p.Assign(new Dictionary<string, object?> { ["bucket"] = "airline-landing", ["key.$"] = "$.detail.object.key" }))
            .Task("Use", AwsSdk.Call("s3", "headObject", new Dictionary<string, object?> { ["Bucket.$"] = "$bucket", ["Key.$"] = "$key" }), t => t.ResultPath("$.head"))
            .Choice("Big", c => c
                .When(Condition.NumericGreaterThan("$.head.ContentLength", 1000000), "Done", assign: new Dictionary<string, object?> { ["size.$"] = "$.head.ContentLength" })
                .Otherwise("Done"))
            .Succeed("Done")
            .Build(), StateLintGap: NoVariables),
        new("io-null-paths", () => new StateMachineBuilder()
            .Pass("EmptyInput", p => p.InputPath(null).Result(new { a = 1 }).ResultPath("$.a"))
            .Pass("Discard", p => p.ResultPath(null).OutputPath(null))
            .Succeed("Done")
            .Build()),
        new("poll-loop-with-failure-exit", () => new StateMachineBuilder()
            .Task("Check", Glue.GetJobRun("flights-enrich", "$.runId"), t => t.ResultPath("$.run").Retry(["Glue.ThrottlingException"], maxAttempts: 3))
            .Choice("Status", c => c
                .When(Condition.StringEquals("$.run.JobRun.JobRunState", "SUCCEEDED"), "Done")
                .When(Condition.Or(
                    Condition.StringEquals("$.run.JobRun.JobRunState", "FAILED"),
                    Condition.StringEquals("$.run.JobRun.JobRunState", "TIMEOUT"),
                    Condition.StringEquals("$.run.JobRun.JobRunState", "STOPPED")), "Failed")
                .Otherwise("Pause"))
            .Wait("Pause", TimeSpan.FromSeconds(20), next: "Check")
            .Succeed("Done")
            .Fail("Failed", "Job.Failed")
            .Build()),
        new("nested-parallel-in-map", () => new StateMachineBuilder()
            .Map("Outer", m => m
                .ItemProcessor(p => p.Parallel("Inner", par => par
                    .Branch(b => b.Pass("A", x => x.End()))
                    .Branch(b => b.Pass("B", x => x.End()))
                    .End()))
                .End())
            .Build()),
        new("jsonata-machine", () => new StateMachineBuilder()
            .QueryLanguage(QueryLanguage.Jsonata)
            .Task("Invoke", "arn:aws:states:::lambda:invoke", t => t
                .Arguments(new { FunctionName = Function, Payload = "{% $states.input %}" })
                .Output("{% $states.result.Payload %}")
                .Assign(new { attempts = "{% $count($states.input.files) %}" })
                .Timeout(TimeSpan.FromSeconds(30))
                .Retry([ErrorNames.TaskFailed], maxAttempts: 2)
                .Catch(new Catcher { ErrorEquals = [ErrorNames.All], Next = "Failed", Output = Json.From(new { error = "{% $states.errorOutput %}" }) }))
            .Choice("Enough", c => c
                .When(Condition.Jsonata("{% $attempts > 3 and $states.input.ok = true %}"), "Each")
                .Otherwise("Pause"))
            .Wait("Pause", w => w.Seconds("{% $attempts * 2 %}").Next("Invoke"))
            .Map("Each", m => m
                .Items("{% $states.input.files %}")
                .ItemSelector(new { file = "{% $states.context.Map.Item.Value %}" })
                .MaxConcurrency("{% 2 + 3 %}")
                .ItemProcessor(p => p.Pass("Echo", x => x.Output("{% $states.input.file %}").End()))
                .Output(new { count = "{% $count($states.result) %}" })
                .End())
            .State(new FailState { Name = "Failed", Error = "{% 'Pipeline.' & $states.input.error.Error %}", Cause = "failed" })
            .Build(), StateLintGap: NoJsonata),
        new("jsonata-state-in-jsonpath-machine", () => new StateMachineBuilder()
            .Pass("Path", p => p.Parameters(new Dictionary<string, object?> { ["n.$"] = "$.n" }))
            .Pass("Ata", p => p.QueryLanguage(QueryLanguage.Jsonata).Output(new { doubled = "{% $states.input.n * 2 %}" }).End())
            .Build(), StateLintGap: NoJsonata),
    ];

    /// <summary>asl-validator 4.0.0 rejects a float in States.Array; AWS accepts it (the spec allows any number).</summary>
    public static BuiltDefinition ArrayWithFloat { get; } = new("intrinsic-array-with-float", () => new StateMachineBuilder()
        .Pass("Floats", p => p.Parameters(new Dictionary<string, object?> { ["values.$"] = "States.Array(2.3, 1)" }).End())
        .Build());

    private static StateMachine ChoiceEveryOperator()
    {
        var when = DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        return new StateMachineBuilder()
            .Choice("Strings", c => c
                .When(Condition.StringEquals("$.s", "a"), "Numbers")
                .When(Condition.StringLessThan("$.s", "b"), "Numbers")
                .When(Condition.StringGreaterThan("$.s", "c"), "Numbers")
                .When(Condition.StringLessThanEquals("$.s", "d"), "Numbers")
                .When(Condition.StringGreaterThanEquals("$.s", "e"), "Numbers")
                .When(Condition.StringEqualsPath("$.s", "$.t"), "Numbers")
                .When(Condition.StringLessThanPath("$.s", "$.t"), "Numbers")
                .When(Condition.StringGreaterThanPath("$.s", "$.t"), "Numbers")
                .When(Condition.StringLessThanEqualsPath("$.s", "$.t"), "Numbers")
                .When(Condition.StringGreaterThanEqualsPath("$.s", "$.t"), "Numbers")
                .When(Condition.StringMatches("$.s", "log-*.txt"), "Numbers")
                .Otherwise("Numbers"))
            .Choice("Numbers", c => c
                .When(Condition.NumericEquals("$.n", 1), "Timestamps")
                .When(Condition.NumericLessThan("$.n", 2.5m), "Timestamps")
                .When(Condition.NumericGreaterThan("$.n", -3), "Timestamps")
                .When(Condition.NumericLessThanEquals("$.n", 4), "Timestamps")
                .When(Condition.NumericGreaterThanEquals("$.n", 5), "Timestamps")
                .When(Condition.NumericEqualsPath("$.n", "$.m"), "Timestamps")
                .When(Condition.NumericLessThanPath("$.n", "$.m"), "Timestamps")
                .When(Condition.NumericGreaterThanPath("$.n", "$.m"), "Timestamps")
                .When(Condition.NumericLessThanEqualsPath("$.n", "$.m"), "Timestamps")
                .When(Condition.NumericGreaterThanEqualsPath("$.n", "$.m"), "Timestamps")
                .Otherwise("Timestamps"))
            .Choice("Timestamps", c => c
                .When(Condition.TimestampEquals("$.ts", when), "Types")
                .When(Condition.TimestampLessThan("$.ts", when), "Types")
                .When(Condition.TimestampGreaterThan("$.ts", when), "Types")
                .When(Condition.TimestampLessThanEquals("$.ts", when), "Types")
                .When(Condition.TimestampGreaterThanEquals("$.ts", when), "Types")
                .When(Condition.TimestampEqualsPath("$.ts", "$.other"), "Types")
                .When(Condition.TimestampLessThanPath("$.ts", "$.other"), "Types")
                .When(Condition.TimestampGreaterThanPath("$.ts", "$.other"), "Types")
                .When(Condition.TimestampLessThanEqualsPath("$.ts", "$.other"), "Types")
                .When(Condition.TimestampGreaterThanEqualsPath("$.ts", "$.other"), "Types")
                .Otherwise("Types"))
            .Choice("Types", c => c
                .When(Condition.BooleanEquals("$.b", true), "Done")
                .When(Condition.BooleanEqualsPath("$.b", "$.c"), "Done")
                .When(Condition.IsNull("$.x"), "Done")
                .When(Condition.IsPresent("$.x", expected: false), "Done")
                .When(Condition.IsNumeric("$.x"), "Done")
                .When(Condition.IsString("$.x"), "Done")
                .When(Condition.IsBoolean("$.x"), "Done")
                .When(Condition.IsTimestamp("$.x"), "Done")
                .When(Condition.And(Condition.IsPresent("$.a"), Condition.Not(Condition.StringEquals("$.a", "z")), Condition.Or(Condition.NumericEquals("$.n", 1), Condition.NumericEquals("$.n", 2))), "Done")
                .When(Condition.Compare("$.n", ChoiceOperator.NumericEquals, 7), "Done")
                .Otherwise("Done"))
            .Succeed("Done")
            .Build();
    }
}
