using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Runtime;
using Airline.Pipeline.Aws.Signing;

namespace Airline.Pipeline.Aws.Tests.Support;

/// <summary>One request the fake endpoint received, with the outcome of checking its SigV4 signature.</summary>
public sealed record RecordedRequest(
    string Method,
    string RawUrl,
    NameValueCollection Headers,
    byte[] Body,
    bool SignatureVerified,
    string SignatureProblem)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers[name];
}

/// <summary>A scripted reply.</summary>
public sealed record FakeReply(int Status, string Body, string ContentType, TimeSpan Hang = default)
{
    public static FakeReply Json(string body, int status = 200) => new(status, body, "application/x-amz-json-1.1");

    public static FakeReply Xml(string body, int status = 200) => new(status, body, "text/xml");
}

/// <summary>
/// An AWS endpoint on 127.0.0.1 (HttpListener, free port) that records every request, verifies its SigV4 signature
/// with the signer under test (recomputed from the headers it names and the expected secret), and answers with
/// scripted replies in order, then with the fallback.
/// </summary>
public sealed class FakeAwsServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private readonly ImmutableCredentials _expected;
    private readonly string _region;
    private readonly string _service;
    private readonly Task _loop;

    public FakeAwsServer(string region, string service, ImmutableCredentials expected, FakeReply fallback)
    {
        _region = region;
        _service = service;
        _expected = expected;
        Fallback = fallback;
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    public FakeReply Fallback { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var (verified, problem) = Verify(context.Request, body);
        Requests.Enqueue(new RecordedRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "/", context.Request.Headers, body, verified, problem));

        var reply = _script.TryDequeue(out var next) ? next : Fallback;
        try
        {
            if (reply.Hang > TimeSpan.Zero)
            {
                await Task.Delay(reply.Hang);
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            context.Response.Headers["x-amzn-RequestId"] = "req-" + Requests.Count.ToString(CultureInfo.InvariantCulture);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up (attempt timeout): nothing to answer.
        }
    }

    private (bool Verified, string Problem) Verify(HttpListenerRequest request, byte[] body)
    {
        var authorization = request.Headers["Authorization"];
        var amzDate = request.Headers["X-Amz-Date"];
        if (authorization is null || amzDate is null)
        {
            return (false, "no Authorization or X-Amz-Date header");
        }

        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(", ")
            .Select(part => part.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        var scope = parts["Credential"].Split('/');
        if (scope[0] != _expected.AccessKey || scope[2] != _region || scope[3] != _service)
        {
            return (false, $"credential scope {parts["Credential"]} is not {_expected.AccessKey}/.../{_region}/{_service}/aws4_request");
        }

        var added = new HashSet<string>(StringComparer.Ordinal) { "x-amz-date", "x-amz-security-token", "x-amz-content-sha256" };
        var headers = parts["SignedHeaders"].Split(';')
            .Where(name => !added.Contains(name))
            .SelectMany(name => (request.Headers.GetValues(name) ?? []).Select(value => KeyValuePair.Create(name, value)))
            .ToList();
        var rawUrl = request.RawUrl ?? "/";
        var query = rawUrl.Contains('?', StringComparison.Ordinal) ? rawUrl[rawUrl.IndexOf('?', StringComparison.Ordinal)..] : string.Empty;
        var path = query.Length > 0 ? rawUrl[..rawUrl.IndexOf('?', StringComparison.Ordinal)] : rawUrl;
        var queryPairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => KeyValuePair.Create(Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : string.Empty))
            .ToList();
        var credentials = new ImmutableCredentials(_expected.AccessKey, _expected.SecretKey, request.Headers["X-Amz-Security-Token"]);
        var time = DateTimeOffset.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var expected = new SigV4Signer(_region, _service).Sign(new SigV4Request(request.HttpMethod, path, queryPairs, headers, body), credentials, time);
        return expected.Signature == parts["Signature"]
            ? (true, string.Empty)
            : (false, "signature mismatch; canonical request:\n" + expected.CanonicalRequest);
    }
}
