using System.Net;
using System.Net.Http.Headers;

namespace Airline.Pipeline.Aws.Internal;

/// <summary>A fully read HTTP reply.</summary>
internal sealed record AwsHttpResponse(HttpStatusCode StatusCode, byte[] Body, HttpResponseHeaders Headers)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and < 300;

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
