using System.Text;
using System.Text.RegularExpressions;

namespace Airline.Pipeline.Aws.Sns;

/// <summary>AWS's Publish limits, checked before anything is sent.</summary>
public static partial class SnsLimits
{
    /// <summary>The most bytes a message may have, attributes included: 256 KiB.</summary>
    public const int MaxPublishBytes = 262_144;

    /// <summary>A subject must be shorter than 100 characters.</summary>
    public const int MaxSubjectLength = 99;

    /// <summary>The most message attributes SNS accepts on one message.</summary>
    public const int MaxAttributes = 10;

    /// <summary>
    /// The size SNS counts against <see cref="MaxPublishBytes"/>: the message's UTF-8 bytes plus, per attribute,
    /// its name, data type and value.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The size in bytes.</returns>
    public static long PublishSize(SnsPublishRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        long size = Encoding.UTF8.GetByteCount(request.Message);
        foreach (var (name, attribute) in request.MessageAttributes)
        {
            size += Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(attribute.DataType);
            size += attribute.BinaryValue is { } binary ? binary.Length : Encoding.UTF8.GetByteCount(attribute.StringValue ?? string.Empty);
        }

        return size;
    }

    /// <summary>Every way <paramref name="request"/> breaks Publish's limits; empty when it is fine.</summary>
    /// <param name="request">The request.</param>
    /// <returns>One line per problem, each naming the value and the fix.</returns>
    public static IReadOnlyList<string> Validate(SnsPublishRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(request.TopicArn) || !request.TopicArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            problems.Add($"TopicArn '{request.TopicArn}' is not a topic ARN; use arn:aws:sns:<region>:<account>:<topic>.");
        }

        if (string.IsNullOrEmpty(request.Message))
        {
            problems.Add("Message is empty; SNS requires a non-empty message.");
        }

        var size = PublishSize(request);
        if (size > MaxPublishBytes)
        {
            problems.Add($"message and attributes are {size} bytes; SNS accepts at most {MaxPublishBytes} (256 KiB): shorten the message or store it in S3 and publish its key.");
        }

        if (request.Subject is { } subject)
        {
            if (subject.Length == 0 || subject.Length > MaxSubjectLength)
            {
                problems.Add($"Subject is {subject.Length} characters; SNS needs 1 to {MaxSubjectLength}.");
            }

            var bad = subject.FirstOrDefault(c => c > 126 || c < 32);
            if (bad != default)
            {
                problems.Add($"Subject contains U+{(int)bad:X4} at index {subject.IndexOf(bad, StringComparison.Ordinal)}; SNS subjects are printable ASCII without line breaks or control characters.");
            }
            else if (subject.Length > 0 && !char.IsAsciiLetterOrDigit(subject[0]) && !char.IsPunctuation(subject[0]) && !char.IsSymbol(subject[0]))
            {
                problems.Add($"Subject '{subject}' starts with '{subject[0]}'; SNS subjects begin with a letter, number or punctuation mark.");
            }
        }

        if (request.MessageAttributes.Count > MaxAttributes)
        {
            problems.Add($"{request.MessageAttributes.Count} message attributes; SNS accepts at most {MaxAttributes}.");
        }

        foreach (var (name, attribute) in request.MessageAttributes)
        {
            if (!AttributeName().IsMatch(name) || name.Contains("..", StringComparison.Ordinal) ||
                name.StartsWith("AWS.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Amazon.", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"message attribute name '{name}' is invalid; use 1-256 of A-Z a-z 0-9 _ - . (no leading, trailing or double '.', no AWS./Amazon. prefix).");
            }

            var baseType = attribute.DataType.Split('.', 2)[0];
            var isArray = attribute.DataType.StartsWith("String.Array", StringComparison.Ordinal);
            if (baseType is not ("String" or "Number" or "Binary"))
            {
                problems.Add($"message attribute '{name}' has DataType '{attribute.DataType}'; use String, String.Array, Number or Binary.");
            }
            else if (baseType == "Binary" ? attribute.BinaryValue is null : attribute.StringValue is null)
            {
                problems.Add($"message attribute '{name}' of type {attribute.DataType} has no {(baseType == "Binary" ? "BinaryValue" : "StringValue")}.");
            }
            else if (baseType == "Number" && !decimal.TryParse(attribute.StringValue, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                problems.Add($"message attribute '{name}' is a Number but its value '{attribute.StringValue}' is not a number.");
            }
            else if (isArray && !(attribute.StringValue ?? string.Empty).TrimStart().StartsWith('['))
            {
                problems.Add($"message attribute '{name}' is a String.Array but its value is not a JSON array.");
            }
        }

        return problems;
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,254}(?<!\\.)$|^[A-Za-z0-9_-]$")]
    private static partial Regex AttributeName();
}
