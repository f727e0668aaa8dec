using System.Web;
using Amazon.Runtime;
using Airline.Pipeline.Aws.Http;
using Airline.Pipeline.Aws.Sns;
using Airline.Pipeline.Aws.Tests.Support;

namespace Airline.Pipeline.Aws.Tests.Sns;

public sealed class SnsClientTests : IDisposable
{
    internal const string TopicArn = "arn:aws:sns:eu-west-1:123456789012:airline-pipeline-notifications";
    private static readonly ImmutableCredentials Keys = new("AKIDSNSTEST", "sns-secret-never-printed", null);

    // Shapes of sns/2010-03-31: PublishResponse/PublishResult/MessageId and ErrorResponse/Error/Code.
    internal const string PublishReply =
        "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>" +
        "<MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>" +
        "<ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata></PublishResponse>";

    private readonly FakeAwsServer _server = new("eu-west-1", "sns", Keys, FakeReply.Xml(PublishReply));
    private readonly HttpClient _http = new();
    private readonly AutoAdvanceTimeProvider _time = new();

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    internal static string Error(string type, string code, string message) =>
        "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error>" +
        $"<Type>{type}</Type><Code>{code}</Code><Message>{message}</Message></Error>" +
        "<RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId></ErrorResponse>";

    private SnsClient Client() => new(
        _http,
        new AwsServiceClientOptions { Region = "eu-west-1", ServiceUrl = _server.Endpoint },
        new BasicAWSCredentials(Keys.AccessKey, Keys.SecretKey),
        _time,
        null,
        () => 0.5);

    [Fact]
    public async Task Publish_SendsSignedQueryProtocolForm_AndParsesXmlReply()
    {
        var result = await Client().PublishAsync(new SnsPublishRequest
        {
            TopicArn = TopicArn,
            Subject = "Airline pipeline: run 01J SUCCEEDED",
            Message = "{\"status\":\"SUCCEEDED\",\"note\":\"a+b = c & d\"}",
            MessageAttributes = new Dictionary<string, SnsMessageAttribute>
            {
                ["status"] = SnsMessageAttribute.String("SUCCEEDED"),
                ["rows"] = SnsMessageAttribute.Number(1234),
                ["digest"] = SnsMessageAttribute.Binary(new byte[] { 1, 2, 255 }),
            },
        });

        result.MessageId.Should().Be("94f20ce6-13c5-43a0-9a9e-ca52d816e90b");
        result.RequestId.Should().Be("f187a3c1-376f-11df-8963-01868b7c937a");
        var request = _server.Requests.Single();
        request.Method.Should().Be("POST");
        request.RawUrl.Should().Be("/");
        request.Header("Content-Type").Should().StartWith("application/x-www-form-urlencoded");
        request.SignatureVerified.Should().BeTrue(request.SignatureProblem);
        var form = HttpUtility.ParseQueryString(request.BodyText);
        form["Action"].Should().Be("Publish");
        form["Version"].Should().Be("2010-03-31");
        form["TopicArn"].Should().Be(TopicArn);
        form["Subject"].Should().Be("Airline pipeline: run 01J SUCCEEDED");
        form["Message"].Should().Be("{\"status\":\"SUCCEEDED\",\"note\":\"a+b = c & d\"}");
        request.BodyText.Should().NotContain("+", "spaces and plus signs are percent-encoded");
        form["MessageAttributes.entry.1.Name"].Should().Be("digest");
        form["MessageAttributes.entry.1.Value.DataType"].Should().Be("Binary");
        form["MessageAttributes.entry.1.Value.BinaryValue"].Should().Be("AQL/");
        form["MessageAttributes.entry.2.Name"].Should().Be("rows");
        form["MessageAttributes.entry.2.Value.DataType"].Should().Be("Number");
        form["MessageAttributes.entry.2.Value.StringValue"].Should().Be("1234");
        form["MessageAttributes.entry.3.Name"].Should().Be("status");
        form["MessageAttributes.entry.3.Value.StringValue"].Should().Be("SUCCEEDED");
    }

    [Fact]
    public async Task Publish_InvalidRequest_ListsEveryProblemAndSendsNothing()
    {
        var act = () => Client().PublishAsync(new SnsPublishRequest
        {
            TopicArn = TopicArn,
            Subject = "Line one\nline two " + new string('x', 100),
            Message = new string('m', SnsLimits.MaxPublishBytes),
            MessageAttributes = new Dictionary<string, SnsMessageAttribute> { ["AWS.reserved"] = SnsMessageAttribute.String("x") },
        });

        var thrown = (await act.Should().ThrowAsync<ArgumentException>()).Which;
        thrown.Message.Should().Contain("262163 bytes").And.Contain("Subject is 118 characters").And.Contain("U+000A")
            .And.Contain("'AWS.reserved'");
        _server.Requests.Should().BeEmpty();
    }

    [Fact]
    public void Limits_MessageOfExactly256KiB_IsAccepted()
    {
        var request = new SnsPublishRequest
        {
            TopicArn = TopicArn,
            Message = new string('é', (SnsLimits.MaxPublishBytes - 12) / 2),
            MessageAttributes = new Dictionary<string, SnsMessageAttribute> { ["k"] = SnsMessageAttribute.String("v") },
            Subject = new string('S', 99),
        };

        SnsLimits.PublishSize(request).Should().Be(SnsLimits.MaxPublishBytes - 12 + 1 + 6 + 1);
        SnsLimits.Validate(request).Should().BeEmpty();
    }

    public static TheoryData<string, Type> ClientErrors => new()
    {
        { "NotFound", typeof(SnsNotFoundException) },
        { "InvalidParameter", typeof(SnsInvalidParameterException) },
        { "AuthorizationError", typeof(SnsAuthorizationException) },
        { "KMSDisabled", typeof(SnsException) },
    };

    [Theory]
    [MemberData(nameof(ClientErrors))]
    public async Task XmlClientError_IsTypedAndNotRetried(string code, Type expected)
    {
        _server.Fallback = FakeReply.Xml(Error("Sender", code, "Topic does not exist"), code == "AuthorizationError" ? 403 : 400);

        var act = () => Client().PublishAsync(new SnsPublishRequest { TopicArn = TopicArn, Message = "hello" });

        var thrown = (await act.Should().ThrowAsync<SnsException>()).Which;
        thrown.Should().BeOfType(expected);
        thrown.ErrorCode.Should().Be(code);
        thrown.ServiceMessage.Should().Be("Topic does not exist");
        thrown.RequestId.Should().Be("9dd01905-5012-5f99-8663-4b3ecd0dfaef");
        thrown.Message.Should().NotContain(Keys.SecretKey);
        _server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task ThrottledAnd5xx_AreRetried()
    {
        _server.Enqueue(
            FakeReply.Xml(Error("Sender", "Throttled", "Rate exceeded"), 400),
            FakeReply.Xml(Error("Receiver", "InternalError", "Internal error"), 500),
            new FakeReply(502, "<html>Bad gateway</html>", "text/html"));

        var result = await Client().PublishAsync(new SnsPublishRequest { TopicArn = TopicArn, Message = "hello" });

        result.MessageId.Should().Be("94f20ce6-13c5-43a0-9a9e-ca52d816e90b");
        _server.Requests.Should().HaveCount(4).And.OnlyContain(r => r.SignatureVerified);
        _time.Delays.Should().Equal(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400));
    }
}
