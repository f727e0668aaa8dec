using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Airline.Pipeline.Aws.Signing;

namespace Airline.Pipeline.Aws.Tests.Signing;

/// <summary>
/// AWS's SigV4 signing test suite (awslabs/aws-c-auth tests/aws-signing-test-suite/v4: region us-east-1, service
/// "service", 2015-08-30T12:36:00Z, key AKIDEXAMPLE) and the IAM ListUsers worked example of AWS's documentation.
/// Expected texts and signatures are the suite's files, byte for byte.
/// </summary>
public sealed class SigV4TestSuiteTests
{
    private static readonly ImmutableCredentials Suite = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static TheoryData<string> CaseNames => new(Cases.Keys.Order(StringComparer.Ordinal));

    private sealed record Case(
        string Method,
        string Path,
        (string, string)[] Query,
        (string, string)[] Headers,
        string Body,
        string CanonicalRequest,
        string Signature,
        string? Token = null,
        bool SignPayload = false,
        bool Normalize = true);

    private static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        ["get-vanilla"] = new("GET", "/", [], [("Host", "example.amazonaws.com")], "",
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EmptyHash,
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        ["post-vanilla"] = new("POST", "/", [], [("Host", "example.amazonaws.com")], "",
            "POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EmptyHash,
            "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
        ["post-x-www-form-urlencoded"] = new("POST", "/", [],
            [("Content-Type", "application/x-www-form-urlencoded"), ("Host", "example.amazonaws.com"), ("Content-Length", "13")], "Param1=value1",
            "POST\n/\n\ncontent-length:13\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n" +
            "x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e\nx-amz-date:20150830T123600Z\n\n" +
            "content-length;content-type;host;x-amz-content-sha256;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
            "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b", SignPayload: true),
        ["get-header-key-duplicate"] = new("GET", "/", [],
            [("Host", "example.amazonaws.com"), ("My-Header1", "value2"), ("My-Header1", "value2"), ("My-Header1", "value1")], "",
            "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value2,value2,value1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n" + EmptyHash,
            "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
        ["get-header-value-order"] = new("GET", "/", [],
            [("Host", "example.amazonaws.com"), ("My-Header1", "value4"), ("My-Header1", "value1"), ("My-Header1", "value3"), ("My-Header1", "value2")], "",
            "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value4,value1,value3,value2\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n" + EmptyHash,
            "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
        ["get-header-value-trim"] = new("GET", "/", [],
            [("Host", "example.amazonaws.com"), ("My-Header1", " value1"), ("My-Header2", " \"a   b   c\"")], "",
            "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\n" + EmptyHash,
            "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
        ["get-vanilla-query-order-key-case"] = new("GET", "/", [("Param2", "value2"), ("Param1", "value1")], [("Host", "example.amazonaws.com")], "",
            "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EmptyHash,
            "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        ["get-vanilla-query-unreserved"] = new("GET", "/",
            [("-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")],
            [("Host", "example.amazonaws.com")], "",
            "GET\n/\n-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n" +
            "host:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EmptyHash,
            "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
        ["get-vanilla-utf8-query"] = new("GET", "/", [("\u1234", "bar")], [("Host", "example.amazonaws.com")], "",
            "GET\n/\n%E1%88%B4=bar\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EmptyHash,
            "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
        ["get-utf8"] = new("GET", "/\u1234", [], [("Host", "example.amazonaws.com")], "",
            "GET\n/%E1%88%B4\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EmptyHash,
            "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
        ["get-unreserved"] = new("GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", [], [("Host", "example.amazonaws.com")], "",
            "GET\n/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EmptyHash,
            "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
        ["get-space-normalized"] = new("GET", "/example space/", [], [("Host", "example.amazonaws.com")], "",
            "GET\n/example%20space/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EmptyHash,
            "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
        ["post-header-key-sort"] = new("POST", "/", [], [("Host", "example.amazonaws.com"), ("My-Header1", "value1")], "",
            "POST\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n" + EmptyHash,
            "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"),
        ["post-vanilla-query"] = new("POST", "/", [("Param1", "value1")], [("Host", "example.amazonaws.com")], "",
            "POST\n/\nParam1=value1\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n" + EmptyHash,
            "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
        ["get-vanilla-with-session-token"] = new("GET", "/", [], [("Host", "example.amazonaws.com")], "",
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n" +
            "x-amz-security-token:6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267\n\nhost;x-amz-date;x-amz-security-token\n" + EmptyHash,
            "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8",
            Token: "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"),
    };

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Sign_SuiteCase_ReproducesCanonicalRequestStringToSignAndSignature(string name)
    {
        var test = Cases[name];
        var credentials = test.Token is null ? Suite : new ImmutableCredentials(Suite.AccessKey, Suite.SecretKey, test.Token);
        var signer = new SigV4Signer("us-east-1", "service", test.Normalize, test.SignPayload);

        var signature = signer.Sign(
            new SigV4Request(
                test.Method,
                test.Path,
                [.. test.Query.Select(pair => KeyValuePair.Create(pair.Item1, pair.Item2))],
                [.. test.Headers.Select(pair => KeyValuePair.Create(pair.Item1, pair.Item2))],
                Encoding.UTF8.GetBytes(test.Body)),
            credentials,
            SuiteTime);

        signature.CanonicalRequest.Should().Be(test.CanonicalRequest);
        signature.StringToSign.Should().Be(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n" +
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(test.CanonicalRequest))));
        signature.Signature.Should().Be(test.Signature);
        signature.Authorization.Should().Be(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, " +
            $"SignedHeaders={test.CanonicalRequest.Split('\n')[^2]}, Signature={test.Signature}");
    }

    [Fact]
    public void Sign_PostXWwwFormUrlencoded_StringToSignHashIsTheSuites()
    {
        // The suite's header-string-to-sign.txt of the payload-signing variant names this exact hash.
        var signer = new SigV4Signer("us-east-1", "service", signPayloadHeader: true);
        var signature = signer.Sign(
            new SigV4Request("POST", "/", [],
                [new("Content-Type", "application/x-www-form-urlencoded"), new("Host", "example.amazonaws.com"), new("Content-Length", "13")],
                "Param1=value1"u8.ToArray()),
            Suite,
            SuiteTime);

        signature.StringToSign.Split('\n')[^1].Should().Be("b1edd1d03544c25390e32085d55b57acc9a3961bb59415ff86c45c3d89d16cfb");
    }

    [Fact]
    public void Sign_IamListUsersDocumentationExample_MatchesAwsDocumentation()
    {
        var signer = new SigV4Signer("us-east-1", "iam");
        var signature = signer.Sign(
            new SigV4Request("GET", "/", [new("Action", "ListUsers"), new("Version", "2010-05-08")],
                [new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), new("Host", "iam.amazonaws.com")],
                ReadOnlyMemory<byte>.Empty),
            Suite,
            SuiteTime);

        signature.CanonicalRequest.Should().Be(
            "GET\n/\nAction=ListUsers&Version=2010-05-08\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\n" +
            "host:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n" + EmptyHash);
        signature.StringToSign.Should().Be(
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
        signature.Signature.Should().Be("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }

    [Fact]
    public void SigningKey_DocumentationDerivationExample_MatchesAwsDocumentation()
    {
        var key = SigV4Signer.SigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");

        Convert.ToHexStringLower(key).Should().Be("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }

    [Theory]
    [InlineData("//example//", true, "/example/")]
    [InlineData("/example/..", true, "/")]
    [InlineData("/./example", true, "/example")]
    [InlineData("/example/../../", true, "/")]
    [InlineData("//example//", false, "//example//")]
    [InlineData("/%E1%88%B4", true, "/%25E1%2588%25B4")]
    public void Sign_Path_IsNormalizedOrKeptAndEncoded(string path, bool normalize, string expected)
    {
        var signer = new SigV4Signer("us-east-1", "service", normalize);

        var signature = signer.Sign(new SigV4Request("GET", path, [], [new("Host", "example.amazonaws.com")], default), Suite, SuiteTime);

        signature.CanonicalRequest.Split('\n')[1].Should().Be(expected);
    }

    [Fact]
    public async Task SignAsync_HttpRequestMessage_AddsHeadersThatVerify()
    {
        var signer = new SigV4Signer("eu-west-1", "glue");
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://glue.eu-west-1.amazonaws.com/")
        {
            Content = new StringContent("{\"Name\":\"c\"}", Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSGlue.StartCrawler");
        var credentials = new ImmutableCredentials("AKIDEXAMPLE", "secret-not-logged", "token-1");

        var signature = await signer.SignAsync(request, credentials, SuiteTime);

        request.Headers.GetValues("X-Amz-Date").Should().Equal("20150830T123600Z");
        request.Headers.GetValues("X-Amz-Security-Token").Should().Equal("token-1");
        request.Headers.GetValues("Authorization").Should().Equal(signature.Authorization);
        signature.SignedHeaders.Should().Be("content-type;host;x-amz-date;x-amz-security-token;x-amz-target");
        signature.ToString().Should().NotContain("secret-not-logged").And.NotContain(signature.Signature);
    }
}
