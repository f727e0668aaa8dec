using Amazon.Runtime;
using Airline.Pipeline.Aws.Glue;
using Airline.Pipeline.Aws.Http;
using Airline.Pipeline.Aws.Tests.Support;

namespace Airline.Pipeline.Aws.Tests.Glue;

public sealed class NoSecretsTests
{
    private const string Secret = "wJalrXUtnFEMI-secret-under-test";
    private const string Token = "session-token-under-test";

    [Fact]
    public async Task RetriesAndErrors_NeverLogOrThrowKeysTokensOrSignatures()
    {
        var keys = new ImmutableCredentials("AKIDNOSECRETS", Secret, Token);
        using var server = new FakeAwsServer("eu-west-1", "glue", keys, FakeReply.Json(GlueReplies.Error("AccessDeniedException", "User is not authorized"), 400));
        server.Enqueue(FakeReply.Json(GlueReplies.Error("ThrottlingException", "Rate exceeded"), 400), new FakeReply(503, "unavailable", "text/plain"));
        using var http = new HttpClient();
        var logs = new CapturingLoggerFactory();
        var client = new GlueClient(http, new AwsServiceClientOptions { Region = "eu-west-1", ServiceUrl = server.Endpoint },
            new SessionAWSCredentials(keys.AccessKey, keys.SecretKey, keys.Token), new AutoAdvanceTimeProvider(), logs);

        var thrown = (await client.Invoking(c => c.GetJobRunAsync("flights-job", "jr_1")).Should().ThrowAsync<GlueException>()).Which;

        var signatures = server.Requests.Select(r => r.Header("Authorization")!.Split("Signature=")[1]).ToList();
        var everything = string.Join("\n", logs.Lines) + "\n" + thrown;
        logs.Lines.Should().Contain(line => line.Contains("retrying", StringComparison.Ordinal));
        everything.Should().NotContain(Secret).And.NotContain(Token).And.NotContain("Authorization");
        signatures.Should().OnlyContain(signature => !everything.Contains(signature, StringComparison.Ordinal));
    }

    [Fact]
    public void MissingProfile_MessageNamesTheProfileOnly()
    {
        var act = () => AwsCredentialResolver.Resolve("airline-profile-that-does-not-exist");

        act.Should().Throw<InvalidOperationException>().WithMessage("*'airline-profile-that-does-not-exist'*aws configure --profile*");
    }
}
