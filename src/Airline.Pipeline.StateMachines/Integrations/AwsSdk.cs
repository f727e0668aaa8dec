using Airline.Pipeline.StateMachines.Building;

namespace Airline.Pipeline.StateMachines.Integrations;

/// <summary>Any AWS SDK call: <c>arn:aws:states:::aws-sdk:service:action</c> (Request Response or callback; never .sync).</summary>
public static class AwsSdk
{
    /// <summary>
    /// Calls <paramref name="service"/>'s <paramref name="action"/>. The action is written camelCase
    /// (<c>StartCrawler</c> becomes <c>startCrawler</c>) and top-level parameter names PascalCase, as AWS requires.
    /// </summary>
    public static TaskIntegration Call(string service, string action, object? parameters = null, IntegrationPattern pattern = IntegrationPattern.RequestResponse)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        if (pattern is IntegrationPattern.RunJob or IntegrationPattern.RunJobJsonOutput)
        {
            throw new ArgumentOutOfRangeException(nameof(pattern), pattern,
                "AWS SDK integrations do not support .sync; poll with a Wait loop or use an optimized integration.");
        }

        var camel = char.ToLowerInvariant(action[0]) + action[1..];
        var resource = $"arn:aws:states:::aws-sdk:{service.ToLowerInvariant()}:{camel}" +
            (pattern == IntegrationPattern.WaitForTaskToken ? ".waitForTaskToken" : string.Empty);
        return new TaskIntegration(resource, parameters is null ? null : Json.From(Pascal(parameters)));
    }

    private static object Pascal(object parameters)
    {
        var element = Json.From(parameters);
        if (element.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return element;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            result[char.ToUpperInvariant(name[0]) + name[1..]] = property.Value;
        }

        return result;
    }
}
