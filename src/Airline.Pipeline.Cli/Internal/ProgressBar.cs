using System.Globalization;
using System.Text;

namespace Airline.Pipeline.Cli.Internal;

/// <summary>
/// A one-line progress bar redrawn in place with a carriage return, at most ten times a second; only used when
/// standard output is a terminal (a redirected output gets no control characters).
/// </summary>
internal sealed class ProgressBar(TextWriter writer, long? totalBytes, TimeProvider time)
{
    private const int Width = 30;
    private readonly long _started = time.GetTimestamp();
    private long _lastDrawn = long.MinValue;
    private int _lastLength;

    public void Report(long bytesRead, long rowsRead)
    {
        var now = time.GetTimestamp();
        if (_lastDrawn != long.MinValue && time.GetElapsedTime(_lastDrawn, now) < TimeSpan.FromMilliseconds(100))
        {
            return;
        }

        _lastDrawn = now;
        var seconds = Math.Max(time.GetElapsedTime(_started, now).TotalSeconds, 1e-6);
        var text = new StringBuilder("\r");
        if (totalBytes is > 0 and var total)
        {
            var fraction = Math.Clamp((double)bytesRead / total, 0, 1);
            var filled = (int)(fraction * Width);
            text.Append('[').Append('#', filled).Append('.', Width - filled).Append("] ")
                .Append(string.Create(CultureInfo.InvariantCulture, $"{fraction * 100,5:0.0}%  "));
        }

        text.Append(string.Create(CultureInfo.InvariantCulture,
            $"{bytesRead / 1e6:0.0} MB, {rowsRead:N0} rows, {bytesRead / 1e6 / seconds:0.0} MB/s"));
        var length = text.Length;
        if (length < _lastLength)
        {
            text.Append(' ', _lastLength - length);
        }

        _lastLength = length;
        writer.Write(text.ToString());
        writer.Flush();
    }

    /// <summary>Erases the bar so the summary starts on a clean line.</summary>
    public void Clear()
    {
        if (_lastLength > 0)
        {
            writer.Write("\r" + new string(' ', _lastLength) + "\r");
            writer.Flush();
        }
    }
}
