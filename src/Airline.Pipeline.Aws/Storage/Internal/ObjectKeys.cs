using System.Text;

namespace Airline.Pipeline.Aws.Storage.Internal;

/// <summary>Argument checks shared by the stores.</summary>
internal static class ObjectKeys
{
    public static void CheckBucket(string bucket)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucket);
        if (bucket.Length is < 3 or > 63 || !bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.') ||
            !char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
        {
            throw new ArgumentException(
                $"Bucket name '{bucket}' is invalid: use 3-63 lower-case letters, digits, '-' and '.', starting and ending with a letter or digit.",
                nameof(bucket));
        }
    }

    public static void CheckKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (Encoding.UTF8.GetByteCount(key) > 1024)
        {
            throw new ArgumentException($"Key '{key[..40]}...' is longer than S3's 1024 UTF-8 bytes.", nameof(key));
        }
    }

    public static void CheckMaxKeys(int maxKeys)
    {
        if (maxKeys is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxKeys), maxKeys, "maxKeys must be 1 to 1000 (S3's page limit).");
        }
    }

    public static void CheckPartSize(ObjectWriteOptions options)
    {
        if (options.PartSize < ObjectWriteOptions.MinimumPartSize)
        {
            throw new ArgumentException(
                $"PartSize {options.PartSize} is below S3's minimum part size {ObjectWriteOptions.MinimumPartSize} (5 MiB).",
                nameof(options));
        }
    }
}
