namespace Airline.Pipeline.Aws.Signing;

/// <summary>Everything Signature Version 4 computed for one request, for sending and for diagnosis.</summary>
/// <param name="CanonicalRequest">The canonical request text.</param>
/// <param name="StringToSign">The string to sign.</param>
/// <param name="Signature">The lower-case hexadecimal signature.</param>
/// <param name="SignedHeaders">The semicolon-separated, sorted, lower-case names of the signed headers.</param>
/// <param name="AmzDate">The <c>X-Amz-Date</c> value (<c>yyyyMMddTHHmmssZ</c>).</param>
/// <param name="PayloadHash">The lower-case hexadecimal SHA-256 of the body.</param>
/// <param name="Authorization">The <c>Authorization</c> header value.</param>
public sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string Signature,
    string SignedHeaders,
    string AmzDate,
    string PayloadHash,
    string Authorization)
{
    /// <summary>Prints the signed headers and date only: the signature is not secret, but nothing here needs it.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"SigV4 {AmzDate} SignedHeaders={SignedHeaders}";
}
