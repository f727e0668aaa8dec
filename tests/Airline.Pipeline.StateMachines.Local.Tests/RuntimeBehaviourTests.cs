using System.Text.Json.Nodes;

namespace Airline.Pipeline.StateMachines.Local.Tests;

public sealed class RuntimeBehaviourTests
{
    private const string Lambda = "arn:aws:lambda:us-east-1:123456789012:function:work";

    private static StateMachineRunner Runner(string definition, TaskHandlerRegistry? handlers = null, int? seed = 1, int maxHistory = 25_000) =>
        StateMachineRunner.FromJson(definition, new() { Handlers = handlers ?? new TaskHandlerRegistry(), RandomSeed = seed, MaxHistoryEvents = maxHistory });

    private static string SingleTask(string taskFields) => $$"""
        { "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "{{Lambda}}", {{taskFields}} "End": true }, "Caught": { "Type": "Pass", "End": true } } }
        """;

    [Fact]
    public async Task Retry_intervals_grow_by_the_backoff_rate_on_virtual_time_and_are_capped_by_MaxDelaySeconds()
    {
        var runner = Runner(
            SingleTask("""  "Retry": [ { "ErrorEquals": ["Busy"], "IntervalSeconds": 2, "BackoffRate": 3, "MaxAttempts": 4, "MaxDelaySeconds": 10 } ], """),
            new TaskHandlerRegistry().ForState("T", TaskHandlers.Sequence("error:Busy:1", "error:Busy:2", "error:Busy:3", "error:Busy:4", """{"ok":true}""")));

        var result = await runner.RunAsync();

        result.Status.Should().Be(ExecutionStatus.Succeeded);
        var starts = result.EventsOf(HistoryEventType.TaskStarted).Select(e => (e.Timestamp - result.StartDate).TotalSeconds).ToArray();
        starts.Should().Equal(0, 2, 8, 18, 28); // waits of 2, 6, then 18 and 54 capped at 10
    }

    [Fact]
    public async Task Full_jitter_waits_at_most_the_computed_interval_and_repeats_with_the_same_seed()
    {
        var definition = SingleTask("""  "Retry": [ { "ErrorEquals": ["States.ALL"], "IntervalSeconds": 10, "MaxAttempts": 2, "JitterStrategy": "FULL" } ], """);
        TaskHandlerRegistry Handlers() => new TaskHandlerRegistry().ForState("T", TaskHandlers.Sequence("error:E", "error:E", "{}"));

        var first = await Runner(definition, Handlers(), seed: 3).RunAsync();
        var second = await Runner(definition, Handlers(), seed: 3).RunAsync();

        var elapsed = (first.StopDate - first.StartDate).TotalSeconds;
        elapsed.Should().BeGreaterThan(0).And.BeLessThan(30);
        (second.StopDate - second.StartDate).TotalSeconds.Should().Be(elapsed);
    }

    [Fact]
    public async Task States_ALL_does_not_retry_or_catch_States_Runtime()
    {
        const string definition = """
        { "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:f", "Parameters": { "x.$": "$.missing" },
          "Retry": [ { "ErrorEquals": ["States.ALL"] } ], "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "C" } ], "End": true }, "C": { "Type": "Succeed" } } }
        """;

        var result = await Runner(definition, new TaskHandlerRegistry().ForState("T", TaskHandlers.Echo)).RunAsync("""{"a":1}""");

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be("States.Runtime");
        result.Cause.Should().Contain("$.missing").And.Contain("x.$");
    }

