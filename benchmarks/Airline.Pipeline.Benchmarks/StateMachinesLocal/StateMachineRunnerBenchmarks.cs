using Airline.Pipeline.StateMachines.Local;
using Airline.Pipeline.StateMachines.Workflows;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using States = Airline.Pipeline.StateMachines.Workflows.GlueWorkflows.States;

namespace Airline.Pipeline.Benchmarks.StateMachinesLocal;

/// <summary>
/// Whole executions of the seeds' crawler/job/notify workflow (GlueWorkflows.CrawlThenRunJob) with instant
/// handlers on virtual time, and of a 1,000-item inline Map. One execution per operation: executions/s = 1 / Mean.
/// Baselines: the workflow whose crawler is READY at the first poll; the Map whose iterations are one Pass state.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StateMachineRunnerBenchmarks
{
    private const string Running = """{"Crawler":{"Name":"flights","State":"RUNNING"}}""";
    private const string Ready = """{"Crawler":{"Name":"flights","State":"READY","LastCrawl":{"Status":"SUCCEEDED"}}}""";
    private const string Input = """{"bucket":"airline-dataset","key":"incoming/flights.csv"}""";

    private StateMachineRunner _readyAtOnce = null!;
    private StateMachineRunner _onePollLoop = null!;
    private StateMachineRunner _jobFails = null!;
    private StateMachineRunner _mapPass = null!;
    private StateMachineRunner _mapTask = null!;
    private string _items = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var workflow = GlueWorkflows.CrawlThenRunJob(new CrawlThenRunJobOptions
        {
            CrawlerName = "flights",
            JobName = "flights-enrich",
            TopicArn = "arn:aws:sns:us-east-1:123456789012:pipeline",
        });
        StateMachineRunner Workflow(ITaskHandler getCrawler, ITaskHandler runJob) => StateMachineRunner.FromDefinition(workflow, new()
        {
            RandomSeed = 1,
            Handlers = new TaskHandlerRegistry()
                .ForState(States.StartCrawler, TaskHandlers.Returns("{}"))
                .ForState(States.GetCrawler, getCrawler)
                .ForState(States.RunJob, runJob)
                .ForState(States.NotifySuccess, TaskHandlers.Returns("""{"MessageId":"m"}"""))
                .ForState(States.NotifyFailure, TaskHandlers.Returns("""{"MessageId":"m"}""")),
        });
        var job = TaskHandlers.Returns("""{"JobName":"flights-enrich","Id":"jr_1","JobRunState":"SUCCEEDED"}""");
        _readyAtOnce = Workflow(TaskHandlers.Returns(Ready), job);
        _onePollLoop = Workflow(TaskHandlers.Sequence(Running, Ready), job);
        _jobFails = Workflow(TaskHandlers.Returns(Ready), TaskHandlers.Fails("Glue.JobRunFailed", "bad row"));

        _mapPass = StateMachineRunner.FromJson("""
            { "StartAt": "Each", "States": { "Each": { "Type": "Map", "ItemsPath": "$.items", "End": true,
              "ItemProcessor": { "StartAt": "P", "States": { "P": { "Type": "Pass", "Parameters": { "id.$": "$.id", "ok": true }, "End": true } } } } } }
            """);
        _mapTask = StateMachineRunner.FromJson(
            """
            { "StartAt": "Each", "States": { "Each": { "Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 10, "End": true,
              "ItemSelector": { "id.$": "$$.Map.Item.Value.id", "index.$": "$$.Map.Item.Index" },
              "ItemProcessor": { "StartAt": "T", "States": { "T": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "ResultPath": "$.r", "End": true } } } } } }
            """,
            new() { Handlers = new TaskHandlerRegistry().ForState("T", TaskHandlers.Returns("""{"ok":true}""")) });
        _items = "{\"items\":[" + string.Join(",", Enumerable.Range(0, 1_000).Select(i => $"{{\"id\":{i}}}")) + "]}";
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SeedWorkflow")]
    public Task<ExecutionResult> Workflow_crawler_ready_at_first_poll() => _readyAtOnce.RunAsync(Input);

    [Benchmark]
    [BenchmarkCategory("SeedWorkflow")]
    public Task<ExecutionResult> Workflow_one_poll_loop_with_30s_virtual_wait() => _onePollLoop.RunAsync(Input);

    [Benchmark]
    [BenchmarkCategory("SeedWorkflow")]
    public Task<ExecutionResult> Workflow_job_fails_caught_to_failure_notice() => _jobFails.RunAsync(Input);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Map1000")]
    public Task<ExecutionResult> Map_1000_items_pass() => _mapPass.RunAsync(_items);

    [Benchmark]
    [BenchmarkCategory("Map1000")]
    public Task<ExecutionResult> Map_1000_items_task_with_item_selector() => _mapTask.RunAsync(_items);
}
