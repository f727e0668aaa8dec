using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Airline.Pipeline.Aws.Signing.Internal;

namespace Airline.Pipeline.Aws.Signing;

/// <summary>
/// AWS Signature Version 4 (<c>AWS4-HMAC-SHA256</c>) for one service in one region: builds the canonical request and
/// the string to sign, derives the signing key and adds <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> (when the
/// credentials carry a session token) and <c>Authorization</c>. Reproduces AWS's published signing test suite.
/// </summary>
public sealed class SigV4Signer
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Creates a signer.</summary>
    /// <param name="region">Signing region, for example <c>eu-west-1</c>.</param>
    /// <param name="service">Signing name of the service, for example <c>glue</c> or <c>sns</c>.</param>
    /// <param name="normalizePath">
    /// Remove <c>.</c> and <c>..</c> segments and repeated slashes from the path before signing (every service but S3).
    /// </param>
    /// <param name="signPayloadHeader">Also add and sign <c>X-Amz-Content-SHA256</c> with the body's hash.</param>
    public SigV4Signer(string region, string service, bool normalizePath = true, bool signPayloadHeader = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        Region = region;
        Service = service;
        NormalizePath = normalizePath;
        SignPayloadHeader = signPayloadHeader;
    }

    /// <summary>The signing region.</summary>
    public string Region { get; }

    /// <summary>The service's signing name.</summary>
    public string Service { get; }

    /// <summary>Whether the path is normalized before signing.</summary>
    public bool NormalizePath { get; }

    /// <summary>Whether <c>X-Amz-Content-SHA256</c> is added and signed.</summary>
    public bool SignPayloadHeader { get; }

    /// <summary>
    /// Signs a request description. The returned signature names the headers to add (<c>X-Amz-Date</c>, the
    /// security token when present, <c>X-Amz-Content-SHA256</c> when asked, and <c>Authorization</c>).
    /// </summary>
    /// <param name="request">The request to sign.</param>
    /// <param name="credentials">Access key, secret key and optional session token.</param>
    /// <param name="signingTime">The signing instant (converted to UTC).</param>
    /// <returns>The canonical request, string to sign, signature and Authorization value.</returns>
    public SigV4Signature Sign(SigV4Request request, ImmutableCredentials credentials, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        var utc = signingTime.ToUniversalTime();
        var amzDate = utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var dateStamp = utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(request.Body.Span));

        var headers = new List<KeyValuePair<string, string>>(request.Headers.Count + 3);
        headers.AddRange(request.Headers);
        if (SignPayloadHeader)
        {
            headers.Add(new("x-amz-content-sha256", payloadHash));
        }

        headers.Add(new("x-amz-date", amzDate));
        if (!string.IsNullOrEmpty(credentials.Token))
        {
            headers.Add(new("x-amz-security-token", credentials.Token));
        }

        var (canonicalHeaders, signedHeaders) = CanonicalForm.Headers(headers);
        var canonicalRequest = string.Join(
            '\n',
            request.Method.ToUpperInvariant(),
            CanonicalForm.Path(request.Path, NormalizePath),
            CanonicalForm.Query(request.Query),
            canonicalHeaders,
            signedHeaders,
            payloadHash);

        var scope = $"{dateStamp}/{Region}/{Service}/aws4_request";
        var stringToSign = string.Join(
            '\n',
            Algorithm,
            amzDate,
            scope,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = SigningKey(credentials.SecretKey, dateStamp, Region, Service);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        var authorization =
            $"{Algorithm} Credential={credentials.AccessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new SigV4Signature(canonicalRequest, stringToSign, signature, signedHeaders, amzDate, payloadHash, authorization);
    }

    /// <summary>
    /// Signs an <see cref="HttpRequestMessage"/> in place: signs <c>Host</c>, <c>Content-Type</c> and every
    /// <c>X-Amz-*</c> header already present, then adds the signing headers.
    /// </summary>
    /// <param name="message">The request; its <see cref="HttpRequestMessage.RequestUri"/> must be absolute.</param>
    /// <param name="credentials">Access key, secret key and optional session token.</param>
    /// <param name="signingTime">The signing instant.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The signature that was applied.</returns>
    public async Task<SigV4Signature> SignAsync(
        HttpRequestMessage message,
        ImmutableCredentials credentials,
        DateTimeOffset signingTime,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var uri = message.RequestUri is { IsAbsoluteUri: true } absolute
            ? absolute
            : throw new ArgumentException("The request needs an absolute RequestUri to be signed.", nameof(message));
        var body = message.Content is null
            ? Array.Empty<byte>()
            : await message.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        message.Headers.Remove("X-Amz-Date");
        message.Headers.Remove("X-Amz-Security-Token");
        message.Headers.Remove("X-Amz-Content-SHA256");
        message.Headers.Remove("Authorization");

        var headers = new List<KeyValuePair<string, string>> { new("host", HostHeader(uri)) };
        if (message.Content?.Headers.ContentType is { } contentType)
        {
            headers.Add(new("content-type", contentType.ToString()));
        }

        foreach (var header in message.Headers)
        {
            if (header.Key.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(new(header.Key, string.Join(',', header.Value)));
            }
        }

        var signature = Sign(
            new SigV4Request(message.Method.Method, uri.AbsolutePath, CanonicalForm.ParseQuery(uri.Query), headers, body),
            credentials,
            signingTime);

        message.Headers.TryAddWithoutValidation("X-Amz-Date", signature.AmzDate);
        if (!string.IsNullOrEmpty(credentials.Token))
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        }

        if (SignPayloadHeader)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Content-SHA256", signature.PayloadHash);
        }

        message.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        return signature;
    }

    /// <summary>Derives the SigV4 signing key: HMAC chain over date, region, service and <c>aws4_request</c>.</summary>
    /// <param name="secretKey">The secret access key.</param>
    /// <param name="dateStamp">The date as <c>yyyyMMdd</c>.</param>
    /// <param name="region">The signing region.</param>
    /// <param name="service">The service's signing name.</param>
    /// <returns>The 32-byte signing key.</returns>
    public static byte[] SigningKey(string secretKey, string dateStamp, string region, string service)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretKey), Encoding.UTF8.GetBytes(dateStamp));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    private static string HostHeader(Uri uri) => uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
}
