using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Airline.Pipeline.Audit.Internal;

namespace Airline.Pipeline.Audit;

/// <summary>
/// The identity of one pipeline run: sortable, unique and URL-safe. Generated ids are ULIDs (26 Crockford base32
/// characters: 48 bits of Unix milliseconds, then 80 random bits), so they sort by time with an ordinal string
/// comparison and carry their processing timestamp (<see cref="TryGetTimestamp"/>). Ids supplied by another
/// system (the seeds' Firehose Lambda stamps one) are accepted as they are when they use only URL-unreserved
/// characters (<c>A-Z a-z 0-9 - . _ ~</c>, at most <see cref="MaxLength"/>). System.Text.Json reads and writes it
/// as a string.
/// </summary>
[JsonConverter(typeof(RunIdJsonConverter))]
public readonly struct RunId : IEquatable<RunId>, IComparable<RunId>, ISpanFormattable, IParsable<RunId>
{
    /// <summary>The longest run id accepted (DynamoDB keys and S3 key segments stay short).</summary>
    public const int MaxLength = 128;

    private static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    private readonly string? _value;

    private RunId(string value) => _value = value;

    /// <summary>The id text; empty for <c>default(RunId)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for <c>default(RunId)</c>, which no store accepts.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(_value);

    /// <summary>True when the id is a canonical (upper-case) ULID whose timestamp is a valid date, so it carries its timestamp.</summary>
    public bool IsTimeOrdered => TryGetTimestamp(out _);

    /// <summary>A new ULID run id stamped with <paramref name="timeProvider"/>'s UTC now and 80 random bits.</summary>
    /// <remarks>Ids made in the same millisecond are unordered among themselves; use <see cref="RunIdGenerator"/>
    /// when one process makes many ids and needs them strictly increasing.</remarks>
    public static RunId NewRunId(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        return FromTimestamp(timeProvider.GetUtcNow(), random);
    }

    /// <summary>The ULID run id for <paramref name="timestamp"/> (millisecond precision) and 10 bytes of randomness.</summary>
    public static RunId FromTimestamp(DateTimeOffset timestamp, ReadOnlySpan<byte> randomness)
    {
        if (randomness.Length != 10)
        {
            throw new ArgumentException(
                $"randomness has {randomness.Length} bytes; a ULID needs exactly 10 (80 bits).", nameof(randomness));
        }

        var milliseconds = timestamp.ToUnixTimeMilliseconds();
        if (milliseconds < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(timestamp), timestamp, "a ULID timestamp must not be before 1970-01-01T00:00:00Z.");
        }

        return new RunId(Crockford.EncodeUlid(milliseconds, randomness));
    }

    /// <summary>The processing timestamp of a ULID run id (millisecond precision, UTC).</summary>
    /// <returns>False for supplied ids that are not canonical ULIDs.</returns>
    public bool TryGetTimestamp(out DateTimeOffset timestamp)
    {
        if (Crockford.TryDecodeTime(Value, out var milliseconds) && milliseconds <= MaxMilliseconds)
        {
            timestamp = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            return true;
        }

        timestamp = default;
        return false;
    }

    /// <summary>Parses a generated or supplied run id.</summary>
    /// <exception cref="FormatException">The text is empty, too long, or has a character outside <c>A-Z a-z 0-9 - . _ ~</c>;
    /// the message names the character and its position.</exception>
    public static RunId Parse(string s) => Parse(s, provider: null);

    /// <inheritdoc cref="Parse(string)"/>
    public static RunId Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        var problem = Check(s);
        return problem is null ? new RunId(s) : throw new FormatException(problem);
    }

    /// <summary>Parses a run id without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out RunId result) => TryParse(s, null, out result);

    /// <inheritdoc cref="TryParse(string?, out RunId)"/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out RunId result)
    {
        if (s is not null && Check(s) is null)
        {
            result = new RunId(s);
            return true;
        }

        result = default;
        return false;
    }

    internal static string? Check(string s)
    {
        if (s.Length == 0)
        {
            return "a run id must not be empty; generate one with RunId.NewRunId(timeProvider).";
        }

        if (s.Length > MaxLength)
        {
            return $"run id '{s[..32]}...' has {s.Length} characters; at most {MaxLength} are allowed.";
        }

        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~'))
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"run id '{s}' has '{c}' (U+{(int)c:X4}) at position {i}; use only A-Z a-z 0-9 - . _ ~ (URL-safe).");
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public bool Equals(RunId other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RunId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Ordinal order: for ULIDs this is time order.</summary>
    public int CompareTo(RunId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value;

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (Value.AsSpan().TryCopyTo(destination))
        {
            charsWritten = Value.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <summary>Equality by ordinal text.</summary>
    public static bool operator ==(RunId left, RunId right) => left.Equals(right);

    /// <summary>Inequality by ordinal text.</summary>
    public static bool operator !=(RunId left, RunId right) => !left.Equals(right);

    /// <summary>Ordinal order.</summary>
    public static bool operator <(RunId left, RunId right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal order.</summary>
    public static bool operator >(RunId left, RunId right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal order.</summary>
    public static bool operator <=(RunId left, RunId right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal order.</summary>
    public static bool operator >=(RunId left, RunId right) => left.CompareTo(right) >= 0;
}
