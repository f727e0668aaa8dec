using System.Text.Json.Nodes;
using Airline.Pipeline.TestSupport;

namespace Airline.Pipeline.StateMachines.Local.Tests.Differential;

/// <summary>
/// One machine through the aws-local-stepfunctions CLI itself, with `-t State:script` task stubs and a
/// `-w Wait:0` override, inputs on standard input. The CLI prints objects in JS notation, so the machine
/// ends with States.JsonToString and the printed line is JSON text.
/// </summary>
public sealed class LocalSfnCliTests
{
    private const string Definition = """
    {
      "StartAt": "GetCrawler",
      "States": {
        "GetCrawler": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:getCrawler", "ResultPath": "$.crawler", "Next": "Check" },
        "Check": { "Type": "Choice", "Choices": [ { "Variable": "$.crawler.State", "StringEquals": "READY", "Next": "RunJob" } ], "Default": "Wait" },
        "Wait": { "Type": "Wait", "Seconds": 30, "Next": "GetCrawler" },
        "RunJob": { "Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:runJob", "Parameters": { "file.$": "$.file", "state.$": "$.crawler.State" }, "ResultPath": "$.job", "Next": "Print" },
        "Print": { "Type": "Pass", "Parameters": { "json.$": "States.JsonToString($)" }, "OutputPath": "$.json", "End": true }
      }
    }
    """;

    [Fact]
    public async Task Cli_with_script_stubs_and_wait_override_agrees_with_the_runner()
    {
        var folder = Directory.CreateTempSubdirectory("local-sfn-cli-");
        try
        {
            var definitionPath = Path.Combine(folder.FullName, "definition.json");
            await File.WriteAllTextAsync(definitionPath, Definition);
            var crawler = Script(folder, "get-crawler.sh", """{"State":"READY"}""");
            var job = Script(folder, "run-job.sh", """{"JobRunState":"SUCCEEDED"}""");
            string[] inputs = ["""{"file":"a.csv"}""", """{"file":"b.csv","extra":[1,2]}"""];

            var cli = await NodeTool.RunLocalStepFunctionsAsync(
                ["-f", definitionPath, "-t", $"GetCrawler:{crawler}", "-t", $"RunJob:{job}", "-w", "Wait:0"],
                string.Join("\n", inputs) + "\n");

            cli.ExitCode.Should().Be(0, cli.ToString());
            var printed = cli.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            printed.Should().HaveCount(inputs.Length, cli.ToString());
            var runner = StateMachineRunner.FromJson(Definition, new()
            {
                Handlers = new TaskHandlerRegistry()
                    .ForState("GetCrawler", TaskHandlers.Returns("""{"State":"READY"}"""))
                    .ForState("RunJob", TaskHandlers.Returns("""{"JobRunState":"SUCCEEDED"}""")),
            });
            for (var i = 0; i < inputs.Length; i++)
            {
                var ours = await runner.RunAsync(inputs[i]);
                var oursJson = JsonNode.Parse(ours.OutputNode!.GetValue<string>());
                JsonNode.DeepEquals(oursJson, JsonNode.Parse(printed[i])).Should().BeTrue($"ours {oursJson?.ToJsonString()} vs CLI {printed[i]}");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A task override script: receives the task input as its first argument and prints the result JSON.</summary>
    private static string Script(DirectoryInfo folder, string name, string resultJson)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, $"#!/bin/sh\nprintf '%s' '{resultJson}'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
