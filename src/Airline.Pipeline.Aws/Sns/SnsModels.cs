namespace Airline.Pipeline.Aws.Sns;

/// <summary>Parameters of SNS <c>Publish</c> to a topic.</summary>
public sealed record SnsPublishRequest
{
    /// <summary>The topic ARN.</summary>
    public required string TopicArn { get; init; }

    /// <summary>The message body (UTF-8; with the attributes at most 256 KiB).</summary>
    public required string Message { get; init; }

    /// <summary>The e-mail subject: ASCII, under 100 characters, no line breaks or control characters.</summary>
    public string? Subject { get; init; }

    /// <summary>Message attributes (at most 10), by name.</summary>
    public IReadOnlyDictionary<string, SnsMessageAttribute> MessageAttributes { get; init; } =
        new Dictionary<string, SnsMessageAttribute>();

    /// <summary>FIFO topics: the message group.</summary>
    public string? MessageGroupId { get; init; }

    /// <summary>FIFO topics: the deduplication id.</summary>
    public string? MessageDeduplicationId { get; init; }
}

/// <summary>An SNS message attribute value.</summary>
/// <param name="DataType"><c>String</c>, <c>String.Array</c>, <c>Number</c> or <c>Binary</c> (optionally with a <c>.custom</c> suffix).</param>
/// <param name="StringValue">The value of String, String.Array and Number attributes.</param>
/// <param name="BinaryValue">The value of Binary attributes.</param>
public sealed record SnsMessageAttribute(string DataType, string? StringValue, ReadOnlyMemory<byte>? BinaryValue = null)
{
    /// <summary>A <c>String</c> attribute.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The attribute.</returns>
    public static SnsMessageAttribute String(string value) => new("String", value);

    /// <summary>A <c>Number</c> attribute (SNS carries numbers as text).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The attribute.</returns>
    public static SnsMessageAttribute Number(decimal value) =>
        new("Number", value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A <c>Binary</c> attribute.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The attribute.</returns>
    public static SnsMessageAttribute Binary(ReadOnlyMemory<byte> value) => new("Binary", null, value);
}

/// <summary>What <c>Publish</c> answered.</summary>
/// <param name="MessageId">The message id SNS assigned.</param>
/// <param name="SequenceNumber">FIFO topics: the sequence number.</param>
/// <param name="RequestId">The request id.</param>
public sealed record SnsPublishResult(string MessageId, string? SequenceNumber, string? RequestId);
