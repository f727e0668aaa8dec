using System.Text;

namespace Airline.Pipeline.Aws.Signing.Internal;

/// <summary>The canonical pieces of a SigV4 canonical request.</summary>
internal static class CanonicalForm
{
    /// <summary>RFC 3986 encoding as SigV4 defines it: unreserved characters stay, every other UTF-8 byte is %XX.</summary>
    public static string UriEncode(string value, bool keepSlash = false)
    {
        var builder = new StringBuilder(value.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsUnreserved(c) || (keepSlash && c == '/'))
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < value.Length
                ? Encoding.UTF8.GetBytes(value.AsSpan(i++, 2), bytes)
                : Encoding.UTF8.GetBytes(value.AsSpan(i, 1), bytes);
            for (var b = 0; b < length; b++)
            {
                builder.Append('%').Append(bytes[b].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string Path(string path, bool normalize)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        if (!normalize)
        {
            return UriEncode(path, keepSlash: true);
        }

        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            switch (segment)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (segments.Count > 0)
                    {
                        segments.RemoveAt(segments.Count - 1);
                    }

                    continue;
                default:
                    segments.Add(UriEncode(segment));
                    break;
            }
        }

        var trailingSlash = segments.Count > 0 && (path.EndsWith('/') || path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal));
        return "/" + string.Join('/', segments) + (trailingSlash ? "/" : string.Empty);
    }

    public static string Query(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        if (query.Count == 0)
        {
            return string.Empty;
        }

        var encoded = query.Select(pair => (Name: UriEncode(pair.Key), Value: UriEncode(pair.Value))).ToList();
        encoded.Sort((left, right) =>
        {
            var byName = string.CompareOrdinal(left.Name, right.Name);
            return byName != 0 ? byName : string.CompareOrdinal(left.Value, right.Value);
        });
        return string.Join('&', encoded.Select(pair => pair.Name + "=" + pair.Value));
    }

    public static (string Canonical, string Signed) Headers(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var byName = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var key = name.Trim().ToLowerInvariant();
            if (!byName.TryGetValue(key, out var values))
            {
                byName[key] = values = [];
            }

            values.Add(TrimValue(value));
        }

        var canonical = new StringBuilder();
        foreach (var (name, values) in byName)
        {
            canonical.Append(name).Append(':').AppendJoin(',', values).Append('\n');
        }

        return (canonical.ToString(), string.Join(';', byName.Keys));
    }

    /// <summary>Parses a raw query string (<c>?a=1&amp;b</c>) into unescaped pairs.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            result.Add(new(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        return result;
    }

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';

    // Leading and trailing whitespace removed, runs of spaces collapsed to one (the suite's get-header-value-trim).
    private static string TrimValue(string value)
    {
        var builder = new StringBuilder(value.Length);
        var previousSpace = false;
        foreach (var c in value.AsSpan().Trim())
        {
            var isSpace = c is ' ' or '\t' or '\n' or '\r';
            if (isSpace && previousSpace)
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            previousSpace = isSpace;
        }

        return builder.ToString();
    }
}
