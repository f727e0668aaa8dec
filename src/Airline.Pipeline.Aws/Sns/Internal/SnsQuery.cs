using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Airline.Pipeline.Aws.Http;
using Airline.Pipeline.Aws.Internal;
using Airline.Pipeline.Aws.Signing.Internal;

namespace Airline.Pipeline.Aws.Sns.Internal;

/// <summary>The Query protocol of sns/2010-03-31: form-encoded requests, XML replies and errors.</summary>
internal static class SnsQuery
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttled", "Throttling", "ThrottlingException", "RequestThrottled", "TooManyRequestsException",
    };

    public static string PublishBody(SnsPublishRequest request)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("Action", "Publish"),
            new("Version", "2010-03-31"),
            new("TopicArn", request.TopicArn),
            new("Message", request.Message),
        };
        if (request.Subject is not null)
        {
            form.Add(new("Subject", request.Subject));
        }

        var index = 1;
        foreach (var (name, attribute) in request.MessageAttributes.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var prefix = $"MessageAttributes.entry.{index++}.";
            form.Add(new(prefix + "Name", name));
            form.Add(new(prefix + "Value.DataType", attribute.DataType));
            if (attribute.BinaryValue is { } binary)
            {
                form.Add(new(prefix + "Value.BinaryValue", Convert.ToBase64String(binary.Span)));
            }
            else
            {
                form.Add(new(prefix + "Value.StringValue", attribute.StringValue ?? string.Empty));
            }
        }

        if (request.MessageGroupId is not null)
        {
            form.Add(new("MessageGroupId", request.MessageGroupId));
        }

        if (request.MessageDeduplicationId is not null)
        {
            form.Add(new("MessageDeduplicationId", request.MessageDeduplicationId));
        }

        return string.Join('&', form.Select(pair => CanonicalForm.UriEncode(pair.Key) + "=" + CanonicalForm.UriEncode(pair.Value)));
    }

    public static SnsPublishResult PublishResult(byte[] body)
    {
        var document = Parse(body) ?? throw new SnsException("SNS Publish answered with a body that is not XML.");
        var messageId = Find(document, "MessageId")
            ?? throw new SnsException("SNS Publish answered without PublishResult/MessageId.");
        return new SnsPublishResult(messageId, Find(document, "SequenceNumber"), Find(document, "RequestId"));
    }

    public static bool IsRetryable(AwsServiceException exception) =>
        exception is SnsThrottledException || ThrottlingCodes.Contains(exception.ErrorCode);

    public static SnsException ToException(string operation, AwsHttpResponse response)
    {
        var document = Parse(response.Body);
        var code = (document is null ? null : Find(document, "Code")) ?? $"Http{(int)response.StatusCode}";
        var error = new AwsErrorDetails(
            "sns",
            operation,
            code,
            document is null ? null : Find(document, "Message"),
            response.StatusCode,
            (document is null ? null : Find(document, "RequestId")) ?? response.Header("x-amzn-RequestId"));
        return code switch
        {
            "NotFound" => new SnsNotFoundException(error),
            "InvalidParameter" or "InvalidParameterValue" => new SnsInvalidParameterException(error),
            "AuthorizationError" => new SnsAuthorizationException(error),
            _ when ThrottlingCodes.Contains(code) => new SnsThrottledException(error),
            _ => new SnsException(error),
        };
    }

    public static StringContent FormContent(string body) =>
        new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    private static XDocument? Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var stream = new MemoryStream(body);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string? Find(XDocument document, string localName) =>
        document.Descendants().FirstOrDefault(element => element.Name.LocalName == localName)?.Value;

    internal static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;
}
