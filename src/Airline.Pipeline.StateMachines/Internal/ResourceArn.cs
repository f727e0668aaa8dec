using System.Text.RegularExpressions;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>Resource ARN rules: format, Lambda qualifiers, and the integration patterns each service offers.</summary>
internal static partial class ResourceArn
{
    [Flags]
    private enum Patterns
    {
        RequestResponse = 1,
        Sync = 2,
        Sync2 = 4,
        Callback = 8,
    }

    private static readonly Dictionary<string, Patterns> ByService = new(StringComparer.Ordinal)
    {
        ["aws-sdk"] = Patterns.RequestResponse | Patterns.Callback,
        ["apigateway"] = Patterns.RequestResponse | Patterns.Callback,
        ["athena"] = Patterns.RequestResponse | Patterns.Sync,
        ["batch"] = Patterns.RequestResponse | Patterns.Sync,
        ["bedrock"] = Patterns.RequestResponse | Patterns.Sync | Patterns.Callback,
        ["codebuild"] = Patterns.RequestResponse | Patterns.Sync,
        ["dynamodb"] = Patterns.RequestResponse,
        ["ecs"] = Patterns.RequestResponse | Patterns.Sync | Patterns.Callback,
        ["eks"] = Patterns.RequestResponse | Patterns.Sync | Patterns.Callback,
        ["elasticmapreduce"] = Patterns.RequestResponse | Patterns.Sync,
        ["emr-containers"] = Patterns.RequestResponse | Patterns.Sync,
        ["emr-serverless"] = Patterns.RequestResponse | Patterns.Sync,
        ["events"] = Patterns.RequestResponse | Patterns.Callback,
        ["glue"] = Patterns.RequestResponse | Patterns.Sync,
        ["databrew"] = Patterns.RequestResponse | Patterns.Sync,
        ["lambda"] = Patterns.RequestResponse | Patterns.Callback,
        ["mediaconvert"] = Patterns.RequestResponse | Patterns.Sync,
        ["sagemaker"] = Patterns.RequestResponse | Patterns.Sync,
        ["sns"] = Patterns.RequestResponse | Patterns.Callback,
        ["sqs"] = Patterns.RequestResponse | Patterns.Callback,
        ["states"] = Patterns.RequestResponse | Patterns.Sync | Patterns.Sync2 | Patterns.Callback,
        ["http"] = Patterns.RequestResponse,
        ["s3"] = Patterns.RequestResponse,
    };

    /// <summary>Optimized actions of the services whose whole list this package knows.</summary>
    private static readonly Dictionary<string, string[]> KnownActions = new(StringComparer.Ordinal)
    {
        ["glue"] = ["startJobRun"],
        ["lambda"] = ["invoke"],
        ["sns"] = ["publish"],
        ["sqs"] = ["sendMessage"],
        ["states"] = ["startExecution"],
        ["http"] = ["invoke"],
        ["s3"] = ["getObject", "listObjectsV2", "putObject"],
    };

    [GeneratedRegex(@"^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):([^:\n]+):([^:\n]*):(\d*):([^:/*\n]+([:/].*[^:/\n])?)$")]
    private static partial Regex ArnPattern();

    [GeneratedRegex(@"^\$\{[^}]+\}$")]
    private static partial Regex SubstitutionPattern();

    [GeneratedRegex(@"^arn:[^:]+:lambda:[^:]*:\d*:function:([^:]+)(:(.*))?$")]
    private static partial Regex LambdaPattern();

    [GeneratedRegex(@"^[a-zA-Z0-9_-]{1,140}$")]
    private static partial Regex LambdaName();

    [GeneratedRegex(@"^(\$LATEST|[a-zA-Z0-9_-]{1,128})$")]
    private static partial Regex LambdaQualifier();

    public static bool IsSubstitution(string resource) => SubstitutionPattern().IsMatch(resource);

    /// <summary>Null when the ARN is well formed, else the reason.</summary>
    public static string? CheckFormat(string resource)
    {
        var match = ArnPattern().Match(resource);
        if (!match.Success)
        {
            return $"'{resource}' is not an ARN (arn:partition:service:region:account:resource)";
        }

        var lambda = LambdaPattern().Match(resource);
        if (lambda.Success)
        {
            if (!LambdaName().IsMatch(lambda.Groups[1].Value))
            {
                return $"'{lambda.Groups[1].Value}' is not a Lambda function name (letters, digits, '-' and '_')";
            }

            if (lambda.Groups[2].Success && !LambdaQualifier().IsMatch(lambda.Groups[3].Value))
            {
                return $"'{lambda.Groups[3].Value}' is not a Lambda version or alias (letters, digits, '-', '_' or $LATEST)";
            }
        }

        return null;
    }

    /// <summary>For <c>arn:aws:states:::service:action[.pattern]</c>, null when AWS offers it, else the reason.</summary>
    public static string? CheckIntegration(string resource)
    {
        var parts = resource.Split(':');
        if (parts.Length < 6 || parts[2] != "states" || parts[3].Length != 0 || parts[4].Length != 0)
        {
            return null; // a Lambda, activity or other resource ARN
        }

        if (parts[5] == "activity" || parts[5].StartsWith("stateMachine", StringComparison.Ordinal))
        {
            return null;
        }

        var service = parts[5];
        var action = string.Join(':', parts[6..]);
        if (service == "aws-sdk")
        {
            if (parts.Length < 8)
            {
                return $"'{resource}' names no action: use arn:aws:states:::aws-sdk:<service>:<camelCaseAction>";
            }

            action = string.Join(':', parts[7..]);
        }

        var pattern = Patterns.RequestResponse;
        if (action.EndsWith(".sync:2", StringComparison.Ordinal))
        {
            pattern = Patterns.Sync2;
            action = action[..^7];
        }
        else if (action.EndsWith(".sync", StringComparison.Ordinal))
        {
            pattern = Patterns.Sync;
            action = action[..^5];
        }
        else if (action.EndsWith(".waitForTaskToken", StringComparison.Ordinal))
        {
            pattern = Patterns.Callback;
            action = action[..^17];
        }

        if (action.Length == 0 || action.Contains('.', StringComparison.Ordinal))
        {
            return $"'{resource}' has no valid action; the form is arn:aws:states:::{service}:<action>[.sync|.waitForTaskToken]";
        }

        if (KnownActions.TryGetValue(service, out var actions) && !actions.Contains(action, StringComparer.Ordinal))
        {
            return $"'{service}:{action}' is not an optimized integration (it offers {string.Join(", ", actions)}); " +
                $"call it as arn:aws:states:::aws-sdk:{service}:{action}";
        }

        if (ByService.TryGetValue(service, out var supported) && (supported & pattern) == 0)
        {
            var name = pattern switch
            {
                Patterns.Sync => ".sync (run a job)",
                Patterns.Sync2 => ".sync:2",
                _ => ".waitForTaskToken (callback)",
            };
            return service == "aws-sdk"
                ? $"AWS SDK integrations do not support {name}; poll with a Wait loop, or use an optimized integration that offers it"
                : $"{service} does not support {name}; remove the suffix";
        }

        return null;
    }
}
