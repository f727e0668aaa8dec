namespace Airline.Pipeline.Aws.Signing;

/// <summary>
/// The parts of an HTTP request that Signature Version 4 covers, independent of any HTTP stack.
/// </summary>
/// <param name="Method">HTTP method, for example <c>POST</c>.</param>
/// <param name="Path">
/// The path as the signer should see it. Each segment is URI-encoded once when the canonical request is built, so a
/// path already percent-encoded on the wire ends up encoded twice, which is what every service except S3 expects.
/// </param>
/// <param name="Query">Query parameters, unencoded, in any order; duplicate names are allowed.</param>
/// <param name="Headers">Headers to sign, in request order; duplicate names are joined with commas.</param>
/// <param name="Body">The request body (hashed into the signature).</param>
public sealed record SigV4Request(
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body);