    [Fact]
    public async Task A_task_past_TimeoutSeconds_fails_with_States_Timeout_on_virtual_time()
    {
        var handler = TaskHandlers.From(async (invocation, cancellationToken) =>
        {
            await invocation.DelayAsync(TimeSpan.FromMinutes(10), cancellationToken);
            return new JsonObject();
        });
        var runner = Runner(SingleTask("""  "TimeoutSeconds": 30, "Catch": [ { "ErrorEquals": ["States.Timeout"], "Next": "Caught" } ], """), new TaskHandlerRegistry().ForState("T", handler));

        var result = await runner.RunAsync();

        result.Status.Should().Be(ExecutionStatus.Succeeded, result.ToString());
        result.EventsOf(HistoryEventType.TaskTimedOut).Should().ContainSingle(string.Join("\n", result.History.Select(e => $"{e} {e.Timestamp:HH:mm:ss} {e.Output}")));
        result.EventsOf(HistoryEventType.TaskTimedOut).Single().Error.Should().Be("States.Timeout");
        (result.StopDate - result.StartDate).Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Heartbeats_keep_a_long_task_alive_and_a_missing_heartbeat_times_it_out()
    {
        ITaskHandler Worker(int beats) => TaskHandlers.From(async (invocation, cancellationToken) =>
        {
            for (var i = 0; i < beats; i++)
            {
                await invocation.DelayAsync(TimeSpan.FromSeconds(8), cancellationToken);
                invocation.SendHeartbeat();
            }

            await invocation.DelayAsync(TimeSpan.FromSeconds(20), cancellationToken);
            return new JsonObject { ["done"] = true };
        });
        var definition = SingleTask("""  "TimeoutSeconds": 300, "HeartbeatSeconds": 10, "Catch": [ { "ErrorEquals": ["States.HeartbeatTimeout"], "Next": "Caught" } ], """);

        var late = await Runner(definition, new TaskHandlerRegistry().ForState("T", Worker(3))).RunAsync();

        late.EventsOf(HistoryEventType.TaskTimedOut).Single().Error.Should().Be("States.HeartbeatTimeout");
        (late.StopDate - late.StartDate).Should().Be(TimeSpan.FromSeconds(34), "three beats at 8, 16, 24 then silence until 34");
        late.StatesEntered.Should().EndWith("Caught");
    }

    [Fact]
    public async Task An_unmapped_task_fails_the_execution_naming_the_state_and_resource()
    {
        var result = await Runner(SingleTask(string.Empty)).RunAsync();

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be("States.Runtime");
        result.Cause.Should().Contain("'T'").And.Contain(Lambda).And.Contain("ForState");
    }

    [Fact]
    public async Task State_name_registration_wins_over_resource_registration()
    {
        var handlers = new TaskHandlerRegistry()
            .ForResource(Lambda, TaskHandlers.Returns("\"by resource\""))
            .ForState("T", TaskHandlers.Returns("\"by state\""));

        var result = await Runner(SingleTask(string.Empty), handlers).RunAsync();

        result.Output.Should().Be("\"by state\"");
    }

    [Fact]
    public async Task A_result_over_256_KiB_is_States_DataLimitExceeded_which_States_ALL_does_not_catch()
    {
        var big = new string('x', 300 * 1024);
        var runner = Runner(
            SingleTask("""  "Catch": [ { "ErrorEquals": ["States.ALL"], "Next": "Caught" } ], """),
            new TaskHandlerRegistry().ForState("T", TaskHandlers.Returns(JsonValue.Create(big))));

        var result = await runner.RunAsync();

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.Error.Should().Be("States.DataLimitExceeded");
        result.EventsOf(HistoryEventType.TaskFailed).Single().Error.Should().Be("States.DataLimitExceeded");
    }

    [Fact]
    public async Task DataLimitExceeded_is_caught_when_named()
    {
        var runner = Runner(
            SingleTask("""  "Catch": [ { "ErrorEquals": ["States.DataLimitExceeded"], "Next": "Caught" } ], """),
            new TaskHandlerRegistry().ForState("T", TaskHandlers.Returns(JsonValue.Create(new string('x', 300 * 1024)))));

        var result = await runner.RunAsync();

        result.Status.Should().Be(ExecutionStatus.Succeeded);
    }

    [Fact]
    public async Task An_endless_loop_fails_at_the_history_quota()
    {
        const string definition = """{ "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "B" }, "B": { "Type": "Pass", "Next": "A" } } }""";

        var result = await Runner(definition).RunAsync();

        result.Status.Should().Be(ExecutionStatus.Failed);
        result.History.Should().HaveCount(25_000);
        result.Cause.Should().Contain("25000");
    }

    [Fact]
    public async Task Machine_TimeoutSeconds_times_the_execution_out_on_virtual_time()
    {
        const string definition = """{ "TimeoutSeconds": 5, "StartAt": "W", "States": { "W": { "Type": "Wait", "Seconds": 60, "End": true } } }""";

        var result = await Runner(definition).RunAsync();

        result.Status.Should().Be(ExecutionStatus.TimedOut);
        result.History[^1].Type.Should().Be(HistoryEventType.ExecutionTimedOut);
        (result.StopDate - result.StartDate).Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Cancelling_aborts_the_execution()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = TaskHandlers.From(async (invocation, cancellationToken) =>
        {
            await cancellation.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            return null;
        });

        var result = await Runner(SingleTask(string.Empty), new TaskHandlerRegistry().ForState("T", handler)).RunAsync("{}", cancellation.Token);

        result.Status.Should().Be(ExecutionStatus.Aborted);
        result.History[^1].Type.Should().Be(HistoryEventType.ExecutionAborted);
    }

    [Fact]
    public async Task Parallel_branches_wait_concurrently_and_map_waits_respect_MaxConcurrency()
    {
        const string parallel = """
        { "StartAt": "P", "States": { "P": { "Type": "Parallel", "End": true, "Branches": [
          { "StartAt": "W5", "States": { "W5": { "Type": "Wait", "Seconds": 5, "End": true } } },
          { "StartAt": "W10", "States": { "W10": { "Type": "Wait", "Seconds": 10, "Next": "After" }, "After": { "Type": "Pass", "Result": "b", "End": true } } } ] } } }
        """;
        const string map = """
        { "StartAt": "M", "States": { "M": { "Type": "Map", "MaxConcurrency": 2, "End": true,
          "ItemProcessor": { "StartAt": "W", "States": { "W": { "Type": "Wait", "SecondsPath": "$", "End": true } } } } } }
        """;

        var p = await Runner(parallel).RunAsync("""{"x":1}""");
        var m = await Runner(map).RunAsync("[10, 10, 10, 10, 5]");

        p.Output.Should().Be("""[{"x":1},"b"]""");
        (p.StopDate - p.StartDate).Should().Be(TimeSpan.FromSeconds(10));
        m.Output.Should().Be("[10,10,10,10,5]");
        (m.StopDate - m.StartDate).Should().Be(TimeSpan.FromSeconds(25), "two at a time: 10+10 then the 5");
        m.EventsOf(HistoryEventType.MapIterationSucceeded).Should().HaveCount(5);
        m.EventsOf(HistoryEventType.MapStateStarted).Single().Length.Should().Be(5);
    }

    [Fact]
    public async Task Map_tolerates_failures_up_to_ToleratedFailureCount()
    {
        static string Definition(int tolerated) => $$"""
        { "StartAt": "M", "States": { "M": { "Type": "Map", "ToleratedFailureCount": {{tolerated}}, "End": true,
          "ItemProcessor": { "StartAt": "C", "States": {
            "C": { "Type": "Choice", "Choices": [ { "Variable": "$", "NumericLessThan": 0, "Next": "Bad" } ], "Default": "Ok" },
            "Bad": { "Type": "Fail", "Error": "Negative" }, "Ok": { "Type": "Pass", "End": true } } } } } }
        """;

        var tolerated = await Runner(Definition(2)).RunAsync("[1, -1, 2, -2]");
        var exceeded = await Runner(Definition(1)).RunAsync("[1, -1, 2, -2]");

        tolerated.Status.Should().Be(ExecutionStatus.Succeeded, tolerated.ToString());
        tolerated.Output.Should().Be("""[1,{"Error":"Negative"},2,{"Error":"Negative"}]""");
        exceeded.Error.Should().Be("States.ExceedToleratedFailureThreshold");
        exceeded.EventsOf(HistoryEventType.MapStateFailed).Should().ContainSingle();
    }

    [Fact]
    public async Task JsonPath_assign_sets_variables_that_later_states_read()
    {
        const string definition = """
        { "StartAt": "A", "States": {
          "A": { "Type": "Pass", "Result": { "id": 7 }, "Assign": { "jobId.$": "$.id", "fixed": "v" }, "Next": "B" },
          "B": { "Type": "Pass", "Parameters": { "job.$": "$jobId", "f.$": "$fixed", "msg.$": "States.Format('job {}', $jobId)" }, "End": true } } }
        """;

        var result = await Runner(definition).RunAsync();

        result.Output.Should().Be("""{"job":7,"f":"v","msg":"job 7"}""");
    }

    [Fact]
    public async Task Context_object_and_seeded_uuid_are_repeatable()
    {
        const string definition = """
        { "StartAt": "P", "States": { "P": { "Type": "Pass", "Parameters": { "id.$": "States.UUID()", "state.$": "$$.State.Name", "input.$": "$$.Execution.Input.k", "start.$": "$$.Execution.StartTime" }, "End": true } } }
        """;

        var first = await Runner(definition, seed: 42).RunAsync("""{"k":"v"}""");
        var second = await Runner(definition, seed: 42).RunAsync("""{"k":"v"}""");

        first.Output.Should().Be(second.Output);
        first.OutputNode!["state"]!.GetValue<string>().Should().Be("P");
        first.OutputNode!["input"]!.GetValue<string>().Should().Be("v");
        first.OutputNode!["start"]!.GetValue<string>().Should().Be("2024-01-01T00:00:00.000Z");
        first.ExecutionArn.Should().StartWith("arn:aws:states:us-east-1:123456789012:execution:LocalStateMachine:");
    }

    [Fact]
    public async Task A_virtual_time_provider_passed_in_is_advanced_by_waits()
    {
        var clock = new VirtualTimeProvider(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var runner = StateMachineRunner.FromJson(
            """{ "StartAt": "W", "States": { "W": { "Type": "Wait", "Timestamp": "2025-06-01T01:00:00Z", "End": true } } }""",
            new() { TimeProvider = clock });

        await runner.RunAsync();

        clock.GetUtcNow().Should().Be(new DateTimeOffset(2025, 6, 1, 1, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Every_definition_problem_is_reported_at_once_with_its_pointer()
    {
        const string definition = """
        { "StartAt": "Missing", "States": {
          "A": { "Type": "Task", "Next": "Nowhere" },
          "B": { "Type": "Choice", "Choices": [ { "Variable": "$.x", "NumericEquals": "1", "Next": "A" } ] },
          "C": { "Type": "Pass", "InputPath": "$.a[", "End": true },
          "D": { "Type": "Wait", "End": true },
          "E": { "Type": "Bogus" } } }
        """;

        var act = () => StateMachineRunner.FromJson(definition);

        var pointers = act.Should().Throw<StateMachineDefinitionException>().Which.Problems.Select(p => p.Pointer).ToList();
        pointers.Should().Contain(["/StartAt", "/States/A/Resource", "/States/A/Next", "/States/B/Choices/0/NumericEquals", "/States/C/InputPath", "/States/D", "/States/E/Type"]);
    }

    [Fact]
    public void A_distributed_map_is_refused_with_its_pointers_instead_of_run_as_an_inline_one()
    {
        const string definition = """
        { "StartAt": "M", "States": { "M": { "Type": "Map", "End": true,
          "ItemReader": { "Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": { "InputType": "CSV" }, "Parameters": { "Bucket": "b", "Key": "k" } },
          "ItemBatcher": { "MaxItemsPerBatch": 10 }, "ResultWriter": { "Resource": "arn:aws:states:::s3:putObject", "Parameters": { "Bucket": "b", "Prefix": "out" } },
          "ItemProcessor": { "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS" },
            "StartAt": "P", "States": { "P": { "Type": "Pass", "End": true } } } } } }
        """;

        var act = () => StateMachineRunner.FromJson(definition);

        var problems = act.Should().Throw<StateMachineDefinitionException>().Which.Problems;
        problems.Select(p => p.Pointer).Should().BeEquivalentTo(
            ["/States/M/ItemProcessor/ProcessorConfig/Mode", "/States/M/ItemReader", "/States/M/ItemBatcher", "/States/M/ResultWriter"]);
        problems.Should().OnlyContain(p => p.Message.Contains("not run locally"));
    }

    [Fact]
    public async Task Catch_in_a_parallel_branch_error_propagates_the_branch_error_name()
    {
        const string definition = """
        { "StartAt": "P", "States": { "P": { "Type": "Parallel", "Catch": [ { "ErrorEquals": ["Job.Failed"], "ResultPath": "$.err", "Next": "C" } ], "End": true, "Branches": [
          { "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:states:::glue:startJobRun.sync", "End": true } } },
          { "StartAt": "W", "States": { "W": { "Type": "Wait", "Seconds": 100, "End": true } } } ] },
          "C": { "Type": "Pass", "End": true } } }
        """;

        var result = await Runner(definition, new TaskHandlerRegistry().ForResource("arn:aws:states:::glue:startJobRun", TaskHandlers.Fails("Job.Failed", "bad"))).RunAsync("{}");

        result.Status.Should().Be(ExecutionStatus.Succeeded, result.ToString());
        result.Output.Should().Be("""{"err":{"Error":"Job.Failed","Cause":"bad"}}""");
        result.EventsOf(HistoryEventType.ParallelStateFailed).Should().ContainSingle();
        (result.StopDate - result.StartDate).Should().Be(TimeSpan.Zero, "the waiting branch is stopped when its sibling fails");
    }

    [Fact]
    public async Task Branch_variables_read_outer_ones_and_stay_inside_their_branch()
    {
        const string definition = """
        { "QueryLanguage": "JSONata", "StartAt": "Set", "States": {
          "Set": { "Type": "Pass", "Assign": { "outer": 1 }, "Next": "P" },
          "P": { "Type": "Parallel", "Next": "After", "Branches": [
            { "StartAt": "B", "States": { "B": { "Type": "Pass", "Assign": { "inner": "{% $outer + 1 %}" }, "Next": "B2" },
                                           "B2": { "Type": "Pass", "Output": "{% $inner %}", "End": true } } } ] },
          "After": { "Type": "Pass", "Output": { "branch": "{% $states.input %}", "innerVisible": "{% $exists($inner) %}", "outer": "{% $outer %}" }, "End": true } } }
        """;

        var result = await Runner(definition).RunAsync();

        result.Output.Should().Be("""{"branch":[2],"innerVisible":false,"outer":1}""");
    }

    [Fact]
    public async Task The_runner_execution_timeout_overrides_the_definition()
    {
        var runner = StateMachineRunner.FromJson(
            """{ "StartAt": "W", "States": { "W": { "Type": "Wait", "Seconds": 3600, "End": true } } }""",
            new() { ExecutionTimeout = TimeSpan.FromMinutes(1) });

        var result = await runner.RunAsync();

        result.Status.Should().Be(ExecutionStatus.TimedOut);
        result.Error.Should().Be("States.Timeout");
        (result.StopDate - result.StartDate).Should().Be(TimeSpan.FromMinutes(1));
    }
}
